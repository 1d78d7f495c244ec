/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.amadeus;

import com.squareup.moshi.Moshi;
import dev.oauthkit.amadeus.model.DataList;
import dev.oauthkit.amadeus.model.Links;
import dev.oauthkit.amadeus.model.Location;
import dev.oauthkit.core.ApiException;
import dev.oauthkit.core.ErrorBody;
import dev.oauthkit.core.Grant;
import dev.oauthkit.core.ProviderBuilder;
import dev.oauthkit.core.ProviderConfig;
import dev.oauthkit.retrofit.ProviderClient;
import java.util.Objects;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import org.jspecify.annotations.Nullable;
import retrofit2.Call;

/**
 * A client of the <a href="https://developers.amadeus.com/self-service">Amadeus for Developers
 * Self-Service APIs</a>. It obtains access tokens with the client credentials grant, attaches them
 * to API calls, renews them before they expire and when the API reports them invalid, expired or
 * revoked.
 *
 * <pre>{@code
 * Amadeus amadeus = Amadeus.builder()
 *     .clientId(System.getenv("AMADEUS_CLIENT_ID"))
 *     .clientSecret(System.getenv("AMADEUS_CLIENT_SECRET"))
 *     .build(); // The test environment.
 * DataList<Location> page = amadeus.execute(amadeus.api().locations("AIRPORT", "MUN", 10, null));
 * }</pre>
 *
 * <p>It keeps the provider contract of {@link ProviderClient}: {@link #execute} returns a body or
 * throws an {@link AmadeusException}, {@link #create} implements the user's own Retrofit interfaces
 * for the APIs that {@link AmadeusApi} does not wrap. Every call sends {@code Accept:
 * application/json, application/vnd.amadeus+json}, as the official SDKs do.
 *
 * <p>Instances are thread-safe; create one per set of credentials and share it.
 */
public final class Amadeus extends ProviderClient {
  /** The Amadeus environments. Test and production need different API keys. */
  public enum Environment {
    /** {@code https://test.api.amadeus.com/}: a subset of the data and a free monthly quota. */
    TEST("https://test.api.amadeus.com/"),
    /** {@code https://api.amadeus.com/}. */
    PRODUCTION("https://api.amadeus.com/");

    private final String baseUrl;

    Environment(String baseUrl) {
      this.baseUrl = baseUrl;
    }
  }

  private static final Moshi MOSHI = new Moshi.Builder().build();

  private static final Headers DEFAULT_HEADERS =
      Headers.of("Accept", "application/json, application/vnd.amadeus+json");

  private final AmadeusApi api;
  private final PagingApi paging;

  Amadeus(ProviderConfig config) {
    super(
        config,
        config.tokenManager(AmadeusAuth.tokenEndpoint(config), Grant.clientCredentials()).build(),
        AmadeusAuth.RENEWAL_POLICY,
        DEFAULT_HEADERS,
        MOSHI);
    this.api = create(AmadeusApi.class);
    this.paging = create(PagingApi.class);
  }

  /** Returns a builder for the test environment. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns the reference data APIs. */
  public AmadeusApi api() {
    return api;
  }

  /**
   * Returns a call for the page after {@code page}, following its {@code meta.links.next}; null if
   * {@code page} is the last page.
   *
   * <pre>{@code
   * for (DataList<Location> page = amadeus.execute(amadeus.api().locations("CITY", "LON", 10, null));
   *     page != null; ) {
   *   // Use page.data.
   *   Call<DataList<Location>> next = amadeus.nextPage(page);
   *   page = next != null ? amadeus.execute(next) : null;
   * }
   * }</pre>
   *
   * @throws IllegalArgumentException if the link is malformed. A link to another host than the base
   *     URL's (Amadeus' own, behind a gateway) is followed on the base URL, with the link's path
   *     and query: the access token is never sent elsewhere.
   */
  public @Nullable Call<DataList<Location>> nextPage(DataList<Location> page) {
    Objects.requireNonNull(page, "page == null");
    Links links = page.meta != null ? page.meta.links : null;
    String next = links != null ? links.next : null;
    if (next == null) return null;
    HttpUrl baseUrl = baseUrl();
    HttpUrl link = baseUrl.resolve(next);
    if (link == null) throw new IllegalArgumentException("malformed next page link");
    // Amadeus writes links to its own host. Behind a gateway (a custom base URL) the same path and
    // query, page[offset] included, are asked of the base URL: the token never goes elsewhere.
    HttpUrl url = link;
    if (!link.scheme().equals(baseUrl.scheme())
        || !link.host().equals(baseUrl.host())
        || link.port() != baseUrl.port()) {
      String path = link.encodedPath().substring(1);
      String query = link.encodedQuery();
      url = baseUrl.resolve(query != null ? path + "?" + query : path);
      if (url == null) throw new IllegalArgumentException("malformed next page link");
    }
    return paging.locations(url);
  }

  /** Returns an {@link AmadeusException} for the error body of an Amadeus API. */
  @Override
  protected ApiException exception(ErrorBody errorBody) {
    return AmadeusException.from(errorBody);
  }

  /**
   * Builds an {@link Amadeus} client. The environment defaults to {@link Environment#TEST}; with a
   * custom {@link #baseUrl(HttpUrl) base URL}, the token endpoint is {@code
   * v1/security/oauth2/token} below it.
   */
  public static final class Builder extends ProviderBuilder<Builder, Environment> {
    Builder() {
      super(Environment.TEST, environment -> HttpUrl.get(environment.baseUrl));
    }

    /**
     * Returns the client.
     *
     * @throws IllegalStateException if the client id or secret is missing.
     */
    public Amadeus build() {
      return new Amadeus(config());
    }
  }
}
