/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.benchmarks;

import dev.oauthkit.core.AccessToken;
import dev.oauthkit.core.Clock;
import dev.oauthkit.core.Grant;
import dev.oauthkit.core.TokenSource;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A token source with no network: issues {@code token-1}, {@code token-2}, ..., each valid for one
 * hour from the clock's now. Called only outside the measured loops.
 */
final class SequenceTokenSource implements TokenSource {
  static final long LIFETIME_MILLIS = TimeUnit.HOURS.toMillis(1);

  private final Clock clock;
  private final AtomicInteger fetches = new AtomicInteger();

  SequenceTokenSource(Clock clock) {
    this.clock = clock;
  }

  /** Returns how many tokens were issued. */
  int fetches() {
    return fetches.get();
  }

  @Override
  public AccessToken fetch(Grant grant) {
    int n = fetches.incrementAndGet();
    long now = clock.currentTimeMillis();
    return new AccessToken.Builder()
        .value("token-" + n)
        .issuedAtMillis(now)
        .expiresAtMillis(now + LIFETIME_MILLIS)
        .build();
  }
}
