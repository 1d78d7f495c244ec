/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.core;

import java.io.IOException;
import org.jspecify.annotations.Nullable;

/**
 * Keeps tokens between requests, keyed by a string that the {@link TokenManager} derives from the
 * token endpoint, client, grant (and user) and scope, so a token is never served for other
 * credentials than it was issued for.
 *
 * <p>The default, {@link #inMemory()}, lives as long as the process. Implement this interface to
 * persist tokens (an Android app keeps its refresh token in encrypted storage across restarts) or
 * to share them between the instances of a backend. Implementations must be thread-safe. A store
 * that fails with an {@link IOException} does not fail the call: the manager reports it to {@link
 * TokenListener#storeFailed} and carries on with the token it holds in memory.
 *
 * <p>Keys are opaque strings of at most 80 characters of {@code [a-z0-9:]}; they contain no secret
 * and no user name.
 *
 * <h2>The shared-store contract</h2>
 *
 * <p>The manager writes through {@link #compareAndSet} and removes a refused token through {@link
 * #compareAndRemove}. It calls {@link #put} only where there is nothing to compare with: for a
 * password sign-in the server just verified (it replaces whatever the store held) and after a read
 * of the store failed. It calls {@link #remove} only when the user signs out ({@link
 * TokenManager#clear()}). Two entries are <em>the same</em> when their {@link AccessToken#value()
 * access tokens} and {@link AccessToken#refreshToken() refresh tokens} are equal; {@link
 * #sameEntry} says so. The store, and nothing else, decides which token is current: the manager
 * never compares times written by different processes, and adopts whatever token the store holds
 * unless it saw that very token refused.
 *
 * <p>A store used by one process only needs nothing more than {@link #get}, {@link #put} and {@link
 * #remove}: the default {@code compareAndSet} and {@code compareAndRemove} are atomic among callers
 * in this JVM. A store shared by several processes (a database, Redis) must override both so that
 * each compares and writes in one atomic step on the shared server: a version column and a
 * conditional update, a Lua script or {@code WATCH}/{@code MULTI}. With that, a manager that
 * renewed a token never overwrites a successor another process stored meanwhile (it adopts that
 * successor instead), and a refused refresh token is removed only if it is still the one stored.
 *
 * <h2>One renewal for many processes</h2>
 *
 * <p>The managers of one JVM that share a store and a key already share their token requests. A
 * store shared by several processes can make them share renewals too, by overriding {@link
 * #tryLease} and {@link #lease}: before a manager asks the token endpoint for a token, it takes the
 * store's lease for the key, and releases it once the new token is stored (or the renewal failed).
 * A manager that still holds a valid token only tries the lease, and keeps serving its token if
 * another process holds it; one without a valid token waits, a time the store bounds, for that
 * process to release it. Either way, it reads the store again before it sends a request, and adopts
 * the token another process stored meanwhile. So a refresh token is sent only by the holder of the
 * lease, and its rotated successor is stored before the lease is released. The defaults coordinate
 * nothing: they return {@link Lease#NONE}.
 */
public interface TokenStore {
  /** Returns the token stored under {@code key}, or null if there is none. */
  @Nullable AccessToken get(String key) throws IOException;

  /** Stores {@code token} under {@code key}, replacing any token stored there. */
  void put(String key, AccessToken token) throws IOException;

  /** Removes the token stored under {@code key}, if any. */
  void remove(String key) throws IOException;

  /**
   * Stores {@code update} under {@code key} if the stored token is the same entry as {@code
   * expected} (none, if {@code expected} is null), and returns true; otherwise changes nothing and
   * returns false.
   *
   * <p>The default implementation is atomic only among callers in this JVM that go through this
   * method and {@link #compareAndRemove}. A store shared by several processes must override it with
   * one atomic operation on the shared server.
   */
  default boolean compareAndSet(String key, @Nullable AccessToken expected, AccessToken update)
      throws IOException {
    synchronized (this) {
      if (!sameEntry(get(key), expected)) return false;
      put(key, update);
      return true;
    }
  }

  /**
   * Removes the token stored under {@code key} if it is the same entry as {@code expected}, and
   * returns true; otherwise changes nothing and returns false.
   *
   * <p>The default implementation is atomic only among callers in this JVM; see {@link
   * #compareAndSet}.
   */
  default boolean compareAndRemove(String key, AccessToken expected) throws IOException {
    synchronized (this) {
      if (!sameEntry(get(key), expected)) return false;
      remove(key);
      return true;
    }
  }

  /**
   * Returns true if {@code a} and {@code b} are the same stored entry: both null, or with equal
   * access tokens and equal refresh tokens.
   */
  static boolean sameEntry(@Nullable AccessToken a, @Nullable AccessToken b) {
    if (a == null || b == null) return a == b;
    String refreshA = a.refreshToken();
    String refreshB = b.refreshToken();
    return a.value().equals(b.value())
        && (refreshA == null ? refreshB == null : refreshA.equals(refreshB));
  }

  /**
   * Takes the lease to renew the token stored under {@code key} if no other process sharing this
   * store holds it, without waiting; returns null if one does. The lease should run out on its own
   * after a short time, so that a process that dies while it renews does not hold it forever.
   *
   * <p>The default returns {@link Lease#NONE}: a store used by one process needs no lease.
   */
  default @Nullable Lease tryLease(String key) throws IOException {
    return Lease.NONE;
  }

  /**
   * Takes the lease to renew the token stored under {@code key}, waiting while another process
   * sharing this store holds it. Returns null, without the lease, when that process stored a new
   * token under {@code key} (the caller reads and adopts it), or when a wait the store bounds ended
   * first (the caller then renews on its own). The manager calls this only when it has no valid
   * token to serve meanwhile.
   *
   * <p>The default calls {@link #tryLease}.
   *
   * @throws java.io.InterruptedIOException if the thread is interrupted while it waits (with its
   *     interrupt flag set again): the manager then fails the renewal rather than renew without the
   *     lease. Any other failure makes the manager renew on its own.
   */
  default @Nullable Lease lease(String key) throws IOException {
    return tryLease(key);
  }

  /**
   * A store's permission for one process to renew the token under one key. See {@link #tryLease}.
   */
  interface Lease {
    /** A lease that coordinates nothing: what stores used by one process hand out. */
    Lease NONE =
        new Lease() {
          @Override
          public void release() {}

          @Override
          public String toString() {
            return "Lease.NONE";
          }
        };

    /**
     * Releases this lease if it is still held: after it ran out, another process may hold the
     * lease, and this must leave that one alone. The manager calls it once, after it stored the
     * renewed token or gave up.
     */
    void release() throws IOException;
  }

  /** Returns a new store that keeps tokens in memory. */
  static TokenStore inMemory() {
    return new InMemoryTokenStore();
  }
}
