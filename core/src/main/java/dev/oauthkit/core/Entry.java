/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.core;

import dev.oauthkit.core.internal.BearerToken;

/**
 * A token held by one {@link TokenManager}, with the times at which it turns stale and expired and
 * its header value. Entries are compared by identity: a token the server issued again with the same
 * value is a new entry.
 */
final class Entry {
  final AccessToken token;
  final long staleAtMillis;
  final long expiredAtMillis;
  final String authorization;

  /** The cache that issued this entry: a request carrying it is one of that manager's. */
  final TokenCache owner;

  /** The {@link Flight#sequence} of the flight that obtained the token; 0 if none did. */
  final long flightSequence;

  /**
   * True once an API answered a request carrying this token with something other than 401. A plain
   * field: a racing reader at worst records the acceptance twice.
   */
  boolean accepted;

  Entry(
      TokenCache owner,
      AccessToken token,
      long staleAtMillis,
      long expiredAtMillis,
      long flightSequence) {
    this.owner = owner;
    this.token = token;
    this.staleAtMillis = staleAtMillis;
    this.expiredAtMillis = expiredAtMillis;
    this.flightSequence = flightSequence;
    this.authorization = BearerToken.header(token.value());
  }

  boolean isUsable(long nowMillis) {
    return nowMillis < expiredAtMillis;
  }

  @Override
  public String toString() {
    return "Entry{" + token + "}";
  }
}
