/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.core;

import java.io.IOException;

/**
 * Observes the token engine: token requests, their retries and failures, invalidations after a 401,
 * and store failures. Use it for metrics and logs; every method is a no-op unless overridden.
 *
 * <p>Events carry grant types, HTTP statuses, expiry times and durations, never a secret or a
 * token; exceptions passed to a listener have messages that are safe to log.
 *
 * <p>Methods are called on the thread that does the work: token request events on the thread that
 * runs the token request, {@link #tokenInvalidated} on an OkHttp call thread. They should be fast.
 * Whatever a method throws, a checked exception thrown from Kotlin included, is ignored: it never
 * fails a call, costs a retry or loses a token. A listener may call back into its {@link
 * TokenManager}: {@link #tokenRequestEnd} comes after the new token is served, so {@code token()}
 * returns it; from the events inside a token request ({@link #tokenRequestStart}, {@link
 * #tokenRequestFailed}, {@link #tokenRequestRetry}, {@link #refreshTokenRejected}, {@link
 * #storeFailed}), a {@code token()} that would have to wait for that very request fails at once
 * with a transient {@link TokenRequestException} instead of waiting for itself.
 */
public abstract class TokenListener {
  /** A listener that ignores every event. */
  public static final TokenListener NONE = new TokenListener() {};

  /** Invoked before each HTTP request to the token endpoint, retries included. */
  public void tokenRequestStart(String grantType) {}

  /**
   * Invoked when a token request produced a token, once the token is served and before the callers
   * waiting for it resume.
   *
   * @param expiresAtMillis the token's expiry, or {@link AccessToken#NO_EXPIRY}.
   * @param durationMillis the time the request took.
   */
  public void tokenRequestEnd(String grantType, long expiresAtMillis, long durationMillis) {}

  /**
   * Invoked when a token request failed. It may still be retried: a {@link #tokenRequestRetry}
   * event follows if so.
   */
  public void tokenRequestFailed(String grantType, IOException e, long durationMillis) {}

  /** Invoked before the engine waits {@code delayMillis} to send attempt {@code attempt}. */
  public void tokenRequestRetry(String grantType, int attempt, long delayMillis) {}

  /**
   * Invoked when a token was dropped because a server answered 401 to a request that carried it.
   */
  public void tokenInvalidated() {}

  /**
   * Invoked when the server refused a refresh token; the engine falls back to the original grant if
   * it can.
   */
  public void refreshTokenRejected(TokenRequestException e) {}

  /** Invoked when the {@link TokenStore} failed; the engine carries on without it. */
  public void storeFailed(IOException e) {}
}
