/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.redis;

import dev.oauthkit.core.Clock;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/** A clock that follows the system clock shifted by an offset that tests set. */
final class TestClock implements Clock {
  private final AtomicLong offsetMillis = new AtomicLong();

  TestClock() {}

  TestClock(long offset, TimeUnit unit) {
    advance(offset, unit);
  }

  @Override
  public long currentTimeMillis() {
    return System.currentTimeMillis() + offsetMillis.get();
  }

  void advance(long duration, TimeUnit unit) {
    offsetMillis.addAndGet(unit.toMillis(duration));
  }
}
