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
import dev.oauthkit.core.TokenListener;
import dev.oauthkit.core.TokenManager;
import dev.oauthkit.core.TokenStore;
import dev.oauthkit.core.internal.Clients;
import dev.oauthkit.core.internal.Urls;
import java.io.IOException;
import java.util.Objects;
import javax.annotation.Nullable;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
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
public final class Amadeus {
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

  private final HttpUrl baseUrl;
  private final TokenManager tokens;
  private final Clock clock;
  private final AmadeusApi api;
  private final PagingApi paging;

  Amadeus(Builder builder, String clientId, String clientSecret) {
    this.baseUrl = builder.baseUrl;
    this.clock = builder.clock;
    OkHttpClient base = builder.client != null ? builder.client : new OkHttpClient();
    this.tokens =
        new TokenManager.Builder(
                AmadeusAuth.tokenEndpoint(baseUrl, clientId, clientSecret),
                Grant.clientCredentials())
            .client(base)
            .store(builder.tokenStore)
            .listener(builder.tokenListener)
            .clock(clock)
            .addApiBaseUrl(baseUrl) // Only below the base URL's path, for a custom base URL.
            .build();
    Retrofit retrofit =
        new Retrofit.Builder()
            .baseUrl(baseUrl)
            .client(Clients.authenticated(base, tokens, AmadeusAuth.RENEWAL_POLICY))
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

  /** Returns the token manager, to observe or clear the access token. */
  public TokenManager tokens() {
    return tokens;
  }

  /** Returns the base URL of the APIs. */
  public HttpUrl baseUrl() {
    return baseUrl;
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
    if (!response.isSuccessful()) {
      throw AmadeusException.create(
          response.code(),
          response.headers(),
          response.errorBody(),
          response.raw().request(),
          clock.currentTimeMillis());
    }
    T body = response.body();
    if (body == null) throw new IOException("HTTP " + response.code() + " without a body");
    return body;
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
   * @throws IllegalArgumentException if the link is malformed or leads to another host than the
   *     base URL's: the access token is not sent elsewhere.
   */
  public @Nullable Call<DataList<Location>> nextPage(DataList<Location> page) {
    Objects.requireNonNull(page, "page == null");
    Links links = page.meta != null ? page.meta.links : null;
    String next = links != null ? links.next : null;
    if (next == null) return null;
    HttpUrl url = baseUrl.resolve(next);
    if (url == null) throw new IllegalArgumentException("malformed next page link");
    if (!url.scheme().equals(baseUrl.scheme())
        || !url.host().equals(baseUrl.host())
        || url.port() != baseUrl.port()) {
      throw new IllegalArgumentException(
          "next page link leads to "
              + url.scheme()
              + "://"
              + url.host()
              + ":"
              + url.port()
              + ", not to "
              + baseUrl.host()
              + "; not following it");
    }
    return paging.locations(url);
  }

  @Override
  public String toString() {
    return "Amadeus{" + baseUrl + "}";
  }

  /** Builds an {@link Amadeus} client. */
  public static final class Builder {
    @Nullable String clientId;
    @Nullable String clientSecret;
    HttpUrl baseUrl = Environment.TEST.baseUrl();
    @Nullable OkHttpClient client;
    TokenStore tokenStore = TokenStore.inMemory();
    TokenListener tokenListener = TokenListener.NONE;
    Clock clock = Clock.SYSTEM;

    Builder() {}

    /** Sets the API key of the application. Required. */
    public Builder clientId(String clientId) {
      this.clientId = Objects.requireNonNull(clientId, "clientId == null");
      return this;
    }

    /** Sets the API secret of the application. Required. */
    public Builder clientSecret(String clientSecret) {
      this.clientSecret = Objects.requireNonNull(clientSecret, "clientSecret == null");
      return this;
    }

    /** Sets the environment. Defaults to {@link Environment#TEST}. */
    public Builder environment(Environment environment) {
      Objects.requireNonNull(environment, "environment == null");
      this.baseUrl = environment.baseUrl();
      return this;
    }

    /**
     * Sets a custom base URL, such as a gateway or a test server, in place of an {@link
     * Environment}. The token endpoint is {@code v1/security/oauth2/token} below it, and the access
     * token is sent only to URLs below it.
     *
     * @throws IllegalArgumentException if {@code baseUrl} does not end in {@code /}, or is plain
     *     http to a host that is not loopback.
     */
    public Builder baseUrl(HttpUrl baseUrl) {
      Objects.requireNonNull(baseUrl, "baseUrl == null");
      Urls.checkSecure(baseUrl, false, "base URL");
      if (!baseUrl.pathSegments().get(baseUrl.pathSize() - 1).isEmpty()) {
        throw new IllegalArgumentException("baseUrl must end in /: " + baseUrl.redact());
      }
      this.baseUrl = baseUrl;
      return this;
    }

    /**
     * Sets a custom base URL; see {@link #baseUrl(HttpUrl)}.
     *
     * @throws IllegalArgumentException if {@code baseUrl} is not a valid http or https URL.
     */
    public Builder baseUrl(String baseUrl) {
      Objects.requireNonNull(baseUrl, "baseUrl == null");
      return baseUrl(HttpUrl.get(baseUrl));
    }

    /**
     * Sets the client whose connection pool, dispatcher, timeouts and interceptors the API and
     * token requests share. Defaults to a new client.
     */
    public Builder client(OkHttpClient client) {
      this.client = Objects.requireNonNull(client, "client == null");
      return this;
    }

    /** Sets where access tokens are kept. Defaults to a new {@link TokenStore#inMemory()}. */
    public Builder tokenStore(TokenStore tokenStore) {
      this.tokenStore = Objects.requireNonNull(tokenStore, "tokenStore == null");
      return this;
    }

    /** Sets the listener for token events. Defaults to {@link TokenListener#NONE}. */
    public Builder tokenListener(TokenListener tokenListener) {
      this.tokenListener = Objects.requireNonNull(tokenListener, "tokenListener == null");
      return this;
    }

    /** Sets the clock. Defaults to {@link Clock#SYSTEM}. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock == null");
      return this;
    }

    /**
     * Returns the client.
     *
     * @throws IllegalStateException if the client id or secret is missing.
     */
    public Amadeus build() {
      if (clientId == null) throw new IllegalStateException("clientId required.");
      if (clientSecret == null) throw new IllegalStateException("clientSecret required.");
      return new Amadeus(this, clientId, clientSecret);
    }
  }
}
