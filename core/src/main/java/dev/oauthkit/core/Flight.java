/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.core;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.annotation.Nullable;

/**
 * One token request in progress for one store key, and the callers waiting for it. At most one
 * flight per key exists in a JVM at a time: {@link #FLIGHTS} holds them while they run, so managers
 * that share a store and a key share their requests too.
 */
final class Flight {
  static final ConcurrentHashMap<Key, Flight> FLIGHTS = new ConcurrentHashMap<>();
  private static final AtomicLong SEQUENCE = new AtomicLong();

  /** Increases with every flight created: a flight with a higher number started later. */
  final long sequence = SEQUENCE.incrementAndGet();

  private final CountDownLatch done = new CountDownLatch(1);

  /** How many callers are waiting; read by tests to know a flight is shared. */
  final AtomicInteger waiters = new AtomicInteger();

  private volatile @Nullable AccessToken token;
  private volatile @Nullable IOException failure;

  /** Returns the sequence number of the latest flight created; later flights have higher ones. */
  static long latestSequence() {
    return SEQUENCE.get();
  }

  void succeed(AccessToken token) {
    this.token = token;
    done.countDown();
  }

  void fail(IOException failure) {
    this.failure = failure;
    done.countDown();
  }

  boolean isDone() {
    return done.getCount() == 0;
  }

  /** Waits for the flight to land and returns its token, or throws its failure. */
  AccessToken await() throws IOException {
    try {
      waiters.incrementAndGet();
      done.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting for a token");
    }
    IOException failure = this.failure;
    if (failure != null) throw failure;
    AccessToken token = this.token;
    if (token == null) throw new AssertionError();
    return token;
  }

  /** A store and a key in it, compared by the store's identity. */
  static final class Key {
    final TokenStore store;
    final String key;

    Key(TokenStore store, String key) {
      this.store = store;
      this.key = key;
    }

    @Override
    public boolean equals(@Nullable Object other) {
      return other instanceof Key && ((Key) other).store == store && ((Key) other).key.equals(key);
    }

    @Override
    public int hashCode() {
      return 31 * System.identityHashCode(store) + key.hashCode();
    }
  }
}
