/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.bindeo;

import dev.oauthkit.core.ApiException;
import dev.oauthkit.core.Clock;
import dev.oauthkit.core.ErrorBody;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import retrofit2.Response;

/**
 * The Bindeo API answered a call with an error status. Bindeo sends two error shapes, and both are
 * read into this exception:
 *
 * <ul>
 *   <li>Application errors, {@code {"error":{"code":403,"message":"Storage space full"}}}: {@link
 *       #error()} is the {@code code} as a string and {@link #errorMessage()} the {@code message}.
 *   <li>OAuth errors of the resource server, {@code {"error":"access_denied","message":"…",
 *       "hint":"Access token has been revoked"}}: {@link #error()} is the {@code error} string,
 *       {@link #errorMessage()} the {@code message} and {@link #hint()} the {@code hint}.
 * </ul>
 *
 * <p>Any other body, such as an HTML error page, an empty body or JSON of another shape, gives an
 * exception with {@link #bodyExcerpt()} set and null fields. Bindeo documents no rate limit; a 429
 * from a proxy is {@link #isRateLimited()} all the same.
 *
 * <p>Token endpoint failures are not this type: they are {@link
 * dev.oauthkit.core.TokenRequestException}s (see {@link Bindeo#isSignInRequired}).
 */
public final class BindeoException extends ApiException {
  private static final long serialVersionUID = 1L;

  private final @Nullable String error;
  private final @Nullable String errorMessage;
  private final @Nullable String hint;

  private BindeoException(
      ErrorBody errorBody,
      @Nullable String detail,
      @Nullable String error,
      @Nullable String errorMessage,
      @Nullable String hint) {
    super(errorBody, detail);
    this.error = error;
    this.errorMessage = errorMessage;
    this.hint = hint;
  }

  /**
   * Returns the exception for the error response {@code response}, reading and closing its error
   * body. Use it with a {@code retrofit2.HttpException}'s {@code response()}, or after {@code
   * Call.execute()} or {@code enqueue()} gave a response that is not successful. It never throws
   * for a body that cannot be read: the exception then has null fields and the read failure as its
   * cause.
   *
   * @throws IllegalArgumentException if {@code response} is successful.
   */
  public static BindeoException from(Response<?> response) {
    Objects.requireNonNull(response, "response == null");
    return from(ErrorBody.read(response.raw(), response.errorBody(), Clock.SYSTEM));
  }

  /** Returns the exception for {@code errorBody}, a Bindeo error body or one in another shape. */
  static BindeoException from(ErrorBody errorBody) {
    String error = null;
    String errorMessage = null;
    String hint = null;
    Map<?, ?> object = errorBody.jsonObject();
    if (object != null) {
      Object errorField = object.get("error");
      if (errorField instanceof Map) {
        Map<?, ?> nested = (Map<?, ?>) errorField;
        error = ErrorBody.string(nested.get("code"));
        errorMessage = ErrorBody.string(nested.get("message"));
      } else {
        error = ErrorBody.string(errorField);
        errorMessage = ErrorBody.string(object.get("message"));
        hint = ErrorBody.string(object.get("hint"));
      }
    }
    if (error == null && errorMessage == null) {
      // Not one of Bindeo's error shapes: the exception keeps the start of the body instead.
      return new BindeoException(errorBody, null, null, null, null);
    }
    StringBuilder detail = new StringBuilder();
    if (error != null && !error.equals(Integer.toString(errorBody.code()))) detail.append(error);
    if (errorMessage != null) {
      detail.append(detail.length() > 0 ? ": " : "").append(errorMessage);
    }
    if (hint != null) detail.append(" (").append(hint).append(')');
    return new BindeoException(errorBody, detail.toString().trim(), error, errorMessage, hint);
  }

  /**
   * Returns the error: the OAuth error code such as {@code access_denied}, or the {@code code} of
   * an application error such as {@code "403"}; null if the body was not in a Bindeo error shape.
   */
  public @Nullable String error() {
    return error;
  }

  /** Returns Bindeo's human-readable {@code message}, such as "Storage space full", or null. */
  public @Nullable String errorMessage() {
    return errorMessage;
  }

  /**
   * Returns the {@code hint} of an OAuth error, such as "Access token has been revoked", or null.
   */
  public @Nullable String hint() {
    return hint;
  }
}
