/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.samples;

import okhttp3.OkHttpClient;

/** Small things every flow needs. */
final class Samples {
  private Samples() {}

  /** Releases a client's threads and connections so the program exits promptly. */
  static void shutDown(OkHttpClient client) {
    client.dispatcher().executorService().shutdown();
    client.connectionPool().evictAll();
  }
}
