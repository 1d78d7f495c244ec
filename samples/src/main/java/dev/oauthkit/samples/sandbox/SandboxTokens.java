/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.samples.sandbox;

import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/** Issues, checks and revokes the sandbox's access and refresh tokens. */
public final class SandboxTokens {
  private final ConcurrentHashMap<String, Long> accessTokens = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, String> refreshTokens = new ConcurrentHashMap<>();
  private final AtomicInteger issued = new AtomicInteger();
  private final long lifetimeMillis;

  public SandboxTokens(long lifetime, TimeUnit unit) {
    this.lifetimeMillis = unit.toMillis(lifetime);
  }

  /** Returns the lifetime of the access tokens, in seconds. */
  public long lifetimeSeconds() {
    return TimeUnit.MILLISECONDS.toSeconds(lifetimeMillis);
  }

  /** Returns a new access token. */
  public String issueAccessToken() {
    issued.incrementAndGet();
    String token = UUID.randomUUID().toString();
    accessTokens.put(token, System.currentTimeMillis() + lifetimeMillis);
    return token;
  }

  /** Returns a new refresh token for {@code user}. */
  public String issueRefreshToken(String user) {
    String token = "rt-" + UUID.randomUUID();
    refreshTokens.put(token, user);
    return token;
  }

  /** Consumes {@code refreshToken}: returns its user, or null if it is unknown or was used. */
  @Nullable
  public String redeemRefreshToken(String refreshToken) {
    return refreshTokens.remove(refreshToken);
  }

  /** Returns true if {@code authorization} is {@code Bearer <a live token>}. */
  public boolean isValid(@Nullable String authorization) {
    return check(authorization) == Check.VALID;
  }

  /** What a resource server finds in an {@code Authorization} header. */
  public enum Check {
    /** No header, or not {@code Bearer <token>}. */
    MISSING,
    /** A token this sandbox never issued, or revoked. */
    UNKNOWN,
    /** A token past its lifetime. */
    EXPIRED,
    /** A live token. */
    VALID
  }

  /** Checks the {@code Authorization} header of a resource request. */
  public Check check(@Nullable String authorization) {
    if (authorization == null || !authorization.startsWith("Bearer ")) return Check.MISSING;
    Long expiresAt = accessTokens.get(authorization.substring(7));
    if (expiresAt == null) return Check.UNKNOWN;
    return System.currentTimeMillis() < expiresAt ? Check.VALID : Check.EXPIRED;
  }

  /** Revokes an access token; later requests that carry it are refused. */
  public void revokeAccessToken(String accessToken) {
    accessTokens.remove(accessToken);
  }

  /** Returns how many access tokens were issued. */
  public int issuedCount() {
    return issued.get();
  }
}
