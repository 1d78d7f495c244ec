/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.core;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.Call;
import org.jspecify.annotations.Nullable;

/**
 * One token request in progress for one store key, and the callers waiting for it. At most one
 * flight per key exists in a JVM at a time: {@link #FLIGHTS} holds them while they run, so managers
 * that share a store and a key share their requests too.
 *
 * <p>A flight runs on a thread of its own. Every caller, including the one that started it, only
 * waits for it, so a caller whose call is canceled stops waiting while the flight goes on for the
 * others and its token is cached.
 */
final class Flight {
  static final ConcurrentHashMap<Key, Flight> FLIGHTS = new ConcurrentHashMap<>();

  /** Flights in progress beyond this many run on the thread of the caller that starts them. */
  static final int MAX_THREADS = 64;

  /**
   * Runs flights: a thread per flight in progress (so at most one per credential set), idle threads
   * ending after a minute. Not the caller's dispatcher: with a bounded dispatcher executor, a
   * flight queued behind the calls that wait for it would never run. When {@link #MAX_THREADS}
   * flights are in progress it refuses more, and the caller runs its flight itself.
   */
  static final Executor EXECUTOR =
      new ThreadPoolExecutor(
          0,
          MAX_THREADS,
          60L,
          TimeUnit.SECONDS,
          new SynchronousQueue<Runnable>(),
          new ThreadFactory() {
            @Override
            public Thread newThread(Runnable runnable) {
              Thread thread = new Thread(runnable, "oauthkit token request");
              thread.setDaemon(true);
              return thread;
            }
          });

  private static final AtomicLong SEQUENCE = new AtomicLong();

  /** How often a waiter whose call can be canceled checks whether it was. */
  static final long CANCEL_POLL_MILLIS = 25;

  /** Increases with every flight created: a flight with a higher number started later. */
  final long sequence = SEQUENCE.incrementAndGet();

  /** True for a refresh-ahead renewal, whose failure keeps the still-valid token. */
  final boolean background;

  private final CountDownLatch done = new CountDownLatch(1);

  /** How many callers are waiting; read by tests to know a flight is shared. */
  final AtomicInteger waiters = new AtomicInteger();

  /** The thread running the flight, so that a listener calling back from it is not made to wait. */
  volatile @Nullable Thread runner;

  private volatile @Nullable Entry entry;
  private volatile @Nullable IOException failure;

  Flight(boolean background) {
    this.background = background;
  }

  /** Returns the sequence number of the latest flight created; later flights have higher ones. */
  static long latestSequence() {
    return SEQUENCE.get();
  }

  void succeed(Entry entry) {
    this.entry = entry;
    done.countDown();
  }

  void fail(IOException failure) {
    this.failure = failure;
    done.countDown();
  }

  /** Returns true if {@code e} is this flight's failure, not the end of one caller's wait. */
  boolean failedWith(IOException e) {
    return e == failure;
  }

  boolean isDone() {
    return done.getCount() == 0;
  }

  /** Returns true if the calling thread is the one running this flight. */
  boolean isRunningOnThisThread() {
    return runner == Thread.currentThread();
  }

  /**
   * Waits for the flight to land and returns its entry, or throws its failure.
   *
   * @param call the caller's call, whose cancellation (or call timeout) ends the wait; or null.
   * @throws IOException {@code "Canceled"}, as OkHttp reports a canceled call, if {@code call} was
   *     canceled while waiting; the flight goes on for the others.
   */
  Entry await(@Nullable Call call) throws IOException {
    waiters.incrementAndGet();
    try {
      if (call == null) {
        done.await();
      } else {
        while (!done.await(CANCEL_POLL_MILLIS, TimeUnit.MILLISECONDS)) {
          if (call.isCanceled()) throw new IOException("Canceled");
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting for a token");
    } finally {
      waiters.decrementAndGet();
    }
    IOException failure = this.failure;
    if (failure != null) throw failure;
    Entry entry = this.entry;
    if (entry == null) throw new AssertionError();
    return entry;
  }

  /**
   * A store and a key in it, compared by the store's identity; and, for a manager whose flights
   * must not be shared (a sign-in not yet verified), that manager.
   */
  static final class Key {
    final TokenStore store;
    final String key;
    final @Nullable Object owner;

    Key(TokenStore store, String key, @Nullable Object owner) {
      this.store = store;
      this.key = key;
      this.owner = owner;
    }

    @Override
    public boolean equals(@Nullable Object other) {
      if (!(other instanceof Key)) return false;
      Key that = (Key) other;
      return that.store == store && that.owner == owner && that.key.equals(key);
    }

    @Override
    public int hashCode() {
      return 31 * (31 * System.identityHashCode(store) + key.hashCode())
          + System.identityHashCode(owner);
    }
  }
}
