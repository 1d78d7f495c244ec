/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.core;

import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Sends one grant to the token source, retrying transient failures with exponential backoff and
 * jitter, honouring {@code Retry-After}. Whatever the source throws comes out as a {@link
 * TokenRequestException}.
 *
 * <p>A refresh-token grant whose request ended ambiguously (no answer, a timeout, a 5xx other than
 * 503) is not resent within the same renewal: the server may have acted on it and rotated the
 * refresh token. A later renewal sends it once more; if the server had acted, it refuses it and the
 * engine falls back to its grant or asks for a new sign-in.
 */
final class Attempts {
  /** The longest one renewal waits between its attempts, in total. */
  static final long MAX_TOTAL_WAIT_MILLIS = TimeUnit.SECONDS.toMillis(30);

  static final long INITIAL_RETRY_DELAY_MILLIS = TimeUnit.SECONDS.toMillis(1);

  private final TokenSource source;
  private final Clock clock;
  private final TokenListener listener;
  private final int maxAttempts;
  private final long defaultLifetimeMillis;

  Attempts(
      TokenSource source,
      Clock clock,
      TokenListener listener,
      int maxAttempts,
      long defaultLifetimeMillis) {
    this.source = source;
    this.clock = clock;
    this.listener = listener;
    this.maxAttempts = maxAttempts;
    this.defaultLifetimeMillis = defaultLifetimeMillis;
  }

  /** What one renewal may still spend waiting between attempts, across all the grants it sends. */
  static final class Budget {
    long remainingWaitMillis = MAX_TOTAL_WAIT_MILLIS;
  }

  /** A token the source returned, and how long the request that got it took. */
  static final class Fetched {
    final AccessToken token;
    final String grantType;
    final long durationMillis;

    Fetched(AccessToken token, String grantType, long durationMillis) {
      this.token = token;
      this.grantType = grantType;
      this.durationMillis = durationMillis;
    }

    Fetched withRefreshToken(String refreshToken) {
      return new Fetched(
          token.newBuilder().refreshToken(refreshToken).build(), grantType, durationMillis);
    }
  }

  Fetched fetch(Grant grant, Budget budget) throws TokenRequestException {
    String grantType = grant.type();
    for (int attempt = 1; ; attempt++) {
      long start = clock.currentTimeMillis();
      listener.tokenRequestStart(grantType);
      TokenRequestException failure;
      try {
        AccessToken token = withDefaultLifetime(source.fetch(grant));
        return new Fetched(token, grantType, clock.currentTimeMillis() - start);
      } catch (TokenRequestException e) {
        failure = e;
      } catch (IOException e) {
        // A timeout, a reset connection, the token client's call timeout: no usable answer.
        failure = new TokenRequestException("token request failed: " + describe(e), e, 0, true);
      } catch (Throwable e) {
        // A TokenSource bug, or a checked exception thrown from Kotlin: keep it typed.
        failure = unexpected(e);
      }
      listener.tokenRequestFailed(grantType, failure, clock.currentTimeMillis() - start);

      if (!failure.isTransient() || attempt >= maxAttempts) throw failure;
      if (grant.type().equals(Grant.REFRESH_TOKEN) && !certainlyNotProcessed(failure)) {
        throw failure; // The server may have rotated the refresh token: not within this renewal.
      }
      long delay = failure.retryAfterMillis >= 0 ? failure.retryAfterMillis : retryDelay(attempt);
      if (delay > budget.remainingWaitMillis) throw failure; // No caller waits longer than that.
      budget.remainingWaitMillis -= delay;

      listener.tokenRequestRetry(grantType, attempt + 1, delay);
      try {
        clock.sleep(delay);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new TokenRequestException(
            "token request failed: interrupted while waiting to retry", failure, 0, true);
      }
    }
  }

  /** True if the token endpoint certainly did not act on the request: it may be sent again. */
  private static boolean certainlyNotProcessed(TokenRequestException e) {
    Throwable cause = e.getCause();
    return e.code() == 429
        || e.code() == 503
        || cause instanceof ConnectException
        || cause instanceof UnknownHostException;
  }

  /** Wraps an exception that a token source or store should not have thrown. */
  static TokenRequestException unexpected(Throwable e) {
    // Only the class name: a foreign exception's message may quote a token.
    return new TokenRequestException(
        "token request failed: unexpected " + e.getClass().getName(), e, 0, false);
  }

  /** Returns the delay before attempt {@code attempt + 1}: exponential, with equal jitter. */
  static long retryDelay(int attempt) {
    long ceiling = INITIAL_RETRY_DELAY_MILLIS << Math.min(attempt - 1, 10);
    return ceiling / 2 + ThreadLocalRandom.current().nextLong(ceiling / 2 + 1);
  }

  private static String describe(IOException e) {
    String message = e.getMessage();
    return message != null ? e.getClass().getSimpleName() + ": " + message : e.getClass().getName();
  }

  private AccessToken withDefaultLifetime(AccessToken token) {
    if (token.hasExpiry() || defaultLifetimeMillis <= 0) return token;
    long expiresAt = Durations.saturatedAdd(token.issuedAtMillis(), defaultLifetimeMillis);
    return token.newBuilder().expiresAtMillis(expiresAt).build();
  }
}
