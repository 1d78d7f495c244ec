/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.core;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * Reads an RFC 6749 §5.1 token response, with fields renamed as configured. Lenient where servers
 * differ harmlessly ({@code expires_in} as a string, a missing {@code token_type}) and strict where
 * a mistake would cost a call on every request (a zero or negative lifetime).
 */
final class StandardTokenResponseParser implements TokenResponseParser {
  /** How far {@code created_at} may be from the local clock and still be trusted. */
  static final long CREATED_AT_TOLERANCE_MILLIS = TimeUnit.SECONDS.toMillis(60);

  /** Ten years: longer lifetimes are taken as "does not expire". */
  private static final long MAX_EXPIRES_IN_SECONDS = TimeUnit.DAYS.toSeconds(3650);

  final Map<String, String> renamed;
  private final String accessToken;
  private final String tokenType;
  private final String expiresIn;
  private final String refreshToken;
  private final String scope;
  private final String createdAt;

  StandardTokenResponseParser(Map<String, String> renamed) {
    this.renamed = new LinkedHashMap<>(renamed);
    this.accessToken = name("access_token");
    this.tokenType = name("token_type");
    this.expiresIn = name("expires_in");
    this.refreshToken = name("refresh_token");
    this.scope = name("scope");
    this.createdAt = name("created_at");
  }

  private String name(String standard) {
    String name = renamed.get(standard);
    return name != null ? name : standard;
  }

  @Override
  public AccessToken parse(Map<String, Object> json, long requestTimeMillis) throws IOException {
    Object value = json.get(accessToken);
    if (value == null) throw malformed("has no " + accessToken);
    if (!(value instanceof String)) throw malformed(accessToken + " is not a string");
    if (((String) value).isEmpty()) throw malformed(accessToken + " is empty");
    if (!AccessToken.isHeaderSafe((String) value)) {
      throw malformed(accessToken + " has characters that cannot go into an HTTP header");
    }

    String type = optionalString(json, tokenType);
    if (type != null && !type.equalsIgnoreCase("bearer")) {
      throw malformed("has unsupported " + tokenType + " (only Bearer tokens are supported)");
    }

    long issuedAt = requestTimeMillis;
    long expiresAt = AccessToken.NO_EXPIRY;
    Object lifetime = json.get(expiresIn);
    if (lifetime != null) {
      long seconds = expiresInSeconds(lifetime);
      Long serverIssuedAt = createdAtMillis(json.get(createdAt));
      if (serverIssuedAt != null
          && Math.abs(serverIssuedAt - requestTimeMillis) <= CREATED_AT_TOLERANCE_MILLIS) {
        issuedAt = Math.min(serverIssuedAt, requestTimeMillis); // Conservative either way.
      }
      if (seconds <= MAX_EXPIRES_IN_SECONDS) {
        expiresAt = issuedAt + TimeUnit.SECONDS.toMillis(seconds);
      }
    }

    Map<String, Object> extras = new LinkedHashMap<>(json);
    extras.remove(accessToken);
    extras.remove(tokenType);
    extras.remove(expiresIn);
    extras.remove(refreshToken);
    extras.remove(scope);
    extras.remove(createdAt);

    return new AccessToken.Builder()
        .value((String) value)
        .tokenType("Bearer")
        .issuedAtMillis(issuedAt)
        .expiresAtMillis(expiresAt)
        .refreshToken(emptyToNull(optionalString(json, refreshToken)))
        .scope(optionalString(json, scope))
        .extras(extras)
        .build();
  }

  private long expiresInSeconds(Object lifetime) throws TokenRequestException {
    double seconds;
    if (lifetime instanceof Number) {
      seconds = ((Number) lifetime).doubleValue();
    } else if (lifetime instanceof String) {
      try {
        seconds = Double.parseDouble(((String) lifetime).trim());
      } catch (NumberFormatException e) {
        throw malformed(expiresIn + " is not a number");
      }
    } else {
      throw malformed(expiresIn + " is not a number");
    }
    if (Double.isNaN(seconds) || Double.isInfinite(seconds)) {
      throw malformed(expiresIn + " is not a number");
    }
    if (seconds < 1) throw malformed(expiresIn + " is not positive");
    return (long) seconds;
  }

  private static @Nullable Long createdAtMillis(@Nullable Object createdAt) {
    double seconds;
    if (createdAt instanceof Number) {
      seconds = ((Number) createdAt).doubleValue();
    } else if (createdAt instanceof String) {
      try {
        seconds = Double.parseDouble((String) createdAt);
      } catch (NumberFormatException e) {
        return null;
      }
    } else {
      return null;
    }
    if (Double.isNaN(seconds) || seconds <= 0 || seconds > Long.MAX_VALUE / 1000.0) return null;
    return (long) (seconds * 1000.0);
  }

  private @Nullable String optionalString(Map<String, Object> json, String name)
      throws TokenRequestException {
    Object value = json.get(name);
    if (value == null) return null;
    if (!(value instanceof String)) throw malformed(name + " is not a string");
    return (String) value;
  }

  private static @Nullable String emptyToNull(@Nullable String value) {
    return value == null || value.isEmpty() ? null : value;
  }

  private static TokenRequestException malformed(String problem) {
    return new TokenRequestException("malformed token response: " + problem, null, 200, false);
  }
}
