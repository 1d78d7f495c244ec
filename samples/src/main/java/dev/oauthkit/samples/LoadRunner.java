/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.samples;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/**
 * Makes calls from several threads that share one client, as a backend service would, and prints a
 * progress line at most once a second and a summary at the end.
 */
final class LoadRunner {
  /** One call of a flow; {@code first} is true for exactly one call, which prints what it got. */
  interface Call {
    void run(boolean first) throws IOException;
  }

  private final Options options;
  private final PrintStream out;
  private final AtomicInteger tokenRequests;
  private final AtomicInteger started = new AtomicInteger();
  private final AtomicInteger ok = new AtomicInteger();
  private final AtomicInteger failed = new AtomicInteger();
  private final AtomicReference<Exception> firstFailure = new AtomicReference<>();
  private long startNanos;
  private volatile long endNanos;
  private final AtomicLong lastProgressNanos = new AtomicLong();
  private volatile boolean stopped;

  LoadRunner(Options options, PrintStream out, AtomicInteger tokenRequests) {
    this.options = options;
    this.out = out;
    this.tokenRequests = tokenRequests;
  }

  /** Runs the calls; returns the first failure, or null if every call succeeded. */
  @Nullable Exception run(final Call call) throws InterruptedException {
    return runCalls(call);
  }

  /**
   * Makes every caller return after its current call, as when the program is interrupted; {@link
   * #run} then returns as if the run had ended normally.
   */
  void stop() {
    stopped = true;
  }

  /** Returns the closing line: how many calls, how many failed, how many token requests. */
  String summary() {
    return line("summary");
  }

  @Nullable
  private Exception runCalls(final Call call) throws InterruptedException {
    startNanos = System.nanoTime();
    lastProgressNanos.set(startNanos);
    final long deadlineNanos =
        options.durationSeconds > 0
            ? startNanos + (long) (options.durationSeconds * TimeUnit.SECONDS.toNanos(1))
            : Long.MAX_VALUE;
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < options.threads; i++) {
      Thread thread = new Thread(() -> callUntilDone(call, deadlineNanos), "caller-" + (i + 1));
      threads.add(thread);
      thread.start();
    }
    for (Thread thread : threads) thread.join();
    endNanos = System.nanoTime();
    return firstFailure.get();
  }

  private void callUntilDone(Call call, long deadlineNanos) {
    while (!stopped) {
      int n;
      if (options.durationSeconds > 0) {
        if (System.nanoTime() >= deadlineNanos) return;
        n = started.incrementAndGet();
      } else {
        n = started.incrementAndGet();
        if (n > options.requests) return;
      }
      try {
        call.run(n == 1);
        ok.incrementAndGet();
      } catch (IOException | RuntimeException e) {
        failed.incrementAndGet();
        firstFailure.compareAndSet(null, e);
      } catch (Error e) {
        failed.incrementAndGet(); // Counted, so the run cannot exit 0; then the thread dies.
        firstFailure.compareAndSet(null, new IllegalStateException("caller failed: " + e, e));
        throw e;
      }
      long now = System.nanoTime();
      long last = lastProgressNanos.get();
      if (now - last >= TimeUnit.SECONDS.toNanos(1) && lastProgressNanos.compareAndSet(last, now)) {
        out.println(line("progress"));
      }
    }
  }

  private String line(String label) {
    long end = endNanos != 0 ? endNanos : System.nanoTime();
    double elapsed = startNanos != 0 ? (end - startNanos) / 1e9 : 0; // Zero before any call.
    return String.format(
        Locale.ROOT,
        "%s: calls=%d ok=%d failed=%d token_requests=%d elapsed=%.1fs",
        label,
        ok.get() + failed.get(),
        ok.get(),
        failed.get(),
        tokenRequests.get(),
        elapsed);
  }
}
