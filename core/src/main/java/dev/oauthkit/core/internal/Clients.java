/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.core.internal;

import dev.oauthkit.core.ClientAuthentication;
import dev.oauthkit.core.TokenAuthenticator;
import dev.oauthkit.core.TokenEndpoint;
import dev.oauthkit.core.TokenInterceptor;
import dev.oauthkit.core.TokenManager;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/** Wiring shared by the provider modules. */
public final class Clients {
  private Clients() {}

  /**
   * Returns {@code base} with a {@link TokenInterceptor} and a {@link TokenAuthenticator} for
   * {@code tokens}. The returned client shares {@code base}'s connection pool and dispatcher.
   *
   * <p>The interceptor is installed both as an application and as a network interceptor: OkHttp
   * follows redirects below the application interceptors, so only the network position can take the
   * token off a redirect that leaves the API's base path or goes to the token endpoint.
   */
  public static OkHttpClient authenticated(
      OkHttpClient base, TokenManager tokens, TokenAuthenticator.RenewalPolicy policy) {
    TokenInterceptor interceptor = new TokenInterceptor(tokens);
    return base.newBuilder()
        .addInterceptor(interceptor)
        .addNetworkInterceptor(interceptor)
        .authenticator(new TokenAuthenticator(tokens, policy))
        .build();
  }

  /**
   * Returns a token endpoint builder for {@code path}, resolved against {@code baseUrl}, that sends
   * the client credentials in the request body ({@link ClientAuthentication#REQUEST_BODY}).
   *
   * @throws IllegalArgumentException if {@code path} cannot be resolved against {@code baseUrl}.
   */
  public static TokenEndpoint.Builder tokenEndpoint(
      HttpUrl baseUrl, String path, String clientId, String clientSecret) {
    HttpUrl url = baseUrl.resolve(path);
    if (url == null) throw new IllegalArgumentException("unexpected base URL: " + baseUrl.redact());
    return new TokenEndpoint.Builder()
        .url(url)
        .clientId(clientId)
        .clientSecret(clientSecret)
        .clientAuthentication(ClientAuthentication.REQUEST_BODY);
  }
}
