/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.sandbox.internal;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * Issues, checks and revokes a sandbox's access tokens. Thread-safe. Not API: the samples' seed-003
 * sandbox shares it with the provider sandboxes.
 */
public final class IssuedTokens {
  /** What a resource server finds in an {@code Authorization} header. */
  public enum Check {
    /** No header, or not {@code Bearer <token>}. */
    MISSING,
    /** A token this sandbox never issued. */
    UNKNOWN,
    /** A token that was revoked. */
    REVOKED,
    /** A token past its lifetime. */
    EXPIRED,
    /** A live token. */
    VALID
  }

  /** Live and expired tokens: when each expires. */
  private final Map<String, Long> expiresAtMillis = new ConcurrentHashMap<>();

  private final Map<String, Boolean> revoked = new ConcurrentHashMap<>();
  private final AtomicInteger issued = new AtomicInteger();
  private volatile SandboxClock clock = SandboxClock.SYSTEM;

  /** Sets the clock that token lifetimes are measured by. */
  public void clock(SandboxClock clock) {
    this.clock = clock;
  }

  /** Returns the current time of this sandbox's clock. */
  public long nowMillis() {
    return clock.currentTimeMillis();
  }

  /** Returns a new access token that lives {@code lifetimeMillis} from now. */
  public String issueAccessToken(long lifetimeMillis) {
    issued.incrementAndGet();
    String token = UUID.randomUUID().toString();
    expiresAtMillis.put(token, nowMillis() + lifetimeMillis);
    return token;
  }

  /** Returns true if {@code authorization} is {@code Bearer <a live token>}. */
  public boolean isValid(@Nullable String authorization) {
    return check(authorization) == Check.VALID;
  }

  /** Checks the {@code Authorization} header of a resource request. */
  public Check check(@Nullable String authorization) {
    if (authorization == null || !authorization.startsWith("Bearer ")) return Check.MISSING;
    String token = authorization.substring("Bearer ".length());
    if (revoked.containsKey(token)) return Check.REVOKED;
    Long expiresAt = expiresAtMillis.get(token);
    if (expiresAt == null) return Check.UNKNOWN;
    return nowMillis() < expiresAt ? Check.VALID : Check.EXPIRED;
  }

  /** Revokes an access token; later requests that carry it are refused. */
  public void revokeAccessToken(String accessToken) {
    if (expiresAtMillis.remove(accessToken) != null) revoked.put(accessToken, Boolean.TRUE);
  }

  /** Revokes every access token issued so far. */
  public void revokeAll() {
    for (String token : expiresAtMillis.keySet()) revokeAccessToken(token);
  }

  /** Returns how many access tokens were issued. */
  public int issuedCount() {
    return issued.get();
  }
}
