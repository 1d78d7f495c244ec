/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.core;

/**
 * The server refused the refresh token and there is no other grant to fall back on: the user must
 * sign in again. Thrown by a {@link TokenManager} built with {@link Grant#refreshToken}. The
 * refused token has been removed from the {@link TokenStore}.
 *
 * <p>{@link #getCause()} is the server's refusal.
 */
public final class SignInRequiredException extends TokenRequestException {
  private static final long serialVersionUID = 1L;

  SignInRequiredException(TokenRequestException refusal) {
    super(
        "sign in required: the refresh token was refused (" + refusal.getMessage() + ")", refusal);
  }
}
