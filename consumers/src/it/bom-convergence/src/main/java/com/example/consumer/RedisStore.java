/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.example.consumer;

import dev.oauthkit.redis.RedisTokenStore;
import dev.oauthkit.redis.TokenEncryption;
import java.util.concurrent.TimeUnit;
import javax.crypto.spec.SecretKeySpec;

/**
 * How an app of this project wires oauthkit-redis: compiled here only, where oauthkit-redis is a
 * dependency, and loaded by the shared RedisStoreTest.
 */
public final class RedisStore {
  private RedisStore() {}

  /** Builds a store (it connects on first use, so no Redis is needed) and returns its toString. */
  public static String describe() {
    TokenEncryption encryption =
        TokenEncryption.aesGcm("k1", new SecretKeySpec(new byte[32], "AES"));
    try (RedisTokenStore store =
        RedisTokenStore.builder("redis://127.0.0.1:1")
            .encryption(encryption)
            .timeout(2, TimeUnit.SECONDS)
            .build()) {
      return store.toString();
    }
  }
}
