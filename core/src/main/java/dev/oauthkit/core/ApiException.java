/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.core;

import dev.oauthkit.core.internal.Json;
import java.io.IOException;
import org.jspecify.annotations.Nullable;

/**
 * An API answered a call with an error status. Each provider module has one final subclass (such as
 * {@code AmadeusException}) that adds the fields of its error body; catch this type to handle any
 * provider's API error. Part of the provider kit.
 *
 * <p>What every provider's exception promises, whatever the body:
 *
 * <ul>
 *   <li>{@link #code()} is the HTTP status.
 *   <li>{@link #isRateLimited()} is true for 429, and {@link #retryAfterMillis()} is the server's
 *       {@code Retry-After} (seconds or an HTTP date), or -1 if it sent none. Nothing retries a 429
 *       by itself: the caller decides when to call again.
 *   <li>A body that is not in the provider's error format (an HTML page from a gateway, an empty
 *       body) keeps its start in {@link #bodyExcerpt()}.
 *   <li>A body that could not be read (the connection broke) gives an exception all the same: it
 *       has that failure as its {@link #getCause() cause}. Reading an error never throws.
 *   <li>The message starts with {@code "HTTP <code>"}, is on one line and at most 200 characters
 *       long (and an ellipsis), and never contains the request's token, even if the server echoes
 *       it; nor does anything else in the exception.
 * </ul>
 *
 * <p>This is an {@link IOException} so that it can be thrown from OkHttp interceptors and Retrofit
 * calls without crashing a dispatcher thread.
 */
public abstract class ApiException extends IOException {
  private static final long serialVersionUID = 1L;

  private final int code;
  private final long retryAfterMillis;
  private final @Nullable String bodyExcerpt;

  /**
   * Creates the exception for {@code errorBody}.
   *
   * @param errorBody the error response, read with {@link ErrorBody#read}.
   * @param detail what the provider's error body says, for the message after {@code "HTTP <code>
   *     "}, such as {@code "477 INVALID FORMAT: invalid query parameter format"}; null if the body
   *     is not in the provider's error format, which keeps its excerpt as {@link #bodyExcerpt()}.
   */
  protected ApiException(ErrorBody errorBody, @Nullable String detail) {
    super(message(errorBody, detail), errorBody.readFailure());
    this.code = errorBody.code();
    this.retryAfterMillis = errorBody.retryAfterMillis();
    this.bodyExcerpt =
        detail == null && errorBody.readFailure() == null ? errorBody.excerpt() : null;
  }

  private static String message(ErrorBody errorBody, @Nullable String detail) {
    String message = "HTTP " + errorBody.code();
    if (detail != null) return Json.excerpt(message + " " + detail);
    if (errorBody.readFailure() != null) return message + " (the error body could not be read)";
    String excerpt = errorBody.excerpt();
    if (excerpt.isEmpty()) return message + " (empty body)";
    return Json.excerpt(message + " (unexpected body: " + excerpt + ")");
  }

  /** Returns the HTTP status of the response. */
  public final int code() {
    return code;
  }

  /**
   * Returns true if the server refused the call for its rate limit or quota: HTTP 429 Too Many
   * Requests. {@link #retryAfterMillis()} says how long it asked to wait, if it did.
   */
  public final boolean isRateLimited() {
    return code == 429;
  }

  /**
   * Returns how long the response's {@code Retry-After} header asks to wait before the next call,
   * in milliseconds; -1 if it had none. Servers send it with 429 and 503.
   */
  public final long retryAfterMillis() {
    return retryAfterMillis;
  }

  /**
   * Returns the start of an error body that was not in the provider's error format, such as an HTML
   * error page, on one line and at most 200 characters; empty for an empty body; null if the body
   * was in the provider's format or could not be read.
   */
  public final @Nullable String bodyExcerpt() {
    return bodyExcerpt;
  }
}
