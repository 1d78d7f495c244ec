/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.core;

import java.io.IOException;
import java.io.InterruptedIOException;
import org.jspecify.annotations.Nullable;

/**
 * The manager's access to its {@link TokenStore} under one key. A failing store never fails a call:
 * whatever it throws is reported to {@link TokenListener#storeFailed} and the manager carries on
 * with what it holds in memory.
 */
final class StoreAccess {
  final TokenStore store;
  final String key;
  private final TokenListener listener;

  StoreAccess(TokenStore store, String key, TokenListener listener) {
    this.store = store;
    this.key = key;
    this.listener = listener;
  }

  /** Returns the stored token, or null if there is none or the store failed. */
  @Nullable Read get() {
    try {
      return new Read(store.get(key));
    } catch (Throwable e) {
      failed(e);
      return null;
    }
  }

  /**
   * Writes {@code update} if the store still holds {@code expected}. Returns false only if the
   * store answered that it holds another token; a failing store counts as written, so that the
   * manager keeps its token.
   */
  boolean compareAndSet(@Nullable AccessToken expected, AccessToken update) {
    try {
      return store.compareAndSet(key, expected, update);
    } catch (Throwable e) {
      failed(e);
      return true;
    }
  }

  /** Writes {@code token} whatever the store holds. */
  void put(AccessToken token) {
    try {
      store.put(key, token);
    } catch (Throwable e) {
      failed(e);
    }
  }

  /** Removes {@code expected} if it is still the stored token. */
  void compareAndRemove(AccessToken expected) {
    try {
      store.compareAndRemove(key, expected);
    } catch (Throwable e) {
      failed(e);
    }
  }

  /**
   * Takes the store's lease to renew: waiting for another process's renewal if {@code wait}, only
   * trying otherwise. Returns null if another process holds it (or, after a wait, stored a new
   * token). A failing store answers {@link TokenStore.Lease#NONE}: the manager renews on its own.
   *
   * @throws InterruptedIOException if the thread was interrupted while the store waited (its
   *     interrupt flag set): no store failure, and no reason to renew without the lease another
   *     process may hold.
   */
  TokenStore.@Nullable Lease lease(boolean wait) throws InterruptedIOException {
    try {
      return wait ? store.lease(key) : store.tryLease(key);
    } catch (Throwable e) {
      // Okio and sockets time out with an InterruptedIOException too: only the flag tells.
      if (e instanceof InterruptedIOException && Thread.currentThread().isInterrupted()) {
        throw (InterruptedIOException) e;
      }
      failed(e);
      return TokenStore.Lease.NONE;
    }
  }

  void release(TokenStore.Lease lease) {
    if (lease == TokenStore.Lease.NONE) return;
    try {
      lease.release();
    } catch (Throwable e) {
      failed(e);
    }
  }

  void remove() {
    try {
      store.remove(key);
    } catch (Throwable e) {
      failed(e);
    }
  }

  private void failed(Throwable e) {
    // Only the class name of a foreign exception: its message may quote a token.
    IOException reported =
        e instanceof IOException
            ? (IOException) e
            : new IOException("token store failed: " + e.getClass().getName(), e);
    listener.storeFailed(reported);
  }

  /** What a read found: a token, or none. Null instead of a Read means the store failed. */
  static final class Read {
    final @Nullable AccessToken token;

    Read(@Nullable AccessToken token) {
      this.token = token;
    }
  }
}
