/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.benchmarks.load;

/** One load scenario: a thread count, a duration, a token lifetime and maybe a revocation. */
final class Scenario {
  enum Kind {
    /** Steady load; the first second of a fresh client is also its cold start. */
    STEADY,
    /** Steady load with all tokens revoked in the middle of the run. */
    REVOCATION
  }

  final Kind kind;
  final int threads;
  final long durationMillis;
  final long tokenLifetimeMillis;

  /** When all tokens are revoked, from the start of the run; -1 for none. */
  final long revokeAtMillis;

  private Scenario(
      Kind kind, int threads, long durationMillis, long tokenLifetimeMillis, long revokeAtMillis) {
    this.kind = kind;
    this.threads = threads;
    this.durationMillis = durationMillis;
    this.tokenLifetimeMillis = tokenLifetimeMillis;
    this.revokeAtMillis = revokeAtMillis;
  }

  static Scenario steady(int threads, long durationMillis, long tokenLifetimeMillis) {
    return new Scenario(Kind.STEADY, threads, durationMillis, tokenLifetimeMillis, -1);
  }

  static Scenario revocation(
      int threads, long durationMillis, long tokenLifetimeMillis, long revokeAtMillis) {
    return new Scenario(
        Kind.REVOCATION, threads, durationMillis, tokenLifetimeMillis, revokeAtMillis);
  }

  String label() {
    return kind == Kind.STEADY
        ? "steady, " + threads + (threads == 1 ? " thread" : " threads")
        : "revocation at "
            + seconds(revokeAtMillis)
            + " s, "
            + threads
            + (threads == 1 ? " thread" : " threads");
  }

  static String seconds(long millis) {
    return millis % 1000 == 0
        ? Long.toString(millis / 1000)
        : String.format(java.util.Locale.ROOT, "%.1f", millis / 1e3);
  }

  @Override
  public String toString() {
    return label();
  }
}
