/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.bindeo;

import dev.oauthkit.core.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/** A clock that moves only when told to; {@link #sleep} records the delay and advances time. */
final class TestClock implements Clock {
  private final AtomicLong now = new AtomicLong(1_700_000_000_000L);
  final List<Long> sleeps = Collections.synchronizedList(new ArrayList<Long>());

  @Override
  public long currentTimeMillis() {
    return now.get();
  }

  @Override
  public void sleep(long millis) {
    sleeps.add(millis);
    now.addAndGet(millis);
  }

  void advance(long duration, TimeUnit unit) {
    now.addAndGet(unit.toMillis(duration));
  }
}
