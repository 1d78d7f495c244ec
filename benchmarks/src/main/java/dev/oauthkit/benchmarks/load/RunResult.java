/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.benchmarks.load;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/** What one client did in one scenario. Times are nanoseconds unless named otherwise. */
final class RunResult {
  /** Token requests further apart than this belong to different renewals (bursts). */
  static final long BURST_GAP_NANOS = TimeUnit.MILLISECONDS.toNanos(500);

  private static final long SECOND = TimeUnit.SECONDS.toNanos(1);
  private static final long HALF_SECOND = SECOND / 2;

  final String client;
  final Scenario scenario;
  final long durationNanos;
  final boolean stuck;

  /** CPU time of the whole JVM (clients and server) during the run; -1 if unknown. */
  final long cpuNanos;

  final long calls;
  final long successes;
  final long failures;
  final @Nullable String firstFailure;
  final long serverUnauthorized;
  final double callsPerSecond;
  final long p50;
  final long p99;
  final long max;

  /** Token request times from the start of the run, sorted. */
  final long[] tokenOffsets;

  final int tokenRequests;
  final double tokenRequestsPerLifetime;
  final int tokenRequestsFirstSecond;

  /** Token request bursts: {first offset, size}. */
  final List<long[]> bursts;

  final int largestBurst;

  /** Renewals: bursts after the first second. */
  final int renewals;

  final int largestRenewalBurst;

  /** The slowest call started within half a second of a renewal's first token request; -1. */
  final long slowestAroundRenewal;

  /** The median over the run's whole seconds of each second's slowest call (by start). */
  final long typicalSecondMax;

  /** The first call of each thread: median and max latency. */
  final long firstCallMedian;

  final long firstCallMax;

  /** When tokens were revoked, from the start; -1 if not. */
  final long revokedAt;

  /** From the revocation to the end of the first successful call started after it; -1: none. */
  final long firstSuccessAfterRevocation;

  /** From the revocation to the end of the last failed call; -1: no failure. */
  final long lastFailureAfterRevocation;

  /** Whether the last call of some thread failed: the client had not recovered at the end. */
  final boolean failingAtEnd;

