/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.samples.dadi;

import dev.oauthkit.core.ApiException;
import dev.oauthkit.core.Clock;
import dev.oauthkit.core.ErrorBody;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.annotation.Nullable;

/**
 * The DADI API answered with an error status. DADI API v4 and later send {@code
 * {"code":"API-0005","title":"Unauthorised","details":"…"}}, available as {@link #errorCode()},
 * {@link #title()} and {@link #details()}: {@code API-0005} is a missing or invalid token (the
 * client already renewed it and retried once), {@code API-0006} ("Access denied") and {@code
 * API-0009} ("Partial access") are permission answers that a new token does not change. DADI API v3
 * sends only {@code {"statusCode":401}} and names the reason in {@code WWW-Authenticate}, such as
 * {@code error="invalid_token"}: available as {@link #error()} and {@link #errorDescription()}. A
 * body in another shape, such as a proxy's HTML page, is kept as {@link #bodyExcerpt()}.
 *
 * <p>The message never contains a token or a secret: the bearer token of the failed request is
 * masked should the server echo it, and all server text is bounded.
 */
public final class DadiException extends ApiException {
  private static final long serialVersionUID = 1L;

  private static final Pattern AUTH_PARAM =
      Pattern.compile("([A-Za-z_]+)\\s*=\\s*(?:\"((?:[^\"\\\\]|\\\\.)*)\"|([^\\s,]+))");

  private final @Nullable String errorCode;
  private final @Nullable String title;
  private final @Nullable String details;
  private final @Nullable String error;
  private final @Nullable String errorDescription;
  private final long retryAfterMillis;

  private DadiException(
      String message,
      int code,
      @Nullable String bodyExcerpt,
      @Nullable String errorCode,
      @Nullable String title,
      @Nullable String details,
      @Nullable String error,
      @Nullable String errorDescription,
      long retryAfterMillis) {
    super(message, code, bodyExcerpt);
    this.errorCode = errorCode;
    this.title = title;
    this.details = details;
    this.error = error;
    this.errorDescription = errorDescription;
    this.retryAfterMillis = retryAfterMillis;
  }

  /**
   * Returns the exception for {@code response}, a non-2xx answer of a DADI API call, reading and
   * closing its error body. Never throws for an unreadable body: the exception then has the read
   * failure as its cause.
   *
   * @throws IllegalArgumentException if {@code response} is successful.
   */
  public static DadiException from(retrofit2.Response<?> response) {
    return from(response, Clock.SYSTEM);
  }

  static DadiException from(retrofit2.Response<?> response, Clock clock) {
    Objects.requireNonNull(response, "response == null");
    return from(response.raw(), ErrorBody.read(response.raw(), response.errorBody(), clock));
  }

  /**
   * Returns the exception for {@code response}, a non-2xx answer of the DADI API, for use with
   * OkHttp directly. It reads and closes the body.
   *
   * @throws IllegalArgumentException if {@code response} is successful.
   */
  public static DadiException from(okhttp3.Response response) {
    Objects.requireNonNull(response, "response == null");
    return from(response, ErrorBody.read(response, response.body(), Clock.SYSTEM));
  }

  private static DadiException from(okhttp3.Response response, ErrorBody body) {
    Map<?, ?> json = body.jsonObject();
    String errorCode = json != null ? text(json.get("code")) : null;
    String title = json != null ? text(json.get("title")) : null;
    String details = json != null ? text(json.get("details")) : null;
    String error = challengeParameter(response, "error");
    String errorDescription = challengeParameter(response, "error_description");
    boolean dadiBody = json != null && (errorCode != null || json.containsKey("statusCode"));

    StringBuilder message = new StringBuilder("HTTP ").append(body.code());
    if (errorCode != null) {
      message.append(' ').append(errorCode);
      if (title != null) message.append(' ').append(title);
      if (details != null) message.append(": ").append(details);
    } else if (error != null) {
      message.append(' ').append(error);
      if (errorDescription != null) message.append(": ").append(errorDescription);
    } else if (body.readFailure() != null) {
      message.append(": the error body could not be read");
    } else if (!dadiBody) {
      message.append(body.byteCount() == 0 ? " (empty body)" : ": not a DADI error body");
    }
    String excerpt = dadiBody || body.byteCount() == 0 ? null : body.excerpt();
    DadiException result =
        new DadiException(
            ErrorBody.excerpt(message.toString()),
            body.code(),
            excerpt,
            errorCode,
            title,
            details,
            error,
            errorDescription,
            body.retryAfterMillis());
    if (body.readFailure() != null) result.initCause(body.readFailure());
    return result;
  }

  /**
   * Returns the auth-param {@code name} of {@code response}'s {@code WWW-Authenticate} challenges,
   * such as {@code error} in {@code Bearer, error="invalid_token"}, masked and bounded; or null.
   */
  static @Nullable String challengeParameter(okhttp3.Response response, String name) {
    for (String challenge : response.headers("WWW-Authenticate")) {
      Matcher matcher = AUTH_PARAM.matcher(challenge);
      while (matcher.find()) {
        if (!matcher.group(1).toLowerCase(Locale.ROOT).equals(name)) continue;
        String value =
            matcher.group(2) != null
                ? matcher.group(2).replaceAll("\\\\(.)", "$1")
                : matcher.group(3);
        return ErrorBody.excerpt(ErrorBody.redact(value, response.request()));
      }
    }
    return null;
  }

  /** Returns a scalar JSON value as bounded text, or null. */
  private static @Nullable String text(@Nullable Object value) {
    String text = ErrorBody.string(value);
    return text != null ? ErrorBody.excerpt(text) : null;
  }

  /** Returns the DADI error code, such as {@code API-0005}; null if the body had none (v3). */
  public @Nullable String errorCode() {
    return errorCode;
  }

  /** Returns the error title, such as {@code "Access denied"}, or null. */
  public @Nullable String title() {
    return title;
  }

  /** Returns the error details, or null. */
  public @Nullable String details() {
    return details;
  }

  /**
   * Returns the {@code error} of the {@code WWW-Authenticate} header, such as {@code invalid_token}
   * or {@code no_token} (DADI API v3), or null.
   */
  public @Nullable String error() {
    return error;
  }

  /** Returns the {@code error_description} of the {@code WWW-Authenticate} header, or null. */
  public @Nullable String errorDescription() {
    return errorDescription;
  }

  /**
   * Returns how long a {@code Retry-After} header asks to wait, in milliseconds, or -1 if there was
   * none. DADI itself has no rate limit; a proxy in front of it may.
   */
  public long retryAfterMillis() {
    return retryAfterMillis;
  }
}
