/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.core;

import java.io.IOException;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A token could not be obtained: the token endpoint refused the request, answered something that is
 * not a token, or could not be reached.
 *
 * <p>The fields of an <a href="https://datatracker.ietf.org/doc/html/rfc6749#section-5.2">RFC 6749
 * §5.2</a> error response are exposed as the server sent them, so callers can tell {@code
 * invalid_client} (fix the configuration) from {@code invalid_grant} (sign in again) from a {@link
 * #isTransient() transient} failure. Where the server names the error only in its {@code
 * WWW-Authenticate} header (RFC 6750 §3), {@link #error()} is read from there.
 *
 * <p>The message names the problem and never contains a secret or a token.
 *
 * <p>This is an {@link IOException} because OkHttp reports anything else thrown from an interceptor
 * or authenticator on its dispatcher thread, where it crashes an Android app.
 */
public class TokenRequestException extends IOException {
  private static final long serialVersionUID = 1L;

  private final int code;
  private final @Nullable String error;
  private final @Nullable String errorDescription;
  private final @Nullable String errorUri;
  private final transient Map<String, Object> errorBody;
  private final @Nullable String bodyExcerpt;
  private final boolean isTransient;
  final long retryAfterMillis;

  TokenRequestException(
      String message,
      @Nullable Throwable cause,
      int code,
      @Nullable String error,
      @Nullable String errorDescription,
      @Nullable String errorUri,
      Map<String, Object> errorBody,
      @Nullable String bodyExcerpt,
      boolean isTransient,
      long retryAfterMillis) {
    super(message, cause);
    this.code = code;
    this.error = error;
    this.errorDescription = errorDescription;
    this.errorUri = errorUri;
    this.errorBody = Collections.unmodifiableMap(errorBody);
    this.bodyExcerpt = bodyExcerpt;
    this.isTransient = isTransient;
    this.retryAfterMillis = retryAfterMillis;
  }

  /**
   * Creates an exception for a custom {@link TokenSource} to report a refusal.
   *
   * @param message names the problem; must not contain a secret or a token.
   * @param code the HTTP status, or 0 if there was no response.
   * @param error the OAuth 2.0 error code, such as {@code invalid_grant}, or null.
   * @param isTransient whether the engine may retry.
   */
  public TokenRequestException(
      String message,
      int code,
      @Nullable String error,
      @Nullable String errorDescription,
      boolean isTransient) {
    this(
        message,
        null,
        code,
        error,
        errorDescription,
        null,
        Collections.<String, Object>emptyMap(),
        null,
        isTransient,
        -1L);
  }

  /**
   * Creates an exception for a custom {@link TokenSource} to report a refusal that says when to try
   * again, such as a 429 or 503 with a {@code Retry-After} header. When {@code isTransient} is
   * true, the engine waits {@code retryAfterMillis} before its next attempt instead of its own
   * backoff; if that is longer than the renewal may still wait in total, it fails at once.
   *
   * @param message names the problem; must not contain a secret or a token.
   * @param code the HTTP status, or 0 if there was no response.
   * @param error the OAuth 2.0 error code, such as {@code temporarily_unavailable}, or null.
   * @param isTransient whether the engine may retry.
   * @param retryAfterMillis how long the server asked to wait before trying again, or -1 if it did
   *     not say.
   * @throws IllegalArgumentException if {@code retryAfterMillis} is less than -1.
   */
  public TokenRequestException(
      String message,
      int code,
      @Nullable String error,
      @Nullable String errorDescription,
      boolean isTransient,
      long retryAfterMillis) {
    this(
        Objects.requireNonNull(message, "message == null"),
        null,
        code,
        error,
        errorDescription,
        null,
        Collections.<String, Object>emptyMap(),
        null,
        isTransient,
        checkRetryAfter(retryAfterMillis));
  }

  private static long checkRetryAfter(long retryAfterMillis) {
    if (retryAfterMillis < -1L) {
      throw new IllegalArgumentException("retryAfterMillis < -1: " + retryAfterMillis);
    }
    return retryAfterMillis;
  }

  /** Creates an exception for a failure that has no HTTP response, such as a malformed token. */
  TokenRequestException(String message, @Nullable Throwable cause, int code, boolean isTransient) {
    this(
        message,
        cause,
        code,
        null,
        null,
        null,
        Collections.<String, Object>emptyMap(),
        null,
        isTransient,
        -1L);
  }

  /** Copies {@code other}, for a subclass that says more about the same failure. */
  TokenRequestException(String message, TokenRequestException other) {
    this(
        message,
        other,
        other.code,
        other.error,
        other.errorDescription,
        other.errorUri,
        other.errorBody,
        other.bodyExcerpt,
        false,
        -1L);
  }

  /** Returns the HTTP status of the token response, or 0 if there was no response. */
  public int code() {
    return code;
  }

  /**
   * Returns the OAuth 2.0 error code, such as {@code invalid_client} or {@code invalid_grant}, or
   * null if the server sent none. Kept as the server sent it: providers use codes of their own.
   */
  public @Nullable String error() {
    return error;
  }

  /**
   * Returns the server's human-readable description of the error ({@code error_description}, or a
   * provider's {@code message}), or null.
   */
  public @Nullable String errorDescription() {
    return errorDescription;
  }

  /** Returns the {@code error_uri} of the error response, or null. */
  public @Nullable String errorUri() {
    return errorUri;
  }

  /**
   * Returns every field of a JSON error body, including a provider's own (Amadeus {@code code} and
   * {@code title}, Bindeo {@code hint}); empty if the body was not a JSON object.
   */
  public Map<String, Object> errorBody() {
    Map<String, Object> result = errorBody;
    return result != null ? result : Collections.<String, Object>emptyMap();
  }

  /**
   * Returns the start of an error body that was not JSON, such as an HTML error page, with known
   * secrets removed; or null.
   */
  public @Nullable String bodyExcerpt() {
    return bodyExcerpt;
  }

  /**
   * Returns how long the server asked to wait before trying again ({@code Retry-After} on a 408,
   * 429 or 5xx answer, RFC 9110 §10.2.3), in milliseconds, or -1 if it did not say. The engine has
   * already honoured it between its attempts.
   */
  public long retryAfterMillis() {
    return retryAfterMillis;
  }

  /**
   * Returns true if trying again later may succeed: the endpoint could not be reached, timed out,
   * or answered 408, 429 or 5xx. The engine has already retried such failures before reporting
   * them.
   */
  public boolean isTransient() {
    return isTransient;
  }
}
