/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.core;

import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/** A {@link TokenStore} backed by a {@link ConcurrentHashMap}. */
final class InMemoryTokenStore implements TokenStore {
  private final ConcurrentHashMap<String, AccessToken> tokens = new ConcurrentHashMap<>();

  @Override
  public @Nullable AccessToken get(String key) {
    return tokens.get(key);
  }

  @Override
  public void put(String key, AccessToken token) {
    tokens.put(key, token);
  }

  @Override
  public void remove(String key) {
    tokens.remove(key);
  }

  @Override
  public boolean compareAndSet(String key, @Nullable AccessToken expected, AccessToken update) {
    while (true) {
      AccessToken stored = tokens.get(key);
      if (!TokenStore.sameEntry(stored, expected)) return false;
      boolean replaced =
          stored == null
              ? tokens.putIfAbsent(key, update) == null
              : tokens.replace(key, stored, update);
      if (replaced) return true;
    }
  }

  @Override
  public boolean compareAndRemove(String key, AccessToken expected) {
    while (true) {
      AccessToken stored = tokens.get(key);
      if (!TokenStore.sameEntry(stored, expected)) return false;
      if (stored != null && tokens.remove(key, stored)) return true;
    }
  }

  @Override
  public String toString() {
    return "TokenStore.inMemory()";
  }
}
