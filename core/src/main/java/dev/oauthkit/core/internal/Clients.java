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
   */
  public static OkHttpClient authenticated(
      OkHttpClient base, TokenManager tokens, TokenAuthenticator.RenewalPolicy policy) {
    return base.newBuilder()
        .addInterceptor(new TokenInterceptor(tokens))
        .authenticator(new TokenAuthenticator(tokens, policy))
        .build();
  }
}
