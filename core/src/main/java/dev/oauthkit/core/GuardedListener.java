/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.core;

import java.io.IOException;

/** Forwards events to a listener and ignores what it throws, so a listener cannot fail a call. */
final class GuardedListener extends TokenListener {
  private final TokenListener delegate;

  GuardedListener(TokenListener delegate) {
    this.delegate = delegate;
  }

  @Override
  public void tokenRequestStart(String grantType) {
    try {
      delegate.tokenRequestStart(grantType);
    } catch (RuntimeException ignored) {
      // Listeners must not throw; if one does, the token engine carries on.
    }
  }

  @Override
  public void tokenRequestEnd(String grantType, long expiresAtMillis, long durationMillis) {
    try {
      delegate.tokenRequestEnd(grantType, expiresAtMillis, durationMillis);
    } catch (RuntimeException ignored) {
      // See tokenRequestStart.
    }
  }

  @Override
  public void tokenRequestFailed(String grantType, IOException e, long durationMillis) {
    try {
      delegate.tokenRequestFailed(grantType, e, durationMillis);
    } catch (RuntimeException ignored) {
      // See tokenRequestStart.
    }
  }

  @Override
  public void tokenRequestRetry(String grantType, int attempt, long delayMillis) {
    try {
      delegate.tokenRequestRetry(grantType, attempt, delayMillis);
    } catch (RuntimeException ignored) {
      // See tokenRequestStart.
    }
  }

  @Override
  public void tokenInvalidated() {
    try {
      delegate.tokenInvalidated();
    } catch (RuntimeException ignored) {
      // See tokenRequestStart.
    }
  }

  @Override
  public void refreshTokenRejected(TokenRequestException e) {
    try {
      delegate.refreshTokenRejected(e);
    } catch (RuntimeException ignored) {
      // See tokenRequestStart.
    }
  }

  @Override
  public void storeFailed(IOException e) {
    try {
      delegate.storeFailed(e);
    } catch (RuntimeException ignored) {
      // See tokenRequestStart.
    }
  }
}