  RunResult(
      String client,
      Scenario scenario,
      LoadRun.Recorder[] recorders,
      long[] tokenOffsets,
      long revokedAt,
      long serverUnauthorized,
      long durationNanos,
      long cpuNanos,
      boolean stuck) {
    this.client = client;
    this.scenario = scenario;
    this.durationNanos = durationNanos;
    this.stuck = stuck;
    this.cpuNanos = cpuNanos;
    this.tokenOffsets = tokenOffsets;
    this.revokedAt = revokedAt;
    this.serverUnauthorized = serverUnauthorized;

    int total = 0;
    long failed = 0;
    String failure = null;
    long[] firstCalls = new long[recorders.length];
    int threadsWithCalls = 0;
    boolean failingLast = false;
    for (LoadRun.Recorder recorder : recorders) {
      if (recorder.size > 0 && recorder.failed[recorder.size - 1]) failingLast = true;
      total += recorder.size;
      failed += recorder.failures;
      if (failure == null && recorder.firstFailure != null) {
        failure = describe(recorder.firstFailure);
      }
      if (recorder.size > 0) firstCalls[threadsWithCalls++] = recorder.latencies[0];
    }
    this.failingAtEnd = failingLast;
    this.calls = total;
    this.failures = failed;
    this.successes = total - failed;
    this.firstFailure = failure;
    this.callsPerSecond = successes * 1e9 / durationNanos;

    long[] ok = new long[(int) successes];
    int n = 0;
    long maxAll = 0;
    long firstSuccess = -1;
    long lastFailure = -1;
    for (LoadRun.Recorder recorder : recorders) {
      for (int i = 0; i < recorder.size; i++) {
        long latency = recorder.latencies[i];
        maxAll = Math.max(maxAll, latency);
        long end = recorder.starts[i] + latency;
        if (!recorder.failed[i]) {
          ok[n++] = latency;
          if (revokedAt >= 0 && recorder.starts[i] >= revokedAt) {
            long sinceRevocation = end - revokedAt;
            if (firstSuccess < 0 || sinceRevocation < firstSuccess) firstSuccess = sinceRevocation;
          }
        } else if (revokedAt >= 0 && end >= revokedAt) {
          lastFailure = Math.max(lastFailure, end - revokedAt);
        }
      }
    }
    Arrays.sort(ok, 0, n);
    this.p50 = percentile(ok, n, 0.50);
    this.p99 = percentile(ok, n, 0.99);
    this.max = maxAll;
    this.firstSuccessAfterRevocation = firstSuccess;
    this.lastFailureAfterRevocation = lastFailure;

    long[] firsts = Arrays.copyOf(firstCalls, threadsWithCalls);
    Arrays.sort(firsts);
    this.firstCallMedian = percentile(firsts, firsts.length, 0.5);
    this.firstCallMax = firsts.length == 0 ? -1 : firsts[firsts.length - 1];

    this.tokenRequests = tokenOffsets.length;
    this.tokenRequestsPerLifetime =
        tokenOffsets.length
            * (double) TimeUnit.MILLISECONDS.toNanos(scenario.tokenLifetimeMillis)
            / durationNanos;
    int firstSecond = 0;
    for (long offset : tokenOffsets) {
      if (offset < SECOND) firstSecond++;
    }
    this.tokenRequestsFirstSecond = firstSecond;
    this.bursts = LoadRun.bursts(tokenOffsets, BURST_GAP_NANOS);
    int largest = 0;
    int renewalCount = 0;
    int largestRenewal = 0;
    long slowest = -1;
    for (long[] burst : bursts) {
      largest = (int) Math.max(largest, burst[1]);
      if (burst[0] < SECOND) continue;
      renewalCount++;
      largestRenewal = (int) Math.max(largestRenewal, burst[1]);
      slowest = Math.max(slowest, slowestStartedWithin(recorders, burst[0] - HALF_SECOND, SECOND));
    }
    this.largestBurst = largest;
    this.renewals = renewalCount;
    this.largestRenewalBurst = largestRenewal;
    this.slowestAroundRenewal = slowest;

    int seconds = (int) Math.max(1, durationNanos / SECOND);
    long[] secondMax = new long[seconds];
    for (LoadRun.Recorder recorder : recorders) {
      for (int i = 0; i < recorder.size; i++) {
        int second = (int) (recorder.starts[i] / SECOND);
        if (second < seconds)
          secondMax[second] = Math.max(secondMax[second], recorder.latencies[i]);
      }
    }
    Arrays.sort(secondMax);
    this.typicalSecondMax = secondMax[seconds / 2];
  }

  /** JVM CPU time per call (client and server, all threads), in nanoseconds; -1 if unknown. */
  long cpuPerCall() {
    return cpuNanos < 0 || calls == 0 ? -1 : cpuNanos / calls;
  }

  boolean hasRenewals() {
    return renewals > 0;
  }

  /** The slowest call started in {@code [from, from + length)}; -1 if none. */
  private static long slowestStartedWithin(LoadRun.Recorder[] recorders, long from, long length) {
    long slowest = -1;
    for (LoadRun.Recorder recorder : recorders) {
      for (int i = 0; i < recorder.size; i++) {
        long start = recorder.starts[i];
        if (start >= from && start < from + length) {
          slowest = Math.max(slowest, recorder.latencies[i]);
        }
      }
    }
    return slowest;
  }

  private static long percentile(long[] sorted, int n, double q) {
    if (n == 0) return -1;
    int index = (int) Math.ceil(q * n) - 1;
    return sorted[Math.max(0, Math.min(n - 1, index))];
  }

  private static String describe(Throwable e) {
    String message = e.getMessage();
    String text =
        (e.getClass().getSimpleName() + (message != null ? ": " + message : ""))
            .replaceAll("\\s+", " ");
    return text.length() > 160 ? text.substring(0, 160) + "…" : text;
  }
}
