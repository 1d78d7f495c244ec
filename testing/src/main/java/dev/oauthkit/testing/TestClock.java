/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.testing;

import dev.oauthkit.core.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A clock that moves only when told to; {@link #sleep} records the delay and advances it instead of
 * blocking.
 */
public final class TestClock implements Clock {
  /** Where every test clock starts. */
  public static final long START_MILLIS = 1_700_000_000_000L;

  private final AtomicLong now = new AtomicLong(START_MILLIS);

  /** The delays {@link #sleep} was asked for, in order. */
  public final List<Long> sleeps = Collections.synchronizedList(new ArrayList<Long>());

  @Override
  public long currentTimeMillis() {
    return now.get();
  }

  @Override
  public void sleep(long millis) {
    sleeps.add(millis);
    now.addAndGet(millis);
  }

  /** Sets the time to {@code millis}. */
  public void set(long millis) {
    now.set(millis);
  }

  /** Moves the time forward by {@code duration}, without recording a sleep. */
  public void advance(long duration, TimeUnit unit) {
    now.addAndGet(unit.toMillis(duration));
  }
}
