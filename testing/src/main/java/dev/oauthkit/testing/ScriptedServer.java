/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.testing;

import java.io.Closeable;
import java.io.IOException;
import okhttp3.mockwebserver.MockWebServer;

/**
 * A MockWebServer whose token endpoint and API are told apart by path, each answering from its
 * {@link Script}. It starts when its URL is first asked for; close it with {@code @AutoClose}.
 */
public final class ScriptedServer implements Closeable {
  /** The server. */
  public final MockWebServer server = new MockWebServer();

  /** The answers of the token endpoint. */
  public final Script token = new Script();

  /** The answers of every other path. */
  public final Script api = new Script();

  /** Routes {@code tokenPath} to {@link #token} and all else to {@link #api}. */
  public ScriptedServer(String tokenPath) {
    server.setDispatcher(Script.route(tokenPath, token, api));
  }

  @Override
  public void close() throws IOException {
    server.shutdown();
  }
}
