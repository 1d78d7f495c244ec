/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.benchmarks.load;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/** Runs one fresh client through one scenario against the server and measures it. */
final class LoadRun {
  /** How long past its end a run may take to wind down before its threads are interrupted. */
  private static final long GRACE_MILLIS = 60_000;

  private LoadRun() {}

  static RunResult run(LoadClient.Factory factory, Scenario scenario, AmadeusLikeServer server)
      throws Exception {
    server.reset();
    server.tokenLifetimeMillis(scenario.tokenLifetimeMillis);
    LoadClient client = factory.create(server);
    try {
      return drive(factory.name(), client, scenario, server);
    } finally {
      client.close();
    }
  }

  /** Drives a client with {@code threads} threads for a while, unmeasured (JIT warm-up). */
  static void warmUp(LoadClient.Factory factory, AmadeusLikeServer server, int threads, long millis)
      throws Exception {
    if (millis <= 0) return;
    run(factory, Scenario.steady(threads, millis, server.tokenLifetimeMillis()), server);
  }

  private static RunResult drive(
      String name, LoadClient client, Scenario scenario, AmadeusLikeServer server)
      throws InterruptedException {
    int threads = scenario.threads;
    Recorder[] recorders = new Recorder[threads];
    Thread[] workers = new Thread[threads];
    CountDownLatch ready = new CountDownLatch(threads);
    CountDownLatch go = new CountDownLatch(1);
    long[] window = new long[2]; // start, end (System.nanoTime()); published by the go latch
    for (int i = 0; i < threads; i++) {
      Recorder recorder = new Recorder();
      recorders[i] = recorder;
      workers[i] =
          new Thread(
              () -> {
                ready.countDown();
                try {
                  go.await();
                } catch (InterruptedException e) {
                  return;
                }
                long start = window[0];
                long end = window[1];
                // every thread makes at least one call, even if it was scheduled after the end
                for (boolean first = true; !Thread.currentThread().isInterrupted(); first = false) {
                  long before = System.nanoTime();
                  if (!first && before - end >= 0) break;
                  boolean ok;
                  try {
                    client.call();
                    ok = true;
                  } catch (Exception | LinkageError e) {
                    ok = false;
                    recorder.failed(e);
                  }
                  recorder.record(before - start, System.nanoTime() - before, ok);
                }
              },
              "load-" + i);
      workers[i].setDaemon(true);
      workers[i].start();
    }
    ready.await();
    long cpuBefore = processCpuNanos();
    long start = System.nanoTime();
    window[0] = start;
    window[1] = start + TimeUnit.MILLISECONDS.toNanos(scenario.durationMillis);
    go.countDown();

    long revokedAt = -1;
    if (scenario.revokeAtMillis >= 0) {
      long revokeAt = start + TimeUnit.MILLISECONDS.toNanos(scenario.revokeAtMillis);
      long wait;
      while ((wait = revokeAt - System.nanoTime()) > 0) {
        TimeUnit.NANOSECONDS.sleep(wait);
      }
      revokedAt = System.nanoTime() - start;
      server.revokeAll();
    }

    long deadline =
        window[1] + TimeUnit.MILLISECONDS.toNanos(GRACE_MILLIS); // a stuck client stops here
    boolean stuck = false;
    for (Thread worker : workers) {
      long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
      worker.join(Math.max(1, left));
      if (worker.isAlive()) {
        stuck = true;
        worker.interrupt();
      }
    }
    long finished = System.nanoTime();
    long cpu = processCpuNanos() - cpuBefore;

    long[] tokenTimes = server.tokenRequestTimes();
    long[] tokenOffsets =
        Arrays.stream(tokenTimes)
            .filter(t -> t - start >= 0 && t - finished <= 0)
            .map(t -> t - start)
            .sorted()
            .toArray();
    return new RunResult(
        name,
        scenario,
        recorders,
        tokenOffsets,
        revokedAt,
        server.unauthorized(),
        TimeUnit.MILLISECONDS.toNanos(scenario.durationMillis),
        cpuBefore >= 0 ? cpu : -1,
        stuck);
  }

  /** CPU time of this JVM (client and server), or -1 where the platform does not tell. */
  private static long processCpuNanos() {
    java.lang.management.OperatingSystemMXBean os =
        java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    if (os instanceof com.sun.management.OperatingSystemMXBean) {
      return ((com.sun.management.OperatingSystemMXBean) os).getProcessCpuTime();
    }
    return -1;
  }

  /** One thread's calls: start (from the run's start) and latency, in nanoseconds. */
  static final class Recorder {
    long[] starts = new long[4096];
    long[] latencies = new long[4096];

    /** Whether each call failed. */
    boolean[] failed = new boolean[4096];

    int size;
    int failures;
    @Nullable Throwable firstFailure;

    void record(long startOffset, long latency, boolean ok) {
      if (size == starts.length) {
        starts = Arrays.copyOf(starts, size * 2);
        latencies = Arrays.copyOf(latencies, size * 2);
        failed = Arrays.copyOf(failed, size * 2);
      }
      starts[size] = startOffset;
      latencies[size] = latency;
      failed[size] = !ok;
      size++;
    }

    void failed(Throwable e) {
      failures++;
      if (firstFailure == null) firstFailure = e;
    }
  }

  /** Groups token request offsets into bursts separated by more than {@code gapNanos}. */
  static List<long[]> bursts(long[] sortedOffsets, long gapNanos) {
    List<long[]> bursts = new ArrayList<>(); // {first offset, count}
    long[] current = null;
    long previous = Long.MIN_VALUE;
    for (long offset : sortedOffsets) {
      if (current == null || offset - previous > gapNanos) {
        current = new long[] {offset, 0};
        bursts.add(current);
      }
      current[1]++;
      previous = offset;
    }
    return bursts;
  }
}
