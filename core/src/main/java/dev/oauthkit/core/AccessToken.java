/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.core;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An OAuth 2.0 access token as issued by a token endpoint (<a
 * href="https://datatracker.ietf.org/doc/html/rfc6749#section-5.1">RFC 6749 §5.1</a>).
 *
 * <p>Instances are immutable. {@link #toString()} never shows the token or the refresh token, so a
 * token can be logged safely; {@link #value()} and {@link #refreshToken()} are the only ways to
 * read them.
 */
public final class AccessToken {
  /** The value of {@link #expiresAtMillis()} for a token whose lifetime the server did not say. */
  public static final long NO_EXPIRY = Long.MAX_VALUE;

  private final String value;
  private final String tokenType;
  private final long issuedAtMillis;
  private final long expiresAtMillis;
  private final @Nullable String refreshToken;
  private final @Nullable String scope;
  private final Map<String, Object> extras;

  AccessToken(Builder builder) {
    this.value = Objects.requireNonNull(builder.value, "value == null");
    this.tokenType = builder.tokenType;
    this.issuedAtMillis = builder.issuedAtMillis;
    this.expiresAtMillis = builder.expiresAtMillis;
    this.refreshToken = builder.refreshToken;
    this.scope = builder.scope;
    this.extras = Collections.unmodifiableMap(new LinkedHashMap<>(builder.extras));
  }

  /** Returns the token to send in {@code Authorization: Bearer <value>}. Treat it as a secret. */
  public String value() {
    return value;
  }

  /** Returns the token type, {@code "Bearer"} unless the server said otherwise. */
  public String tokenType() {
    return tokenType;
  }

  /** Returns when the token was issued, in milliseconds since the epoch. */
  public long issuedAtMillis() {
    return issuedAtMillis;
  }

  /**
   * Returns when the token expires, in milliseconds since the epoch, or {@link #NO_EXPIRY} when the
   * server did not say and no default lifetime was configured.
   */
  public long expiresAtMillis() {
    return expiresAtMillis;
  }

  /** Returns true if this token has a known expiry time. */
  public boolean hasExpiry() {
    return expiresAtMillis != NO_EXPIRY;
  }

  /** Returns the refresh token issued with this token, or null. Treat it as a secret. */
  public @Nullable String refreshToken() {
    return refreshToken;
  }

  /** Returns the scope the server granted, or null if it did not say. */
  public @Nullable String scope() {
    return scope;
  }

  /**
   * Returns the fields of the token response that are not standard, such as Amadeus'{@code state}
   * or {@code application_name}. Values are JSON values as Moshi reads them: {@code String}, {@code
   * Double}, {@code Boolean}, {@code List}, {@code Map} or null.
   */
  public Map<String, Object> extras() {
    return extras;
  }

  /** Returns a builder initialised with this token's fields. */
  public Builder newBuilder() {
    return new Builder(this);
  }

  @Override
  public boolean equals(@Nullable Object other) {
    if (this == other) return true;
    if (!(other instanceof AccessToken)) return false;
    AccessToken that = (AccessToken) other;
    return value.equals(that.value)
        && tokenType.equals(that.tokenType)
        && issuedAtMillis == that.issuedAtMillis
        && expiresAtMillis == that.expiresAtMillis
        && Objects.equals(refreshToken, that.refreshToken)
        && Objects.equals(scope, that.scope)
        && extras.equals(that.extras);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        value, tokenType, issuedAtMillis, expiresAtMillis, refreshToken, scope, extras);
  }

  /** Returns a description with the token and the refresh token redacted. */
  @Override
  public String toString() {
    return "AccessToken{tokenType="
        + tokenType
        + ", value=██, issuedAtMillis="
        + issuedAtMillis
        + ", expiresAtMillis="
        + (hasExpiry() ? Long.toString(expiresAtMillis) : "none")
        + ", refreshToken="
        + (refreshToken != null ? "██" : "none")
        + (scope != null ? ", scope=" + scope : "")
        + (extras.isEmpty() ? "" : ", extras=" + extras.keySet())
        + "}";
  }

  /** Builds an {@link AccessToken}. */
  public static final class Builder {
    @Nullable String value;
    String tokenType = "Bearer";
    long issuedAtMillis = -1L;
    long expiresAtMillis = NO_EXPIRY;
    @Nullable String refreshToken;
    @Nullable String scope;
    Map<String, Object> extras = new LinkedHashMap<>();

    /** Creates a builder with token type {@code Bearer} and no expiry. */
    public Builder() {}

    Builder(AccessToken token) {
      this.value = token.value;
      this.tokenType = token.tokenType;
      this.issuedAtMillis = token.issuedAtMillis;
      this.expiresAtMillis = token.expiresAtMillis;
      this.refreshToken = token.refreshToken;
      this.scope = token.scope;
      this.extras = new LinkedHashMap<>(token.extras);
    }

    /** Sets the access token. Required. */
    public Builder value(String value) {
      this.value = Objects.requireNonNull(value, "value == null");
      return this;
    }

    /** Sets the token type. Defaults to {@code Bearer}. */
    public Builder tokenType(String tokenType) {
      this.tokenType = Objects.requireNonNull(tokenType, "tokenType == null");
      return this;
    }

    /** Sets when the token was issued, in milliseconds since the epoch. Required. */
    public Builder issuedAtMillis(long issuedAtMillis) {
      this.issuedAtMillis = issuedAtMillis;
      return this;
    }

    /** Sets when the token expires, or {@link #NO_EXPIRY}. Defaults to {@link #NO_EXPIRY}. */
    public Builder expiresAtMillis(long expiresAtMillis) {
      this.expiresAtMillis = expiresAtMillis;
      return this;
    }

    /** Sets the refresh token, or null for none. */
    public Builder refreshToken(@Nullable String refreshToken) {
      this.refreshToken = refreshToken;
      return this;
    }

    /** Sets the granted scope, or null if unknown. */
    public Builder scope(@Nullable String scope) {
      this.scope = scope;
      return this;
    }

    /** Replaces the non-standard response fields. */
    public Builder extras(Map<String, ?> extras) {
      Objects.requireNonNull(extras, "extras == null");
      this.extras = new LinkedHashMap<>(extras);
      return this;
    }

    /**
     * Returns the token.
     *
     * @throws IllegalStateException if the value or the issue time is missing.
     * @throws IllegalArgumentException if the token would expire before it was issued, or if the
     *     value or type has a character other than visible ASCII ({@code !} to {@code ~}), which
     *     cannot go into an {@code Authorization} header.
     */
    public AccessToken build() {
      if (value == null || value.isEmpty()) throw new IllegalStateException("value required.");
      // A token that cannot go into an Authorization header is useless, and would make OkHttp
      // throw an unchecked exception on every call that carries it.
      if (!isHeaderSafe(value)) {
        throw new IllegalArgumentException("value has characters not allowed in an HTTP header");
      }
      if (!isHeaderSafe(tokenType)) {
        throw new IllegalArgumentException(
            "tokenType has characters not allowed in an HTTP header");
      }
      if (issuedAtMillis < 0L) throw new IllegalStateException("issuedAtMillis required.");
      if (expiresAtMillis < issuedAtMillis) {
        throw new IllegalArgumentException("expiresAtMillis < issuedAtMillis");
      }
      return new AccessToken(this);
    }
  }

  /** Returns true if {@code text} is non-empty and only visible ASCII, as a header token needs. */
  static boolean isHeaderSafe(String text) {
    if (text.isEmpty()) return false;
    for (int i = 0, length = text.length(); i < length; i++) {
      char c = text.charAt(i);
      if (c <= ' ' || c >= 0x7f) return false;
    }
    return true;
  }
}
