/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oauthkit.core.AccessToken;
import dev.oauthkit.core.Grant;
import dev.oauthkit.core.TokenEndpoint;
import dev.oauthkit.core.TokenManager;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.spec.SecretKeySpec;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Real token managers, one per "process" (each with its own store and clock), storing through
 * {@link RedisTokenStore} against a MockWebServer token endpoint that rotates refresh tokens.
 */
@Timeout(60)
final class TokenManagerEndToEndTest {
  @RegisterExtension static final RedisServerExtension redis = new RedisServerExtension();

  private final MockWebServer server = new MockWebServer();
  private final AtomicInteger tokenRequests = new AtomicInteger();
  private final TokenEncryption encryption =
      TokenEncryption.aesGcm("k1", new SecretKeySpec(new byte[32], "AES"));

  @BeforeEach
  void setUp() throws Exception {
    redis.flushAll();
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            int n = tokenRequests.incrementAndGet();
            return new MockResponse()
                .setHeader("Content-Type", "application/json")
                .setBody(
                    "{\"access_token\":\"at-canary-"
                        + n
                        + "\",\"token_type\":\"Bearer\",\"expires_in\":3600,"
                        + "\"refresh_token\":\"rt-canary-"
                        + n
                        + "\",\"scope\":\"read\"}");
          }
        });
    server.start();
  }

  @AfterEach
  void tearDown() throws Exception {
    server.shutdown();
  }

  private TokenManager process(RedisTokenStore store, TestClock clock) {
    TokenEndpoint endpoint =
        new TokenEndpoint.Builder()
            .url(server.url("/oauth/token"))
            .clientId("client-id")
            .clientSecret("client-secret")
            .build();
    return new TokenManager.Builder(endpoint, Grant.clientCredentials())
        .addApiBaseUrl(server.url("/"))
        .clock(clock)
        .store(store)
        .storeKey("session")
        .maxAttempts(1)
        .build();
  }

  @Test
  void secondProcessAdoptsTheTokenTheFirstStored() throws Exception {
    TestClock firstClock = new TestClock();
    TestClock secondClock = new TestClock(7, TimeUnit.MINUTES); // Its clock runs 7 min ahead.
    try (RedisTokenStore firstStore =
            RedisTokenStore.builder(redis.uri()).encryption(encryption).clock(firstClock).build();
        RedisTokenStore secondStore =
            RedisTokenStore.builder(redis.uri())
                .encryption(encryption)
                .clock(secondClock)
                .build()) {
      TokenManager first = process(firstStore, firstClock);
      TokenManager second = process(secondStore, secondClock);

      AccessToken token = first.token();
      assertThat(token.value()).isEqualTo("at-canary-1");
      assertThat(tokenRequests.get()).isEqualTo(1);

      // Redis holds it, encrypted, for its lifetime.
      Map<String, String> raw = redis.rawConnection().sync().hgetall("oauthkit:{session}");
      assertThat(raw.toString()).doesNotContain("canary");
      assertThat(redis.rawConnection().sync().pttl("oauthkit:{session}"))
          .isBetween(3_000_000L, 3_600_000L);

      // The second process reads it from Redis: no token request, the same remaining lifetime.
      AccessToken adopted = second.token();
      assertThat(adopted.value()).isEqualTo("at-canary-1");
      assertThat(adopted.refreshToken()).isEqualTo("rt-canary-1");
      assertThat(adopted.expiresAtMillis() - secondClock.currentTimeMillis())
          .isBetween(3_000_000L, 3_600_000L);
      assertThat(tokenRequests.get()).isEqualTo(1);

      // The API refuses it on the second process: it renews and stores the successor...
      assertThat(second.refresh("at-canary-1").value()).isEqualTo("at-canary-2");
      assertThat(secondStore.get("session").value()).isEqualTo("at-canary-2");
      // ...which the first adopts when the API refuses the old one there too.
      assertThat(first.refresh("at-canary-1").value()).isEqualTo("at-canary-2");
      assertThat(tokenRequests.get()).isEqualTo(2);
    }
  }

  @Test
  void clearRemovesTheEntry() throws Exception {
    TestClock clock = new TestClock();
    try (RedisTokenStore store = RedisTokenStore.builder(redis.uri()).clock(clock).build()) {
      TokenManager manager = process(store, clock);
      manager.token();
      assertThat(redis.rawConnection().sync().exists("oauthkit:{session}")).isEqualTo(1L);
      manager.clear();
      assertThat(redis.rawConnection().sync().exists("oauthkit:{session}")).isZero();
    }
  }
}
