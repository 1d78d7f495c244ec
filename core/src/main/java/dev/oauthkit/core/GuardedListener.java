/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.core;

import java.io.IOException;

/**
 * Forwards events to a listener and ignores whatever it throws (a checked exception thrown from
 * Kotlin, an error), so that a listener can never fail a call, cost a retry or lose a token.
 */
final class GuardedListener extends TokenListener {
  private final TokenListener delegate;

  GuardedListener(TokenListener delegate) {
    this.delegate = delegate;
  }

  @Override
  public void tokenRequestStart(String grantType) {
    try {
      delegate.tokenRequestStart(grantType);
    } catch (Throwable ignored) {
      // Listeners must not throw; if one does, the token engine carries on regardless.
    }
  }

  @Override
  public void tokenRequestEnd(String grantType, long expiresAtMillis, long durationMillis) {
    try {
      delegate.tokenRequestEnd(grantType, expiresAtMillis, durationMillis);
    } catch (Throwable ignored) {
      // See tokenRequestStart.
    }
  }

  @Override
  public void tokenRequestFailed(String grantType, IOException e, long durationMillis) {
    try {
      delegate.tokenRequestFailed(grantType, e, durationMillis);
    } catch (Throwable ignored) {
      // See tokenRequestStart.
    }
  }

  @Override
  public void tokenRequestRetry(String grantType, int attempt, long delayMillis) {
    try {
      delegate.tokenRequestRetry(grantType, attempt, delayMillis);
    } catch (Throwable ignored) {
      // See tokenRequestStart.
    }
  }

  @Override
  public void tokenInvalidated() {
    try {
      delegate.tokenInvalidated();
    } catch (Throwable ignored) {
      // See tokenRequestStart.
    }
  }

  @Override
  public void refreshTokenRejected(TokenRequestException e) {
    try {
      delegate.refreshTokenRejected(e);
    } catch (Throwable ignored) {
      // See tokenRequestStart.
    }
  }

  @Override
  public void storeFailed(IOException e) {
    try {
      delegate.storeFailed(e);
    } catch (Throwable ignored) {
      // See tokenRequestStart.
    }
  }
}
