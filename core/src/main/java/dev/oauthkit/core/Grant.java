/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.core;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What a token request asks for: the {@code grant_type} and its parameters (<a
 * href="https://datatracker.ietf.org/doc/html/rfc6749#section-4">RFC 6749 §4</a>).
 *
 * <p>Besides the grants of RFC 6749, {@link #of} expresses any other grant, such as the JWT bearer
 * grant (<a href="https://datatracker.ietf.org/doc/html/rfc7523#section-2.1">RFC 7523 §2.1</a>) or
 * token exchange (<a href="https://datatracker.ietf.org/doc/html/rfc8693">RFC 8693</a>).
 *
 * <p>{@link #toString()} shows the grant type only; usernames, passwords, refresh tokens and the
 * parameters of other grants are never printed.
 */
public final class Grant {
  /** The {@code client_credentials} grant type. */
  public static final String CLIENT_CREDENTIALS = "client_credentials";

  /** The {@code password} grant type. */
  public static final String PASSWORD = "password";

  /** The {@code refresh_token} grant type. */
  public static final String REFRESH_TOKEN = "refresh_token";

  /**
   * The request fields a grant's parameters cannot set: the grant type, and what the {@link
   * ClientAuthentication} sends.
   */
  private static final Set<String> RESERVED_PARAMETERS =
      Collections.unmodifiableSet(
          new LinkedHashSet<>(
              Arrays.asList(
                  "grant_type",
                  "client_id",
                  "client_secret",
                  "client_assertion",
                  "client_assertion_type")));

  private static final Grant CLIENT_CREDENTIALS_GRANT =
      new Grant(CLIENT_CREDENTIALS, Collections.<String, String>emptyMap(), null, false);

  private final String type;
  private final Map<String, String> parameters;
  private final @Nullable String username;
  private final boolean custom;

  private Grant(
      String type, Map<String, String> parameters, @Nullable String username, boolean custom) {
    this.type = type;
    this.parameters = parameters;
    this.username = username;
    this.custom = custom;
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
    return new Grant(PASSWORD, Collections.unmodifiableMap(parameters), username, false);
  }

  /**
   * Returns the refresh token grant (RFC 6749 §6). A token manager built with this grant renews
   * with the refresh token alone: when the server refuses it, the user must sign in again.
   */
  public static Grant refreshToken(String refreshToken) {
    Objects.requireNonNull(refreshToken, "refreshToken == null");
    if (refreshToken.isEmpty()) throw new IllegalArgumentException("refreshToken is empty");
    return new Grant(
        REFRESH_TOKEN, Collections.singletonMap("refresh_token", refreshToken), null, false);
  }

  /**
   * Returns a grant of another type, such as the JWT bearer grant of RFC 7523 §2.1:
   *
   * <pre>{@code
   * Grant grant = Grant.of(
   *     "urn:ietf:params:oauth:grant-type:jwt-bearer",
   *     Collections.singletonMap("assertion", signedJwt));
   * }</pre>
   *
   * <p>Every request of this grant sends {@code grant_type=type} and {@code parameters} as they are
   * (a standard field among them, such as {@code scope}, is renamed as the endpoint says; the
   * endpoint's own scope and extra parameters replace a parameter of the same name). An assertion
   * or token that expires is therefore sent expired too: once the server refuses it, build a new
   * manager with a new grant.
   *
   * <p>Every parameter value is treated as a secret: it is removed from exception messages should
   * the server echo it, and it is never printed. A manager's default store key includes a hash of
   * the parameters, so managers with different parameters never share tokens.
   *
   * @param type the {@code grant_type}, such as {@code
   *     urn:ietf:params:oauth:grant-type:token-exchange}.
   * @param parameters the request parameters besides {@code grant_type}; copied.
   * @throws IllegalArgumentException if {@code type} is empty or one of the grants this class has a
   *     factory for, or a parameter name is empty or one of {@code grant_type}, {@code client_id},
   *     {@code client_secret}, {@code client_assertion} and {@code client_assertion_type}, which
   *     the grant type and the client authentication set.
   * @throws NullPointerException if a parameter name or value is null.
   */
  public static Grant of(String type, Map<String, String> parameters) {
    Objects.requireNonNull(type, "type == null");
    Objects.requireNonNull(parameters, "parameters == null");
    if (type.isEmpty()) throw new IllegalArgumentException("type is empty");
    if (type.equals(CLIENT_CREDENTIALS)) {
      throw new IllegalArgumentException("use Grant.clientCredentials() for " + type);
    }
    if (type.equals(PASSWORD)) {
      throw new IllegalArgumentException("use Grant.password() for " + type);
    }
    if (type.equals(REFRESH_TOKEN)) {
      throw new IllegalArgumentException("use Grant.refreshToken() for " + type);
    }
    Map<String, String> copy = new LinkedHashMap<>();
    for (Map.Entry<String, String> parameter : parameters.entrySet()) {
      String name = Objects.requireNonNull(parameter.getKey(), "parameter name == null");
      String value = parameter.getValue();
      if (value == null) throw new NullPointerException("value of " + name + " == null");
      if (name.isEmpty()) throw new IllegalArgumentException("parameter name is empty");
      if (RESERVED_PARAMETERS.contains(name)) {
        throw new IllegalArgumentException("a grant's parameters cannot set " + name);
      }
      copy.put(name, value);
    }
    return new Grant(type, Collections.unmodifiableMap(copy), null, true);
  }

  /** Returns the {@code grant_type} value, such as {@code client_credentials}. */
  public String type() {
    return type;
  }

  /**
   * Returns the request parameters of this grant besides {@code grant_type}, keyed by their RFC
   * names ({@code username}, {@code password}, {@code refresh_token}, or those given to {@link
   * #of}), for a {@link TokenSource} that sends them elsewhere. The values are secrets.
   */
  public Map<String, String> parameters() {
    return parameters;
  }

  /** The user this grant signs in, or null. Part of the store key. */
  @Nullable String username() {
    return username;
  }

  /** True for a grant made by {@link #of}: all its parameters are part of the store key. */
  boolean isCustom() {
    return custom;
  }

  /** Returns the parameter values that are secrets: all but the username of a password grant. */
  List<String> secrets() {
    List<String> secrets = new ArrayList<>();
    for (Map.Entry<String, String> parameter : parameters.entrySet()) {
      if (!custom && parameter.getKey().equals("username")) continue;
      secrets.add(parameter.getValue());
    }
    return secrets;
  }

  @Override
  public String toString() {
    return "Grant{" + type + "}";
  }
}
