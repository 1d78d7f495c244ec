/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.amadeus;

import com.squareup.moshi.Moshi;
import dev.oauthkit.amadeus.model.DataList;
import dev.oauthkit.amadeus.model.Links;
import dev.oauthkit.amadeus.model.Location;
import dev.oauthkit.core.Clock;
import dev.oauthkit.core.Grant;
import dev.oauthkit.core.ProviderBuilder;
import dev.oauthkit.core.ProviderClient;
import dev.oauthkit.core.ProviderConfig;
import java.io.IOException;
import java.util.Objects;
import javax.annotation.Nullable;
import okhttp3.HttpUrl;
import retrofit2.Call;
import retrofit2.Response;
import retrofit2.Retrofit;
import retrofit2.converter.moshi.MoshiConverterFactory;

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

    /** Returns the base URL of this environment's APIs, which ends in {@code /}. */
    public HttpUrl baseUrl() {
      return HttpUrl.get(baseUrl);
    }
  }

  private final Clock clock;
  private final AmadeusApi api;
  private final PagingApi paging;

  Amadeus(ProviderConfig config) {
    super(
        config.baseUrl(),
        config.tokenManager(AmadeusAuth.tokenEndpoint(config), Grant.clientCredentials()).build());
    this.clock = config.clock();
    Retrofit retrofit =
        new Retrofit.Builder()
            .baseUrl(config.baseUrl())
            .client(config.authenticated(tokens(), AmadeusAuth.RENEWAL_POLICY))
            .addConverterFactory(MoshiConverterFactory.create(new Moshi.Builder().build()))
            .build();
    this.api = retrofit.create(AmadeusApi.class);
    this.paging = retrofit.create(PagingApi.class);
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
   * Executes {@code call} and returns its body.
   *
   * @throws AmadeusException if the API answers with an error status ({@link
   *     AmadeusRateLimitException} for 429).
   * @throws dev.oauthkit.core.TokenRequestException if no access token could be obtained, such as
   *     for invalid credentials ({@code invalid_client}, code 38187).
   * @throws IOException if the call failed or a successful answer had no body.
   */
  public <T> T execute(Call<T> call) throws IOException {
    Response<T> response = call.execute();
    if (!response.isSuccessful()) throw AmadeusException.from(response, clock);
    return requireBody(response.body(), response.code());
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

  @Override
  public String toString() {
    return "Amadeus{" + baseUrl().redact() + "}";
  }

  /**
   * Builds an {@link Amadeus} client. The base URL defaults to {@link Environment#TEST}; with a
   * custom {@link #baseUrl(HttpUrl) base URL}, the token endpoint is {@code
   * v1/security/oauth2/token} below it.
   */
  public static final class Builder extends ProviderBuilder<Builder> {
    Builder() {
      super(Environment.TEST.baseUrl(), "base URL");
    }

    /** Sets the environment. Defaults to {@link Environment#TEST}. */
    public Builder environment(Environment environment) {
      Objects.requireNonNull(environment, "environment == null");
      return baseUrl(environment.baseUrl());
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
