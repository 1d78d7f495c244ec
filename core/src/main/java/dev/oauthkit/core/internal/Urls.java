/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.core.internal;

import okhttp3.HttpUrl;

/** Checks on the URLs that tokens and secrets are sent to. */
public final class Urls {
  private Urls() {}

  /** Returns true for hosts that never leave this machine; decided without a DNS lookup. */
  private static boolean isLoopback(String host) {
    return host.equals("localhost")
        || host.endsWith(".localhost")
        || host.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}")
        || host.equals("::1")
        || host.equals("0:0:0:0:0:0:0:1");
  }

  /**
   * Returns {@code url} for a description or a message: without its user info and query, either of
   * which may carry a credential, and without its fragment. Unlike {@link HttpUrl#redact()} it
   * keeps the path.
   */
  public static String describe(HttpUrl url) {
    return url.newBuilder().username("").password("").query(null).fragment(null).build().toString();
  }

  /**
   * Returns {@code url} if it is https or loopback http, or if {@code allowInsecureHttp}.
   *
   * @throws IllegalArgumentException otherwise, naming {@code what}.
   */
  public static HttpUrl checkSecure(HttpUrl url, boolean allowInsecureHttp, String what) {
    if (url.isHttps() || allowInsecureHttp || isLoopback(url.host())) return url;
    throw new IllegalArgumentException(
        what
            + " "
            + url.redact()
            + " is plain http: use https or a loopback host; tokens and secrets would cross the"
            + " network unencrypted");
  }
}
