/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.learnamp;

import com.squareup.moshi.Moshi;
import dev.oauthkit.core.Clock;
import dev.oauthkit.core.Grant;
import dev.oauthkit.core.TokenListener;
import dev.oauthkit.core.TokenManager;
import dev.oauthkit.core.TokenStore;
import dev.oauthkit.core.internal.Clients;
import dev.oauthkit.core.internal.Urls;
import dev.oauthkit.learnamp.model.Listing;
import java.io.IOException;
import java.util.Objects;
import javax.annotation.Nullable;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import retrofit2.Call;
import retrofit2.Response;
import retrofit2.Retrofit;
import retrofit2.converter.moshi.MoshiConverterFactory;

/**
 * A client of the <a href="https://learnamp.github.io/api-docs/">Learn Amp API</a> that obtains,
 * caches and renews its OAuth2 client-credentials token by itself.
 *
 * <pre>{@code
 * LearnAmp learnAmp = LearnAmp.builder()
 *     .clientId(System.getenv("LEARNAMP_CLIENT_ID"))
 *     .clientSecret(System.getenv("LEARNAMP_CLIENT_SECRET"))
 *     .environment(LearnAmp.Environment.EU2)
 *     .scope("users:read items:read")
 *     .build();
 * User user = learnAmp.execute(learnAmp.api().user(1));
 * }</pre>
 *
 * <p>Tokens come from {@code POST {baseUrl}oauth/token} (multipart form, client credentials). They
 * last 7200 seconds and have no refresh token; a new one is fetched shortly before expiry, and once
 * more when the API answers 401, after which the request is retried once. A 403 is returned as is.
 *
 * <p>Instances are thread-safe; create one per set of credentials and share it.
 */
public final class LearnAmp {
  /** The Learn Amp API regions. An account's region is shown under Company Settings → API. */
  public enum Environment {
    /** EU1, {@code https://api.learnamp.com/}. */
    EU1("https://api.learnamp.com/"),
    /** EU2, {@code https://api-eu2.learnamp.com/}. */
    EU2("https://api-eu2.learnamp.com/");

    private final String baseUrl;

    Environment(String baseUrl) {
      this.baseUrl = baseUrl;
    }

    /** Returns the base URL of this region. */
    public HttpUrl baseUrl() {
      return HttpUrl.get(baseUrl);
    }
  }

  private final HttpUrl baseUrl;
  private final TokenManager tokens;
  private final LearnAmpApi api;

  private LearnAmp(HttpUrl baseUrl, TokenManager tokens, LearnAmpApi api) {
    this.baseUrl = baseUrl;
    this.tokens = tokens;
    this.api = api;
  }

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns the API. Its calls carry the bearer token and {@code Accept: application/json}. */
  public LearnAmpApi api() {
    return api;
  }

  /** Returns the token manager, to observe or clear the token. */
  public TokenManager tokens() {
    return tokens;
  }

  /** Returns the base URL that the API paths and {@code oauth/token} are resolved against. */
  public HttpUrl baseUrl() {
    return baseUrl;
  }

  /**
   * Executes {@code call} and returns its body.
   *
   * @throws LearnAmpException if the API answered with an error status.
   * @throws IOException if the call failed, no token could be obtained ({@link
   *     dev.oauthkit.core.TokenRequestException}), or a successful response had no body.
   */
  public <T> T execute(Call<T> call) throws IOException {
    Response<T> response = call.execute();
    if (!response.isSuccessful()) throw LearnAmpException.from(response);
    T body = response.body();
    if (body == null) throw new IOException("HTTP " + response.code() + " without a body");
    return body;
  }

  /**
   * Executes the list call {@code call} and returns its page with the paging totals.
   *
   * @throws LearnAmpException if the API answered with an error status.
   * @throws IOException if the call failed or no token could be obtained.
   */
  public <T> Page<T> page(Call<? extends Listing<T>> call) throws IOException {
    return Page.of(call.execute());
  }

  /**
   * Returns a walk over all pages of a list, starting at page 1. Nothing is fetched until {@link
   * Pages#next()}.
   *
   * <pre>{@code
   * Pages<Item> pages = learnAmp.pages(page -> learnAmp.api().items(page, 100));
   * }</pre>
   */
  public <T> Pages<T> pages(Pages.PageCall<T> pageCall) {
    return new Pages<>(pageCall);
  }

  @Override
  public String toString() {
    return "LearnAmp{baseUrl=" + baseUrl + ", " + tokens + "}";
  }

  /** Builds a {@link LearnAmp} client. */
  public static final class Builder {
    private @Nullable String clientId;
    private @Nullable String clientSecret;
    private @Nullable String scope;
    private HttpUrl baseUrl = Environment.EU1.baseUrl();
    private @Nullable OkHttpClient client;
    private TokenStore tokenStore = TokenStore.inMemory();
    private TokenListener tokenListener = TokenListener.NONE;
    private Clock clock = Clock.SYSTEM;

