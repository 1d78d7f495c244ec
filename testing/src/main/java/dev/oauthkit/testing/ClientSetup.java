/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.testing;

import dev.oauthkit.core.ProviderBuilder;
import dev.oauthkit.core.TokenListener;
import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.MockWebServer;

/** How a shared provider test wants the client under test built. */
public final class ClientSetup {
  private final String clientSecret;
  private final MockWebServer server;
  private final OkHttpClient client;
  private final TokenListener listener;
  private final TestClock clock;

  ClientSetup(
      String clientSecret,
      MockWebServer server,
      OkHttpClient client,
      TokenListener listener,
      TestClock clock) {
    this.clientSecret = clientSecret;
    this.server = server;
    this.client = client;
    this.listener = listener;
    this.clock = clock;
  }

  /**
   * Returns {@code builder} with a client id, the client secret, the server as base URL, the HTTP
   * client, the token listener and the clock of this setup.
   */
  public <B extends ProviderBuilder<B, ?>> B configure(B builder) {
    return TestHttp.onServer(builder, "client-id", clientSecret, server, clock)
        .client(client)
        .tokenListener(listener);
  }
}
