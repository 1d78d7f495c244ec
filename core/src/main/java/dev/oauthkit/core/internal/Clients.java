/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.core.internal;

import dev.oauthkit.core.TokenAuthenticator;
import dev.oauthkit.core.TokenInterceptor;
import dev.oauthkit.core.TokenManager;
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
}
