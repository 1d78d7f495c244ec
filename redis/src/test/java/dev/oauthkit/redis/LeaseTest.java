/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.redis;

import static dev.oauthkit.redis.Tokens.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oauthkit.core.TokenStore.Lease;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Leases between two stores on one Redis, standing for two processes. */
@Timeout(60)
final class LeaseTest {
  @RegisterExtension static final RedisServerExtension redis = new RedisServerExtension();

  private final List<Thread> waiters = new ArrayList<>();
  private RedisTokenStore first;
  private RedisTokenStore second;

  @BeforeEach
  void setUp() {
    redis.flushAll();
    first = RedisTokenStore.create(redis.uri());
    second = RedisTokenStore.create(redis.uri());
  }

  @AfterEach
  void tearDown() {
    for (Thread waiter : waiters) waiter.interrupt();
    first.close();
    second.close();
  }

  @Test
  void tryLeaseIsExclusiveAcrossStores() throws Exception {
    Lease lease = first.tryLease("k");
    assertThat(lease).isNotNull();
    assertThat(second.tryLease("k")).isNull();
    assertThat(first.tryLease("k")).isNull(); // Also against this store's other callers.
    assertThat(redis.rawConnection().sync().pttl("oauthkit:{k}:lease")).isBetween(1L, 10_000L);

    lease.release();
    Lease next = second.tryLease("k");
    assertThat(next).isNotNull();
    lease.release(); // Idempotent: leaves the second store's lease alone.
    assertThat(first.tryLease("k")).isNull();
    next.release();
  }

  @Test
  void leasesOfOtherKeysAreIndependent() throws Exception {
    assertThat(first.tryLease("a")).isNotNull();
    assertThat(second.tryLease("b")).isNotNull();
  }

  @Test
  void leaseThatRanOutAndWasRetakenIsNotReleasedByItsFirstHolder() throws Exception {
    try (RedisTokenStore brief =
        RedisTokenStore.builder(redis.uri()).leaseTime(300, TimeUnit.MILLISECONDS).build()) {
      Lease stale = brief.tryLease("k");
      assertThat(stale).isNotNull();
      // At most 300 ms (-2 if a busy machine took longer than that to ask).
      assertThat(redis.rawConnection().sync().pttl("oauthkit:{k}:lease")).isLessThanOrEqualTo(300L);

      // Redis expires the lease after 300 ms; wait, generously, until the second store takes it.
      Lease retaken = awaitLease(second, "k");
      stale.release();
      assertThat(first.tryLease("k")).isNull(); // Still the second store's.
      retaken.release();
      assertThat(first.tryLease("k")).isNotNull();
    }
  }

  @Test
  void leaseReturnsNullWhenAnotherStoreWritesANewEntry() throws Exception {
    first.put("k", token("t1", "r1"));
    Lease held = first.tryLease("k");
    CompletableFuture<Lease> waiting = waitForLease(second, "k");
    // The holder renews and stores the successor, then releases.
    assertThat(first.compareAndSet("k", token("t1", "r1"), token("t2", "r2"))).isTrue();
    assertThat(waiting.get(30, TimeUnit.SECONDS)).isNull();
    held.release();
  }

  @Test
  void leaseReturnsNullWhenTheFirstEntryIsStored() throws Exception {
    Lease held = first.tryLease("k");
    CompletableFuture<Lease> waiting = waitForLease(second, "k");
    first.put("k", token("t1", "r1"));
    assertThat(waiting.get(30, TimeUnit.SECONDS)).isNull();
    held.release();
  }

  @Test
  void leaseTakesTheLeaseOnceReleased() throws Exception {
    first.put("k", token("t1", "r1"));
    Lease held = first.tryLease("k");
    CompletableFuture<Lease> waiting = waitForLease(second, "k");
    held.release(); // Renewal failed: nothing stored.
    Lease taken = waiting.get(30, TimeUnit.SECONDS);
    assertThat(taken).isNotNull();
    assertThat(first.tryLease("k")).isNull();
    taken.release();
  }

  @Test
  void leaseWithoutContentionIsTakenAtOnce() throws Exception {
    Lease lease = first.lease("k");
    assertThat(lease).isNotNull();
    assertThat(second.tryLease("k")).isNull();
    lease.release();
  }