    Builder() {}

    /** Sets the API client id. Required. */
    public Builder clientId(String clientId) {
      this.clientId = Objects.requireNonNull(clientId, "clientId == null");
      return this;
    }

    /** Sets the API client secret. Required. */
    public Builder clientSecret(String clientSecret) {
      this.clientSecret = Objects.requireNonNull(clientSecret, "clientSecret == null");
      return this;
    }

    /**
     * Sets the space-separated scopes to request, such as {@code "users:read items:read"}, or null
     * (the default) to send none and get the server's default ({@code public}). Credentials that
     * are provisioned with specific scopes must request them, or the token request fails with
     * {@code invalid_scope}.
     *
     * @throws IllegalArgumentException if {@code scope} is empty or blank.
     */
    public Builder scope(@Nullable String scope) {
      if (scope != null && scope.trim().isEmpty()) {
        throw new IllegalArgumentException("scope is empty; pass null for the default scope");
      }
      this.scope = scope;
      return this;
    }

    /** Uses the base URL of {@code environment}. Defaults to {@link Environment#EU1}. */
    public Builder environment(Environment environment) {
      Objects.requireNonNull(environment, "environment == null");
      this.baseUrl = environment.baseUrl();
      return this;
    }

    /**
     * Sets the base URL of the account's API, such as {@code https://api.learnamp.com/}. It must
     * end in {@code /}; {@code v1/…} and {@code oauth/token} are resolved against it.
     *
     * @throws IllegalArgumentException if it does not end in {@code /}, or is plain http to a host
     *     that is not loopback.
     */
    public Builder baseUrl(HttpUrl baseUrl) {
      Objects.requireNonNull(baseUrl, "baseUrl == null");
      if (!baseUrl.encodedPath().endsWith("/")) {
        throw new IllegalArgumentException("baseUrl must end in /: " + baseUrl.redact());
      }
      this.baseUrl = Urls.checkSecure(baseUrl, false, "Learn Amp base URL");
      return this;
    }

    /**
     * Sets the base URL of the account's API.
     *
     * @throws IllegalArgumentException if it is not a valid http or https URL, does not end in
     *     {@code /}, or is plain http to a host that is not loopback.
     */
    public Builder baseUrl(String baseUrl) {
      Objects.requireNonNull(baseUrl, "baseUrl == null");
      return baseUrl(HttpUrl.get(baseUrl));
    }

    /**
     * Sets the client whose connection pool, dispatcher, timeouts and interceptors API calls use.
     * Token requests use it without its interceptors' logging. Defaults to a new client.
     */
    public Builder client(OkHttpClient client) {
      this.client = Objects.requireNonNull(client, "client == null");
      return this;
    }

    /** Sets where tokens are kept. Defaults to a new in-memory store. */
    public Builder tokenStore(TokenStore tokenStore) {
      this.tokenStore = Objects.requireNonNull(tokenStore, "tokenStore == null");
      return this;
    }

    /** Sets the listener for token events. Defaults to {@link TokenListener#NONE}. */
    public Builder tokenListener(TokenListener tokenListener) {
      this.tokenListener = Objects.requireNonNull(tokenListener, "tokenListener == null");
      return this;
    }

    /** Sets the clock that token expiry is measured with. Defaults to {@link Clock#SYSTEM}. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock == null");
      return this;
    }

    /**
     * Returns the client.
     *
     * @throws IllegalStateException if the client id or secret is missing.
     */
    public LearnAmp build() {
      if (clientId == null) throw new IllegalStateException("clientId required.");
      if (clientSecret == null) throw new IllegalStateException("clientSecret required.");
      OkHttpClient base = client != null ? client : new OkHttpClient();
      TokenManager tokens =
          new TokenManager.Builder(
                  LearnAmpAuth.tokenEndpoint(baseUrl, clientId, clientSecret, scope),
                  Grant.clientCredentials())
              .client(base)
              .store(tokenStore)
              .listener(tokenListener)
              .clock(clock)
              .addApiBaseUrl(baseUrl)
              .build();
      OkHttpClient authenticated =
          Clients.authenticated(base, tokens, LearnAmpAuth.RENEWAL_POLICY)
              .newBuilder()
              .addInterceptor(
                  chain -> {
                    Request request = chain.request();
                    if (request.header("Accept") != null) return chain.proceed(request);
                    return chain.proceed(
                        request.newBuilder().header("Accept", "application/json").build());
                  })
              .build();
      Retrofit retrofit =
          new Retrofit.Builder()
              .baseUrl(baseUrl)
              .client(authenticated)
              .addConverterFactory(MoshiConverterFactory.create(new Moshi.Builder().build()))
              .build();
      return new LearnAmp(baseUrl, tokens, retrofit.create(LearnAmpApi.class));
    }
  }
}
