/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.core;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import javax.annotation.Nullable;

/**
 * What a token request asks for: the {@code grant_type} and its parameters (<a
 * href="https://datatracker.ietf.org/doc/html/rfc6749#section-4">RFC 6749 §4</a>).
 *
 * <p>{@link #toString()} shows the grant type only; usernames, passwords and refresh tokens are
 * never printed.
 */
public final class Grant {
  /** The {@code client_credentials} grant type. */
  public static final String CLIENT_CREDENTIALS = "client_credentials";

  /** The {@code password} grant type. */
  public static final String PASSWORD = "password";

  /** The {@code refresh_token} grant type. */
  public static final String REFRESH_TOKEN = "refresh_token";

  private static final Grant CLIENT_CREDENTIALS_GRANT =
      new Grant(CLIENT_CREDENTIALS, Collections.<String, String>emptyMap(), null);

  private final String type;
  private final Map<String, String> parameters;
  private final @Nullable String username;

  private Grant(String type, Map<String, String> parameters, @Nullable String username) {
    this.type = type;
    this.parameters = parameters;
    this.username = username;
  }

  /** Returns the client credentials grant (RFC 6749 §4.4). */
  public static Grant clientCredentials() {
    return CLIENT_CREDENTIALS_GRANT;
  }

  /** Returns the resource owner password credentials grant (RFC 6749 §4.3). */
  public static Grant password(String username, String password) {
    Objects.requireNonNull(username, "username == null");
    Objects.requireNonNull(password, "password == null");
    Map<String, String> parameters = new LinkedHashMap<>();
    parameters.put("username", username);
    parameters.put("password", password);
    return new Grant(PASSWORD, Collections.unmodifiableMap(parameters), username);
  }

  /**
   * Returns the refresh token grant (RFC 6749 §6). A token manager built with this grant renews
   * with the refresh token alone: when the server refuses it, the user must sign in again.
   */
  public static Grant refreshToken(String refreshToken) {
    Objects.requireNonNull(refreshToken, "refreshToken == null");
    if (refreshToken.isEmpty()) throw new IllegalArgumentException("refreshToken is empty");
    return new Grant(REFRESH_TOKEN, Collections.singletonMap("refresh_token", refreshToken), null);
  }

  /** Returns the {@code grant_type} value, such as {@code client_credentials}. */
  public String type() {
    return type;
  }

  /**
   * Returns the request parameters of this grant besides {@code grant_type}, keyed by their RFC
   * names ({@code username}, {@code password}, {@code refresh_token}), for a {@link TokenSource}
   * that sends them elsewhere. The values are secrets.
   */
  public Map<String, String> parameters() {
    return parameters;
  }

  /** The user this grant signs in, or null. Part of the store key. */
  @Nullable
  String username() {
    return username;
  }

  @Override
  public String toString() {
    return "Grant{" + type + "}";
  }
}
