/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.learnamp;

import dev.oauthkit.core.Clock;
import java.util.concurrent.atomic.AtomicLong;

/** A clock that moves only when told to; {@link #sleep} advances it instead of blocking. */
final class TestClock implements Clock {
  static final long START_MILLIS = 1_700_000_000_000L;

  private final AtomicLong now = new AtomicLong(START_MILLIS);

  @Override
  public long currentTimeMillis() {
    return now.get();
  }

  @Override
  public void sleep(long millis) {
    now.addAndGet(millis);
  }

  void set(long millis) {
    now.set(millis);
  }
}
