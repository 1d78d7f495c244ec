/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.learnamp;

import dev.oauthkit.learnamp.model.Item;
import dev.oauthkit.learnamp.model.ItemList;
import dev.oauthkit.learnamp.model.Learnlist;
import dev.oauthkit.learnamp.model.LearnlistContentList;
import dev.oauthkit.learnamp.model.LearnlistList;
import dev.oauthkit.learnamp.model.Team;
import dev.oauthkit.learnamp.model.TeamList;
import dev.oauthkit.learnamp.model.User;
import dev.oauthkit.learnamp.model.UserList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import retrofit2.Call;
import retrofit2.http.GET;
import retrofit2.http.Path;
import retrofit2.http.Query;
import retrofit2.http.QueryMap;

/**
 * The read endpoints of the <a href="https://learnamp.github.io/api-docs/">Learn Amp API</a>. Get
 * an instance from {@link LearnAmp#api()}, which adds the bearer token and {@code Accept:
 * application/json} to every call. Declare the endpoints it does not cover in your own interface
 * and get it from {@link LearnAmp#create}.
 *
 * <p>Each endpoint needs its scope ({@code users:read}, {@code teams:read}, {@code
 * team_users:read}, {@code items:read}, {@code learnlists:read}); without it the API answers 403.
 *
 * <p><b>Paging.</b> List endpoints take {@code page} (1-based) and {@code perPage}; pass null for
 * the server's default. The totals come back in response headers: read them with {@link
 * Page#of(retrofit2.Response)}, {@link LearnAmp#page(Call)} or iterate all pages with {@link
 * LearnAmp#pages(Pages.PageCall)}.
 *
 * <p><b>Filters.</b> Filter maps take the full parameter names, such as {@code filters[email]};
 * Retrofit percent-encodes the brackets ({@code filters%5Bemail%5D}).
 *
 * <p><b>Errors.</b> A call that is not 2xx returns a {@link retrofit2.Response} whose error body
 * {@link LearnAmpException#from(retrofit2.Response)} reads; {@link LearnAmp#execute(Call)} throws
 * it instead.
 */
public interface LearnAmpApi {
  /** Lists users, {@code GET /v1/users?page=…&perPage=…}. */
  @GET("v1/users")
  Call<UserList> users(
      @Query("page") @Nullable Integer page, @Query("perPage") @Nullable Integer perPage);

  /**
   * Lists users matching filters, {@code GET /v1/users?filters[…]=…}.
   *
   * @param filters single-valued filters by full name: {@code filters[email]}, {@code
   *     filters[first_name]}, {@code filters[last_name]} (both substring matches), {@code
   *     filters[role]}, {@code filters[no_team]}, {@code filters[team_ids]} ({@code 1,2,3}), {@code
   *     filters[created_at][from]} / {@code [to]}, {@code filters[updated_at][from]} / {@code
   *     [to]}, {@code filters[deactivated_at][from]} / {@code [to]} (ISO 8601 dates).
   * @param statuses sent as repeated {@code filters[status][]}: users in any of them ({@code
   *     not_invited}, {@code invite_scheduled}, {@code invite_pending}, {@code confirmed}, {@code
   *     deactivated}); empty for all.
   * @param expanded true to include avatar, manager, location, department and teams; null to leave
   *     the parameter out.
   */
  @GET("v1/users")
  Call<UserList> users(
      @QueryMap Map<String, String> filters,
      @Query("filters[status][]") List<String> statuses,
      @Query("expanded") @Nullable Boolean expanded,
      @Query("page") @Nullable Integer page,
      @Query("perPage") @Nullable Integer perPage);

  /** Returns one user with all details, {@code GET /v1/users/{id}}. */
  @GET("v1/users/{id}")
  Call<User> user(@Path("id") long id);

  /** Lists teams, {@code GET /v1/teams}. */
  @GET("v1/teams")
  Call<TeamList> teams(
      @Query("page") @Nullable Integer page, @Query("perPage") @Nullable Integer perPage);

  /**
   * Lists teams matching filters, {@code GET /v1/teams?filters[…]=…}.
   *
   * @param filters by full name: {@code filters[name]}, {@code filters[tags]} (comma-separated,
   *     matching any).
   */
  @GET("v1/teams")
  Call<TeamList> teams(
      @QueryMap Map<String, String> filters,
      @Query("page") @Nullable Integer page,
      @Query("perPage") @Nullable Integer perPage);

  /**
   * Returns one team with its users, sub-teams, parent team and tags, {@code GET /v1/teams/{id}}.
   */
  @GET("v1/teams/{id}")
  Call<Team> team(@Path("id") long id);

  /** Returns one team with its users in full, {@code GET /v1/teams/{id}/users}. */
  @GET("v1/teams/{id}/users")
  Call<Team> teamUsers(@Path("id") long id);

  /** Lists items, {@code GET /v1/items}. */
  @GET("v1/items")
  Call<ItemList> items(
      @Query("page") @Nullable Integer page, @Query("perPage") @Nullable Integer perPage);

  /** Returns one item with all details, {@code GET /v1/items/{id}}. */
  @GET("v1/items/{id}")
  Call<Item> item(@Path("id") long id);

  /** Lists learnlists, {@code GET /v1/learnlists}. */
  @GET("v1/learnlists")
  Call<LearnlistList> learnlists(
      @Query("page") @Nullable Integer page, @Query("perPage") @Nullable Integer perPage);

  /** Returns one learnlist, {@code GET /v1/learnlists/{id}}. */
  @GET("v1/learnlists/{id}")
  Call<Learnlist> learnlist(@Path("id") long id);

  /** Lists a learnlist's entries in learnlist order, {@code GET /v1/learnlists/{id}/contents}. */
  @GET("v1/learnlists/{id}/contents")
  Call<LearnlistContentList> learnlistContents(
      @Path("id") long id,
      @Query("page") @Nullable Integer page,
      @Query("perPage") @Nullable Integer perPage);
}
