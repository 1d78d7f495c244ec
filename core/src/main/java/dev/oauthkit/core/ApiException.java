/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.core;

import javax.annotation.Nullable;

/**
 * An API answered a call with an error status. Provider modules extend it with the fields of their
 * error bodies; catch it to handle any provider's API error.
 *
 * <p>This is an {@link java.io.IOException} so that it can be thrown from OkHttp interceptors and
 * Retrofit calls. Its message never contains a token or a secret.
 */
public abstract class ApiException extends java.io.IOException {
  private static final long serialVersionUID = 1L;

  private final int code;
  private final @Nullable String bodyExcerpt;

  /**
   * Creates an exception for an error response.
   *
   * @param code the HTTP status.
   * @param bodyExcerpt the start of a body that could not be parsed, or null.
   */
  protected ApiException(String message, int code, @Nullable String bodyExcerpt) {
    super(message);
    this.code = code;
    this.bodyExcerpt = bodyExcerpt;
  }

  /** Returns the HTTP status of the response. */
  public int code() {
    return code;
  }

  /**
   * Returns the start of an error body that was not in the provider's error format, such as an HTML
   * error page; null if the body was parsed.
   */
  public @Nullable String bodyExcerpt() {
    return bodyExcerpt;
  }
}
