/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.samples.dadi;

import dev.oauthkit.core.ApiException;
import dev.oauthkit.core.Clock;
import dev.oauthkit.core.ErrorBody;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

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

  private final @Nullable String errorCode;
  private final @Nullable String title;
  private final @Nullable String details;
  private final @Nullable String error;
  private final @Nullable String errorDescription;

  private DadiException(
      ErrorBody body,
      @Nullable String detail,
      @Nullable String errorCode,
      @Nullable String title,
      @Nullable String details,
      @Nullable String error,
      @Nullable String errorDescription) {
    super(body, detail);
    this.errorCode = errorCode;
    this.title = title;
    this.details = details;
    this.error = error;
    this.errorDescription = errorDescription;
  }

  /**
   * Returns the exception for {@code response}, a non-2xx answer of a DADI API call, reading and
   * closing its error body. Never throws for an unreadable body: the exception then has the read
   * failure as its cause.
   *
   * @throws IllegalArgumentException if {@code response} is successful.
   */
  public static DadiException from(retrofit2.Response<?> response) {
    Objects.requireNonNull(response, "response == null");
    return from(ErrorBody.read(response.raw(), response.errorBody(), Clock.SYSTEM));
  }

  /** Returns the exception for an error body of the DADI API: v4 JSON, or v3's challenge. */
  static DadiException from(ErrorBody body) {
    Map<?, ?> json = body.jsonObject();
    String errorCode = json != null ? ErrorBody.string(json.get("code")) : null;
    String title = json != null ? ErrorBody.string(json.get("title")) : null;
    String details = json != null ? ErrorBody.string(json.get("details")) : null;
    String error = body.challengeParameter("error");
    String errorDescription = body.challengeParameter("error_description");
    boolean dadiBody = json != null && (errorCode != null || json.containsKey("statusCode"));

    String detail = null;
    if (errorCode != null) {
      detail =
          errorCode + (title != null ? " " + title : "") + (details != null ? ": " + details : "");
    } else if (error != null) {
      detail = error + (errorDescription != null ? ": " + errorDescription : "");
    } else if (dadiBody) {
      detail = "(no details)"; // v3: {"statusCode":404}
    }
    return new DadiException(body, detail, errorCode, title, details, error, errorDescription);
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
}
