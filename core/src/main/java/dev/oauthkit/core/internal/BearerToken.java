/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.core.internal;

import org.jspecify.annotations.Nullable;

/**
 * The one reader and writer of {@code Authorization: Bearer <token>} values (RFC 6750 §2.1). The
 * scheme is matched case-insensitively, as RFC 9110 §11.1 asks; the token is trimmed.
 */
public final class BearerToken {
  private static final String SCHEME = "Bearer ";

  private BearerToken() {}

  /** Returns the {@code Authorization} value that sends {@code token}. */
  public static String header(String token) {
    return SCHEME + token;
  }

  /**
   * Returns the token of {@code authorization}, an {@code Authorization} header value, or null if
   * it is null or of another scheme.
   */
  public static @Nullable String parse(@Nullable String authorization) {
    if (authorization == null) return null;
    if (!authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) return null;
    return authorization.substring(SCHEME.length()).trim();
  }
}
