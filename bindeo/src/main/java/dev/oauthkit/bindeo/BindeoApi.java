/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.bindeo;

import dev.oauthkit.bindeo.model.AccountType;
import dev.oauthkit.bindeo.model.Data;
import dev.oauthkit.bindeo.model.Identity;
import dev.oauthkit.bindeo.model.LocaleChange;
import dev.oauthkit.bindeo.model.MediaType;
import dev.oauthkit.bindeo.model.NewAccount;
import dev.oauthkit.bindeo.model.PasswordChange;
import dev.oauthkit.bindeo.model.ResourceList;
import dev.oauthkit.bindeo.model.User;
import retrofit2.Call;
import retrofit2.http.Body;
import retrofit2.http.DELETE;
import retrofit2.http.GET;
import retrofit2.http.POST;
import retrofit2.http.PUT;
import retrofit2.http.Query;

/**
 * The Bindeo API's general data and account endpoints. Get an instance from {@link Bindeo#api()};
 * its calls carry a token and renew it as needed.
 *
 * <p>A client-credentials token (scope {@code anonymous}) may call the {@code /general} endpoints
 * and {@link #createAccount}; the other account endpoints need a signed-in user's token. An error
 * status is a {@code retrofit2.Response} that is not successful: turn it into a {@link
 * BindeoException} with {@link BindeoException#from}, or call through {@link Bindeo#execute} (and
 * {@link Bindeo#send} for {@link #deleteAccount}, which answers without a body). Declare the
 * endpoints it does not cover in your own interface and get it from {@link Bindeo#create}.
 */
public interface BindeoApi {
  /** Lists the account types, translated to {@code locale} ({@code en_US} or {@code es_ES}). */
  @GET("general/account-types")
  Call<ResourceList<AccountType>> accountTypes(@Query("locale") String locale);

  /** Lists the media types, translated to {@code locale} ({@code en_US} or {@code es_ES}). */
  @GET("general/media-types")
  Call<ResourceList<MediaType>> mediaTypes(@Query("locale") String locale);

  /** Creates a user account; answers 201 with the new user. */
  @POST("account")
  Call<Data<User>> createAccount(@Body NewAccount account);

  /** Changes the signed-in user's locale; answers with the user. */
  @PUT("account")
  Call<Data<User>> updateLocale(@Body LocaleChange change);

  /** Cancels the signed-in user's account; answers 204 without a body. */
  @DELETE("account")
  Call<Void> deleteAccount();

  /** Changes the signed-in user's password; answers with the user. */
  @PUT("account/password")
  Call<Data<User>> changePassword(@Body PasswordChange change);

  /** Lists the signed-in user's active identities. */
  @GET("account/identities")
  Call<ResourceList<Identity>> identities();
}
