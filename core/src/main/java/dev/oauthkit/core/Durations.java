/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.core;

/** Arithmetic on times and durations in milliseconds that saturates instead of overflowing. */
final class Durations {
  private Durations() {}

  /** Returns {@code a + b}, or {@link Long#MAX_VALUE} or {@link Long#MIN_VALUE} on overflow. */
  static long saturatedAdd(long a, long b) {
    long sum = a + b;
    // Overflow happened if both operands have the sign the sum lacks.
    if (((a ^ sum) & (b ^ sum)) < 0) return a < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
    return sum;
  }
}
