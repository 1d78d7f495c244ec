/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.learnamp;

import com.squareup.moshi.Moshi;
import dev.oauthkit.core.ApiException;
import dev.oauthkit.core.ErrorBody;
import dev.oauthkit.core.Grant;
import dev.oauthkit.core.ProviderBuilder;
import dev.oauthkit.core.ProviderConfig;
import dev.oauthkit.learnamp.model.Listing;
import dev.oauthkit.retrofit.ProviderClient;
import java.io.IOException;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import org.jspecify.annotations.Nullable;
import retrofit2.Call;
import retrofit2.Response;

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
 * <p>It keeps the provider contract of {@link ProviderClient}: {@link #execute} returns a body or
 * throws a {@link LearnAmpException}, {@link #create} implements the user's own Retrofit interfaces
 * for the endpoints that {@link LearnAmpApi} does not wrap. Every call sends {@code Accept:
 * application/json}, without which Learn Amp answers 406.
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
  }

  private static final Moshi MOSHI = new Moshi.Builder().build();

  private static final Headers DEFAULT_HEADERS = Headers.of("Accept", "application/json");

  private final LearnAmpApi api;

  private LearnAmp(ProviderConfig config, @Nullable String scope) {
    super(
        config,
        config
            .tokenManager(LearnAmpAuth.tokenEndpoint(config, scope), Grant.clientCredentials())
            .build(),
        LearnAmpAuth.RENEWAL_POLICY,
        DEFAULT_HEADERS,
        MOSHI);
    this.api = create(LearnAmpApi.class);
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
   * Executes the list call {@code call} and returns its page with the paging totals.
   *
   * @throws LearnAmpException if the API answered with an error status.
   * @throws IOException if the call failed, no token could be obtained, or a 2xx answer had no
   *     body.
   */
  public <T> Page<T> page(Call<? extends Listing<T>> call) throws IOException {
    Response<? extends Listing<T>> response = call.execute();
    if (!response.isSuccessful()) throw exception(response);
    return Page.of(response);
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
    return new Pages<>(this, pageCall);
  }

  /** Returns a {@link LearnAmpException} for the error body of a Learn Amp API. */
  @Override
  protected ApiException exception(ErrorBody errorBody) {
    return LearnAmpException.from(errorBody);
  }

  /**
   * Builds a {@link LearnAmp} client. The environment defaults to {@link Environment#EU1}; a custom
   * {@link #baseUrl(HttpUrl) base URL} is the account's API, such as {@code
   * https://api.learnamp.com/}, against which {@code v1/…} and {@code oauth/token} are resolved.
   */
  public static final class Builder extends ProviderBuilder<Builder, Environment> {
    private @Nullable String scope;

    Builder() {
      super(Environment.EU1, environment -> HttpUrl.get(environment.baseUrl));
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

    /**
     * Returns the client.
     *
     * @throws IllegalStateException if the client id or secret is missing.
     */
    public LearnAmp build() {
      return new LearnAmp(config(), scope);
    }
  }
}
