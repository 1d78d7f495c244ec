/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.core;

import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Schedules the background renewal of a stale token, at most one at a time, and backs off after a
 * failed one (5 seconds, doubling, at most 60 seconds) while the still-valid token is served.
 */
final class RefreshAhead {
  static final long INITIAL_BACKOFF_MILLIS = TimeUnit.SECONDS.toMillis(5);
  static final long MAX_BACKOFF_MILLIS = TimeUnit.SECONDS.toMillis(60);

  /** How long to wait after another process took the lease to renew, before trying again. */
  static final long DEFERRAL_MILLIS = TimeUnit.SECONDS.toMillis(1);

  /**
   * How long a scheduled renewal may wait to start before another may be scheduled: an executor
   * that accepted a task and never ran it must not turn refresh-ahead off for good.
   */
  static final long START_TIMEOUT_MILLIS = TimeUnit.SECONDS.toMillis(30);

  private final Executor executor;
  private final Clock clock;

  /** When the pending renewal was scheduled, or {@link Long#MIN_VALUE} if none is pending. */
  private final AtomicLong scheduledAtMillis = new AtomicLong(Long.MIN_VALUE);

  private final Object lock = new Object();
  private volatile long backoffUntilMillis; // Written under lock.
  private long backoffMillis; // Guarded by lock.

  RefreshAhead(Executor executor, Clock clock) {
    this.executor = executor;
    this.clock = clock;
  }

  /** Returns true if a renewal attempted now would only repeat one that just failed. */
  boolean isBackingOff(long nowMillis) {
    return nowMillis < backoffUntilMillis;
  }

  /** Runs {@code renewal} on the executor unless one is pending or a failure backs off. */
  void schedule(long nowMillis, final Runnable renewal) {
    if (isBackingOff(nowMillis)) return;
    long pending = scheduledAtMillis.get();
    if (pending != Long.MIN_VALUE && nowMillis - pending < START_TIMEOUT_MILLIS) return;
    if (!scheduledAtMillis.compareAndSet(pending, nowMillis)) return; // Another caller scheduled.
    final long scheduledAt = nowMillis;
    try {
      executor.execute(
          new Runnable() {
            @Override
            public void run() {
              try {
                renewal.run();
              } finally {
                scheduledAtMillis.compareAndSet(scheduledAt, Long.MIN_VALUE);
              }
            }
          });
    } catch (RejectedExecutionException e) {
      // The next caller tries again; this one has its token.
      scheduledAtMillis.compareAndSet(scheduledAt, Long.MIN_VALUE);
    }
  }

  void succeeded() {
    synchronized (lock) {
      backoffMillis = 0;
      backoffUntilMillis = 0;
    }
  }

  /**
   * Notes that another process is renewing: the next attempt waits {@link #DEFERRAL_MILLIS}, while
   * the still-valid token is served and the other's token is awaited.
   */
  void deferred() {
    synchronized (lock) {
      backoffUntilMillis = Durations.saturatedAdd(clock.currentTimeMillis(), DEFERRAL_MILLIS);
    }
  }

  void failed() {
    synchronized (lock) {
      backoffMillis =
          backoffMillis == 0
              ? INITIAL_BACKOFF_MILLIS
              : Math.min(backoffMillis * 2, MAX_BACKOFF_MILLIS);
      backoffUntilMillis = Durations.saturatedAdd(clock.currentTimeMillis(), backoffMillis);
    }
  }
}
