/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * A {@link dev.oauthkit.core.TokenStore} on Redis, through Lettuce, that the instances of a backend
 * share: {@link dev.oauthkit.redis.RedisTokenStore}.
 *
 * <pre>{@code
 * RedisTokenStore store = RedisTokenStore.builder("redis://redis.internal:6379")
 *     .encryption(TokenEncryption.aesGcm("k1", key))
 *     .build();
 * Amadeus amadeus = Amadeus.builder()
 *     .clientId(clientId)
 *     .clientSecret(clientSecret)
 *     .tokenStore(store)
 *     .build();
 * }</pre>
 *
 * <p>All parameters and return values are non-null unless annotated {@code @Nullable}.
 */
@NullMarked
package dev.oauthkit.redis;

import org.jspecify.annotations.NullMarked;
