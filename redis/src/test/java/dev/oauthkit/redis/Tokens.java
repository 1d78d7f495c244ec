/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.redis;

import dev.oauthkit.core.AccessToken;
import dev.oauthkit.core.Clock;
import java.util.concurrent.TimeUnit;

/** Tokens for tests, with canary values that must never show in a message or in Redis. */
final class Tokens {
  private Tokens() {}

  /** A token issued now on {@code clock}, valid for {@code lifetime}. */
  static AccessToken token(
      String value, String refreshToken, Clock clock, long lifetime, TimeUnit unit) {
    long now = clock.currentTimeMillis();
    return new AccessToken.Builder()
        .value(value)
        .refreshToken(refreshToken)
        .issuedAtMillis(now)
        .expiresAtMillis(now + unit.toMillis(lifetime))
        .build();
  }

  /** A token valid for an hour on the system clock. */
  static AccessToken token(String value, String refreshToken) {
    return token(value, refreshToken, Clock.SYSTEM, 1, TimeUnit.HOURS);
  }
}
