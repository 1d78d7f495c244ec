/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.core;

/**
 * Reads the time and waits. oauthkit reads the time only through a clock, so tests and apps that
 * control time (a fake clock in a test, a server-synchronised clock on a device) can inject their
 * own.
 *
 * <p>{@link #sleep} has a default, so a lambda is a clock: {@code Clock clock = () -> nowMillis;}.
 *
 * <p>Implementations must be thread-safe.
 */
public interface Clock {
  /** The system clock: {@link System#currentTimeMillis()} and {@link Thread#sleep(long)}. */
  Clock SYSTEM =
      new Clock() {
        @Override
        public long currentTimeMillis() {
          return System.currentTimeMillis();
        }

        @Override
        public String toString() {
          return "Clock.SYSTEM";
        }
      };

  /** Returns the current time in milliseconds since the epoch. */
  long currentTimeMillis();

  /**
   * Waits {@code millis} milliseconds. The engine calls this between attempts of a failed token
   * request; a test clock advances its time instead of blocking. The default calls {@link
   * Thread#sleep(long)}.
   */
  default void sleep(long millis) throws InterruptedException {
    Thread.sleep(millis);
  }
}
