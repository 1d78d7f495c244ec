/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.benchmarks;

import dev.oauthkit.core.Clock;

/** A clock that stands still until it is set. */
final class ManualClock implements Clock {
  private volatile long nowMillis;

  ManualClock(long nowMillis) {
    this.nowMillis = nowMillis;
  }

  void set(long nowMillis) {
    this.nowMillis = nowMillis;
  }

  @Override
  public long currentTimeMillis() {
    return nowMillis;
  }
}