  @Test
  void leaseGivesUpAfterLeaseTimePlusTimeout() throws Exception {
    try (RedisTokenStore brief =
        RedisTokenStore.builder(redis.uri())
            .leaseTime(300, TimeUnit.MILLISECONDS)
            // Not shorter: on a busy machine a connect or a poll can take a few hundred ms.
            .timeout(2, TimeUnit.SECONDS)
            .build()) {
      // Another holder keeps the lease for longer than the wait: a lease held for a minute.
      redis
          .rawConnection()
          .sync()
          .set("oauthkit:{k}:lease", "someone-else", io.lettuce.core.SetArgs.Builder.px(60_000));
      long start = System.nanoTime();
      assertThat(brief.lease("k")).isNull();
      // At least the wait (2.3 s); no upper bound on a loaded machine beyond the test timeout.
      assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start))
          .isGreaterThanOrEqualTo(2_300);
    }
  }

  @Test
  void interruptedLeaseThrowsInterruptedIOException() throws Exception {
    Lease held = first.tryLease("k");
    CompletableFuture<Throwable> failure = new CompletableFuture<>();
    CompletableFuture<Boolean> stillInterrupted = new CompletableFuture<>();
    Thread waiter =
        new Thread(
            () -> {
              try {
                second.lease("k");
                failure.complete(new AssertionError("lease returned"));
              } catch (Throwable t) {
                stillInterrupted.complete(Thread.currentThread().isInterrupted());
                failure.complete(t);
              }
            });
    waiter.start();
    // Interrupt while it polls (any time during its 10 s wait).
    Thread.sleep(200);
    waiter.interrupt();
    assertThat(failure.get(30, TimeUnit.SECONDS)).isInstanceOf(InterruptedIOException.class);
    assertThat(stillInterrupted.get(30, TimeUnit.SECONDS)).isTrue();
    held.release();
  }

  @Test
  void leaseIsReleasedByAnInterruptedThread() throws Exception {
    // A renewal whose thread was interrupted (its token request failed for that) still releases
    // its lease, so that the others need not wait for it to run out.
    Lease lease = first.tryLease("k");
    assertThat(lease).isNotNull();
    boolean stillInterrupted;
    Thread.currentThread().interrupt();
    try {
      lease.release();
    } finally {
      stillInterrupted = Thread.interrupted();
    }
    assertThat(stillInterrupted).isTrue();
    assertThat(second.tryLease("k")).isNotNull();
  }

  @Test
  void leaseToStringShowsNoOwner() throws Exception {
    Lease lease = first.tryLease("k");
    assertThat(lease.toString()).isEqualTo("RedisTokenStore.Lease{oauthkit:{k}:lease}");
    lease.release();
    assertThatThrownBy(() -> first.tryLease("{")).isInstanceOf(IllegalArgumentException.class);
  }

  /**
   * Calls {@code store.lease(key)} on a new thread, and returns once that thread polls: it sleeps
   * between polls, so it has read the entry's version by then.
   */
  private CompletableFuture<Lease> waitForLease(RedisTokenStore store, String key)
      throws InterruptedException {
    CompletableFuture<Lease> result = new CompletableFuture<>();
    Thread waiter =
        new Thread(
            () -> {
              try {
                result.complete(store.lease(key));
              } catch (Throwable t) {
                result.completeExceptionally(t);
              }
            },
            "lease-waiter");
    waiters.add(waiter);
    waiter.start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (!sleepsInLease(waiter) && !result.isDone()) {
      if (System.nanoTime() > deadline) throw new AssertionError("lease() never polled");
      Thread.sleep(5);
    }
    return result;
  }

  private static boolean sleepsInLease(Thread thread) {
    StackTraceElement[] stack = thread.getStackTrace();
    for (int i = 0; i + 1 < stack.length; i++) {
      if (stack[i].getClassName().equals("java.lang.Thread")
          && stack[i].getMethodName().startsWith("sleep")) {
        for (int j = i + 1; j < stack.length; j++) {
          if (stack[j].getClassName().equals(RedisTokenStore.class.getName())
              && stack[j].getMethodName().equals("lease")) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /** Tries the lease every 20 ms until it is free, for at most 20 s (the TTL is 300 ms). */
  private static Lease awaitLease(RedisTokenStore store, String key) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (System.nanoTime() < deadline) {
      Lease lease = store.tryLease(key);
      if (lease != null) return lease;
      Thread.sleep(20);
    }
    throw new AssertionError("lease still held after 20 s");
  }
}
