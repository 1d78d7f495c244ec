/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.amadeus;

import dev.oauthkit.core.Clock;
import java.util.concurrent.atomic.AtomicLong;

/** A clock that stands still unless told to move; {@link #sleep} advances it. */
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
}
