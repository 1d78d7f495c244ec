/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.core;

import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * What one {@link TokenManager} holds in memory: the current token, which tokens were refused, the
 * sign-out generation, and the backoff of renewals that 401s trigger. Every method is thread-safe;
 * {@link #current} is read without a lock on the hot path.
 */
final class TokenCache {
  /** How many refused and issued token values are remembered, for the fallbacks by value. */
  private static final int REMEMBERED = 8;

  static final long INITIAL_RENEWAL_BACKOFF_MILLIS = TimeUnit.SECONDS.toMillis(5);
  static final long MAX_RENEWAL_BACKOFF_MILLIS = TimeUnit.SECONDS.toMillis(60);

  private final Object lock = new Object();
  private final long refreshAheadMillis;
  private final long expirySkewMillis;

  /** The token served, or null. Written under lock; read without it on the hot path. */
  volatile @Nullable Entry current;

  /**
   * Incremented by {@link #clear()}: a flight that started before it must not install its token.
   */
  private long session; // Guarded by lock.

  /**
   * False for a password grant until the server accepted the password: a stored token resumes a
   * session, it never answers a sign-in.
   */
  private boolean verified; // Guarded by lock.

  private final boolean verifiesSignIn;

  private final String[] refused = new String[REMEMBERED]; // Guarded by lock.
  private int refusedIndex; // Guarded by lock.
  private final String[] issued = new String[REMEMBERED]; // Guarded by lock.
  private int issuedIndex; // Guarded by lock.

  private @Nullable Entry renewalDecidedFor; // Guarded by lock.
  private boolean renewalAllowed; // Guarded by lock.
  private int unacceptedRenewals; // Guarded by lock.
  private long renewalBackoffMillis; // Guarded by lock.
  private long renewalBackoffUntilMillis; // Guarded by lock.

  /**
   * @param verifiesSignIn true for a password grant: no stored token is served until the server
   *     accepted the password, after each sign-out too.
   */
  TokenCache(long refreshAheadMillis, long expirySkewMillis, boolean verifiesSignIn) {
    this.refreshAheadMillis = refreshAheadMillis;
    this.expirySkewMillis = expirySkewMillis;
    this.verifiesSignIn = verifiesSignIn;
    this.verified = !verifiesSignIn;
  }

  /** Returns an entry for {@code token}; it turns stale and expired relative to its lifetime. */
  Entry newEntry(AccessToken token, long flightSequence) {
    long staleAt = AccessToken.NO_EXPIRY;
    long expiredAt = AccessToken.NO_EXPIRY;
    if (token.hasExpiry()) {
      long lifetime = token.expiresAtMillis() - token.issuedAtMillis();
      staleAt = token.expiresAtMillis() - Math.min(refreshAheadMillis, lifetime / 2);
      expiredAt = token.expiresAtMillis() - Math.min(expirySkewMillis, lifetime / 4);
    }
    return new Entry(this, token, staleAt, expiredAt, flightSequence);
  }

  long session() {
    synchronized (lock) {
      return session;
    }
  }

  boolean isVerified() {
    synchronized (lock) {
      return verified;
    }
  }

  /**
   * Serves {@code entry}, a token this manager obtained, unless the user signed out since {@code
   * session} began. Returns false if it was not installed.
   */
  boolean install(Entry entry, long session) {
    synchronized (lock) {
      if (session != this.session) return false;
      verified = true;
      remember(entry.token.value());
      current = entry;
      return true;
    }
  }

  /**
   * Serves {@code stored}, the token a store holds, unless it is the one served already or one this
   * manager saw refused. Returns the entry served, or null if there is none.
   */
  @Nullable Entry adopt(AccessToken stored, long flightSequence) {
    synchronized (lock) {
      return adopt(stored, flightSequence, session);
    }
  }

  /**
   * Like {@link #adopt(AccessToken, long)}, but adopts nothing if the user signed out since {@code
   * session} began: {@code stored} may have been read before the sign-out removed it.
   */
  @Nullable Entry adopt(AccessToken stored, long flightSequence, long session) {
    synchronized (lock) {
      Entry entry = current;
      if (session != this.session) return entry;
      if (entry != null && TokenStore.sameEntry(entry.token, stored)) return entry;
      if (!verified || contains(refused, stored.value())) return entry;
      entry = newEntry(stored, flightSequence);
      remember(stored.value());
      current = entry;
      return entry;
    }
  }

  /**
   * Stops serving {@code failed}, which a server refused, keeping its refresh token for the
   * renewal. Returns true if this call did so, false if it was already replaced or refused.
   */
  boolean refuse(Entry failed) {
    synchronized (lock) {
      if (!contains(refused, failed.token.value())) {
        refused[refusedIndex] = failed.token.value();
        refusedIndex = (refusedIndex + 1) % REMEMBERED;
      }
      if (current != failed || failed.expiredAtMillis == Long.MIN_VALUE) return false;
      current = new Entry(this, failed.token, Long.MIN_VALUE, Long.MIN_VALUE, 0L);
      return true;
    }
  }

  /** Forgets the current token, as when the user signs out. */
  void clear() {
    synchronized (lock) {
      current = null;
      session++;
      verified = !verifiesSignIn;
    }
  }

  /** Drops {@code entry} if it is still current, keeping nothing: its refresh token was refused. */
  void drop(Entry entry) {
    synchronized (lock) {
      if (current == entry) current = null;
    }
  }

  /**
   * Returns true if {@code value} is the current token or one of the last few this cache served.
   */
  boolean isKnown(String value) {
    Entry entry = current;
    if (entry != null && entry.token.value().equals(value)) return true;
    synchronized (lock) {
      return contains(issued, value);
    }
  }

  /** Notes that an API accepted {@code entry}: renewals after 401s need no backoff. */
  void accepted(Entry entry) {
    entry.accepted = true;
    synchronized (lock) {
      unacceptedRenewals = 0;
      renewalBackoffMillis = 0;
      renewalBackoffUntilMillis = 0;
    }
  }

  /**
   * Returns true if a 401 for {@code failed} may renew the token now. The first renewal of a token
   * that no API accepted yet is free (it may have been revoked as soon as it was issued); after
   * that, while the API keeps refusing every new token, renewals back off: one per 5 seconds,
   * doubling to one per minute, until an API accepts a token. Every 401 for the same token gets the
   * same answer, so concurrent 401s share one renewal.
   */
  boolean allowRenewal(Entry failed, long nowMillis) {
    synchronized (lock) {
      if (renewalDecidedFor == failed) return renewalAllowed;
      boolean allowed;
      if (failed.accepted) {
        unacceptedRenewals = 0;
        renewalBackoffMillis = 0;
        allowed = true;
      } else if (++unacceptedRenewals < 2) {
        allowed = true;
      } else if (nowMillis < renewalBackoffUntilMillis) {
        unacceptedRenewals--;
        allowed = false;
      } else {
        renewalBackoffMillis =
            renewalBackoffMillis == 0
                ? INITIAL_RENEWAL_BACKOFF_MILLIS
                : Math.min(renewalBackoffMillis * 2, MAX_RENEWAL_BACKOFF_MILLIS);
        renewalBackoffUntilMillis = nowMillis + renewalBackoffMillis;
        allowed = true;
      }
      if (allowed) {
        renewalDecidedFor = failed;
        renewalAllowed = true;
      }
      return allowed;
    }
  }

  private void remember(String value) {
    Entry entry = current;
    if (entry != null && entry.token.value().equals(value)) return;
    issued[issuedIndex] = value;
    issuedIndex = (issuedIndex + 1) % REMEMBERED;
  }

  private static boolean contains(String[] values, String value) {
    for (String candidate : values) {
      if (value.equals(candidate)) return true;
    }
    return false;
  }
}
