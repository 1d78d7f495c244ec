/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.core;

import java.io.IOException;
import javax.annotation.Nullable;

/**
 * Keeps tokens between requests, keyed by a string that the {@link TokenManager} derives from the
 * token endpoint, client, grant (and user) and scope, so a token is never served for other
 * credentials than it was issued for.
 *
 * <p>The default, {@link #inMemory()}, lives as long as the process. Implement this interface to
 * persist tokens (an Android app keeps its refresh token in encrypted storage across restarts) or
 * to share them between the instances of a backend. Implementations must be thread-safe. A store
 * that fails with an {@link IOException} does not fail the call: the manager reports it to {@link
 * TokenListener#storeFailed} and carries on with the token it holds in memory.
 *
 * <p>Keys are opaque strings of at most 80 characters of {@code [a-z0-9:]}; they contain no secret
 * and no user name.
 */
public interface TokenStore {
  /** Returns the token stored under {@code key}, or null if there is none. */
  @Nullable
  AccessToken get(String key) throws IOException;

  /** Stores {@code token} under {@code key}, replacing any token stored there. */
  void put(String key, AccessToken token) throws IOException;

  /** Removes the token stored under {@code key}, if any. */
  void remove(String key) throws IOException;

  /** Returns a new store that keeps tokens in memory. */
  static TokenStore inMemory() {
    return new InMemoryTokenStore();
  }
}
