/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.learnamp;

import com.squareup.moshi.Moshi;
import dev.oauthkit.core.Grant;
import dev.oauthkit.core.ProviderBuilder;
import dev.oauthkit.core.ProviderClient;
import dev.oauthkit.core.ProviderConfig;
import dev.oauthkit.core.TokenManager;
import dev.oauthkit.learnamp.model.Listing;
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
public final class LearnAmp extends ProviderClient {
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

  private final LearnAmpApi api;

  private LearnAmp(HttpUrl baseUrl, TokenManager tokens, LearnAmpApi api) {
    super(baseUrl, tokens);
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
    return requireBody(response.body(), response.code());
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
    return "LearnAmp{baseUrl=" + baseUrl().redact() + ", " + tokens() + "}";
  }

  /**
   * Builds a {@link LearnAmp} client. The base URL defaults to {@link Environment#EU1}; a custom
   * {@link #baseUrl(HttpUrl) base URL} is the account's API, such as {@code
   * https://api.learnamp.com/}, against which {@code v1/…} and {@code oauth/token} are resolved.
   */
  public static final class Builder extends ProviderBuilder<Builder> {
    private @Nullable String scope;

    Builder() {
      super(Environment.EU1.baseUrl(), "Learn Amp base URL");
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
      return baseUrl(environment.baseUrl());
    }

    /**
     * Returns the client.
     *
     * @throws IllegalStateException if the client id or secret is missing.
     */
    public LearnAmp build() {
      ProviderConfig config = config();
      HttpUrl baseUrl = config.baseUrl();
      TokenManager tokens =
          config
              .tokenManager(LearnAmpAuth.tokenEndpoint(config, scope), Grant.clientCredentials())
              .build();
      OkHttpClient authenticated = config.authenticated(tokens, LearnAmpAuth.RENEWAL_POLICY);
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
