/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.bindeo;

import dev.oauthkit.core.ApiException;
import dev.oauthkit.core.Clock;
import dev.oauthkit.core.ErrorBody;
import java.io.IOException;
import java.util.Map;
import java.util.Objects;
import javax.annotation.Nullable;
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
 * exception with {@link #bodyExcerpt()} set and null fields.
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
      String message,
      int code,
      @Nullable String error,
      @Nullable String errorMessage,
      @Nullable String hint,
      @Nullable String bodyExcerpt) {
    super(message, code, bodyExcerpt);
    this.error = error;
    this.errorMessage = errorMessage;
    this.hint = hint;
  }

  /**
   * Returns the exception for the error response {@code response}, reading and closing its error
   * body. Use it with a {@code retrofit2.HttpException}'s {@code response()}, or after {@code
   * Call.execute()} returned a response that is not successful.
   *
   * @throws IllegalArgumentException if {@code response} is successful.
   * @throws IOException if the error body could not be read.
   */
  public static BindeoException from(Response<?> response) throws IOException {
    Objects.requireNonNull(response, "response == null");
    ErrorBody body = ErrorBody.read(response.raw(), response.errorBody(), Clock.SYSTEM);
    IOException readFailure = body.readFailure();
    if (readFailure != null) throw readFailure;
    return from(body);
  }

  /** Returns the exception for {@code body}, a Bindeo error body or one in another shape. */
  static BindeoException from(ErrorBody body) {
    int code = body.code();
    String error = null;
    String errorMessage = null;
    String hint = null;
    Map<?, ?> object = body.jsonObject();
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
      // Not one of Bindeo's error shapes: keep the start of the body instead.
      return new BindeoException(
          "Bindeo answered HTTP "
              + code
              + " with "
              + body.byteCount()
              + " bytes that are not an error",
          code,
          null,
          null,
          null,
          body.excerpt());
    }
    StringBuilder message = new StringBuilder("Bindeo answered HTTP ").append(code);
    if (error != null && !error.equals(Integer.toString(code)))
      message.append(' ').append(ErrorBody.excerpt(error));
    if (errorMessage != null) message.append(": ").append(ErrorBody.excerpt(errorMessage));
    if (hint != null) message.append(" (").append(ErrorBody.excerpt(hint)).append(')');
    return new BindeoException(message.toString(), code, error, errorMessage, hint, null);
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
