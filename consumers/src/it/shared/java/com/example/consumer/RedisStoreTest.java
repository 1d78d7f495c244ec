/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.example.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.net.URL;
import org.junit.jupiter.api.Test;

/**
 * oauthkit-redis, in the consumer projects that use it ({@code expect.redis=true}): its class and
 * Lettuce's link and run with what this project resolved. The others do not have it, so this
 * reaches it by reflection.
 */
class RedisStoreTest {
  @Test
  void redisStoreLinksWithTheResolvedLettuce() throws Exception {
    assumeTrue(Boolean.getBoolean("expect.redis"), "this consumer does not use oauthkit-redis");
    Object description =
        Class.forName("com.example.consumer.RedisStore").getMethod("describe").invoke(null);
    assertThat(description).isEqualTo("RedisTokenStore{prefix=oauthkit:, encrypted=true}");

    Class<?> client = Class.forName("io.lettuce.core.RedisClient");
    URL location = client.getProtectionDomain().getCodeSource().getLocation();
    assertThat(new File(location.getPath()).getName())
        .isEqualTo("lettuce-core-" + System.getProperty("expect.lettuce") + ".jar");
  }
}
