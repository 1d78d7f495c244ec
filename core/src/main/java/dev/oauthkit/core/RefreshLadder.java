/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.core;

import dev.oauthkit.core.Attempts.Budget;
import dev.oauthkit.core.Attempts.Fetched;
import org.jspecify.annotations.Nullable;

/**
 * Obtains a new token for a renewal: with the refresh token when one is held, then with a successor
 * another process stored, then with the refresh token the app passed in its grant, and finally with
 * the manager's own grant once. A refresh token the server refused is never sent again.
 */
final class RefreshLadder {
  /** Refresh tokens tried in one renewal: ours, a successor found in the store, the app's own. */
  private static final int MAX_REFRESH_TOKENS_TRIED = 3;

  private static final int REMEMBERED_REFUSALS = 8;

  private final Grant grant;
  private final Attempts attempts;
  private final StoreAccess store;
  private final TokenCache cache;
  private final TokenListener listener;
  private final TokenManager.RefreshTokenRejection rejection;

  private boolean grantRefreshTokenUsed; // Guarded by this.
  private final String[] refused = new String[REMEMBERED_REFUSALS]; // Guarded by this.
  private int refusedIndex; // Guarded by this.
  private @Nullable TokenRequestException lastRefusal; // Guarded by this.

  RefreshLadder(
      Grant grant,
      Attempts attempts,
      StoreAccess store,
      TokenCache cache,
      TokenListener listener,
      TokenManager.RefreshTokenRejection rejection) {
    this.grant = grant;
    this.attempts = attempts;
    this.store = store;
    this.cache = cache;
    this.listener = listener;
    this.rejection = rejection;
  }

  /** What the store held when the renewal last read it, for its compare-and-set. */
  static final class StoreView {
    /** The sign-out generation the renewal began in: nothing read after a sign-out is adopted. */
    final long session;

    @Nullable AccessToken seen;
    boolean known;

    StoreView(long session) {
      this.session = session;
    }

    void read(StoreAccess.@Nullable Read read) {
      known = read != null;
      seen = read != null ? read.token : null;
    }
  }

  /** A fetched token, or a successor another process stored, which needs no request. */
  static final class Outcome {
    final @Nullable Fetched fetched;
    final @Nullable Entry adopted;

    Outcome(@Nullable Fetched fetched, @Nullable Entry adopted) {
      this.fetched = fetched;
      this.adopted = adopted;
    }
  }

  /**
   * Obtains the token that replaces {@code previous}.
   *
   * @param background true for a refresh-ahead renewal: the token it replaces is still valid, so a
   *     refused refresh token does not yet sign the user out nor spend the fallback grant.
   * @throws SignInRequiredException if the refresh token was refused and the grant cannot replace
   *     it.
   */
  Outcome obtain(
      @Nullable AccessToken previous,
      boolean background,
      Budget budget,
      StoreView view,
      long nowMillis)
      throws TokenRequestException {
    boolean refreshOnly = grant.type().equals(Grant.REFRESH_TOKEN);
    TokenRequestException refusal = null;
    String held = previous != null ? previous.refreshToken() : null;
    // A refresh token refused by an earlier background renewal still counts as refused in this one.
    boolean heldRefused = held != null && isRefused(held);
    String refreshToken = usable(held);
    if (refreshToken == null && refreshOnly) refreshToken = unusedGrantRefreshToken();
    for (int tried = 0; refreshToken != null && tried < MAX_REFRESH_TOKENS_TRIED; tried++) {
      try {
        Fetched fetched = attempts.fetch(Grant.refreshToken(refreshToken), budget);
        spent(refreshToken);
        return new Outcome(
            fetched.token.refreshToken() != null ? fetched : fetched.withRefreshToken(refreshToken),
            null);
      } catch (TokenRequestException e) {
        if (!rejection.isRejected(e)) throw e;
        listener.refreshTokenRejected(e);
        refuse(refreshToken, e);
        refusal = e;
      }
      // Another process sharing the store may have renewed meanwhile: its token is the successor.
      view.read(store.get());
      AccessToken stored = view.seen;
      refreshToken = null;
      if (stored != null && !TokenStore.sameEntry(stored, previous)) {
        Entry adopted = cache.adopt(stored, 0L, view.session);
        if (adopted != null && adopted.token == stored && adopted.isUsable(nowMillis)) {
          return new Outcome(null, adopted);
        }
        refreshToken = usable(stored.refreshToken());
      }
      if (refreshToken == null && refreshOnly) refreshToken = unusedGrantRefreshToken();
    }
    if (background && (refusal != null || heldRefused)) {
      if (refusal == null) refusal = lastRefusal();
      if (refusal == null) {
        refusal = new TokenRequestException("refresh token refused", null, 0, false);
      }
      throw refusal; // Serve the valid token until it expires.
    }
    if (refreshOnly) {
      if (refusal == null) refusal = lastRefusal();
      if (refusal == null) {
        refusal = new TokenRequestException("no refresh token is held", null, 0, false);
      } else {
        view.read(store.get());
        AccessToken stored = view.seen;
        // Remove only what was refused: never a successor another process stored meanwhile.
        if (stored != null && isRefused(stored.refreshToken())) store.compareAndRemove(stored);
        Entry current = cache.current;
        if (current != null && isRefused(current.token.refreshToken())) cache.drop(current);
      }
      throw new SignInRequiredException(refusal);
    }
    return new Outcome(attempts.fetch(grant, budget), null); // This manager's own grant, once.
  }

  /** Forgets the refresh token of the grant, as when the user signs out. */
  synchronized void clear() {
    grantRefreshTokenUsed = true;
  }

  private synchronized @Nullable String unusedGrantRefreshToken() {
    if (grantRefreshTokenUsed) return null;
    return usable(grant.parameters().get("refresh_token"));
  }

  /** Returns {@code refreshToken} unless it is empty or was refused. */
  private @Nullable String usable(@Nullable String refreshToken) {
    if (refreshToken == null || refreshToken.isEmpty() || isRefused(refreshToken)) return null;
    return refreshToken;
  }

  private synchronized void spent(String refreshToken) {
    if (refreshToken.equals(grant.parameters().get("refresh_token"))) grantRefreshTokenUsed = true;
  }

  private synchronized @Nullable TokenRequestException lastRefusal() {
    return lastRefusal;
  }

  private synchronized void refuse(String refreshToken, TokenRequestException refusal) {
    lastRefusal = refusal;
    spent(refreshToken);
    refused[refusedIndex] = refreshToken;
    refusedIndex = (refusedIndex + 1) % REMEMBERED_REFUSALS;
  }

  private synchronized boolean isRefused(@Nullable String refreshToken) {
    if (refreshToken == null) return false;
    for (String candidate : refused) {
      if (refreshToken.equals(candidate)) return true;
    }
    return false;
  }
}
