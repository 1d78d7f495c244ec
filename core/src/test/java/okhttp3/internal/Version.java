/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package okhttp3.internal;

/**
 * Test stand-in for OkHttp 3.14.9's {@code okhttp3.internal.Version} (OkHttp 4 and 5 have no class
 * of this name). OkHttpVersionCheckTest loads it through a loader that cannot see the real OkHttp,
 * which is what the classpath of an app on OkHttp 3.x looks like to the check.
 */
public final class Version {
  /** Returns what OkHttp 3.14.9 returns. */
  public static String userAgent() {
    return "okhttp/3.14.9";
  }

  private Version() {}
}
