/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.redis;

import static dev.oauthkit.redis.Tokens.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oauthkit.core.AccessToken;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

@Timeout(60)
final class RedisTokenStoreTest {
  @RegisterExtension static final RedisServerExtension redis = new RedisServerExtension();

  private final TestClock clock = new TestClock();
  private RedisTokenStore store;

  @BeforeEach
  void setUp() {
    redis.flushAll();
    store = RedisTokenStore.builder(redis.uri()).clock(clock).build();
  }

  @AfterEach
  void tearDown() {
    store.close();
  }

  private RedisCommands<String, String> raw() {
    return redis.rawConnection().sync();
  }

  @Test
  void roundTripsEveryField() throws Exception {
    Map<String, Object> extras = new LinkedHashMap<>();
    extras.put("tenant", "acme");
    extras.put("ids", java.util.Arrays.asList("a", "b"));
    long now = clock.currentTimeMillis();
    AccessToken token =
        new AccessToken.Builder()
            .value("at-canary")
            .tokenType("MAC")
            .refreshToken("rt-canary")
            .scope("read write")
            .extras(extras)
            .issuedAtMillis(now - 60_000)
            .expiresAtMillis(now + 3_540_000)
            .build();

    store.put("client:abc", token);
    AccessToken read = store.get("client:abc");

    assertThat(read).isNotNull();
    assertThat(read.value()).isEqualTo("at-canary");
    assertThat(read.tokenType()).isEqualTo("MAC");
    assertThat(read.refreshToken()).isEqualTo("rt-canary");
    assertThat(read.scope()).isEqualTo("read write");
    assertThat(read.extras()).isEqualTo(extras);
    // The expiry comes back as now + PTTL: within the time the test took.
    assertThat(read.expiresAtMillis()).isBetween(now + 3_480_000, now + 3_540_000 + 60_000);
    // The lifetime is kept: issued one hour before the expiry.
    assertThat(read.expiresAtMillis() - read.issuedAtMillis()).isEqualTo(3_600_000);
  }

  @Test
  void layoutIsAHashUnderTheHashTaggedKeyWithTheTokenLifetimeAsTtl() throws Exception {
    store.put("client:abc", token("at-canary", "rt-canary", clock, 10, TimeUnit.MINUTES));

    Map<String, String> hash = raw().hgetall("oauthkit:{client:abc}");
    assertThat(hash).containsOnlyKeys("version", "data");
    assertThat(hash.get("version")).matches("[0-9a-f]{32}");
    assertThat(hash.get("data"))
        .contains("\"access_token\":\"at-canary\"")
        .contains("\"refresh_token\":\"rt-canary\"")
        .contains("\"lifetime_ms\":600000")
        .doesNotContain("expires");
    assertThat(raw().pttl("oauthkit:{client:abc}")).isBetween(540_000L, 600_000L);
  }

  @Test
  void everyWriteHasANewVersion() throws Exception {
    store.put("k", token("a", "r"));
    String first = raw().hget("oauthkit:{k}", "version");
    store.put("k", token("a", "r"));
    assertThat(raw().hget("oauthkit:{k}", "version")).isNotEqualTo(first).matches("[0-9a-f]{32}");
  }

  @Test
  void storesWithClocksFiveMinutesApartReadTheSameRemainingLifetime() throws Exception {
    TestClock ahead = new TestClock(5, TimeUnit.MINUTES);
    try (RedisTokenStore other = RedisTokenStore.builder(redis.uri()).clock(ahead).build()) {
      store.put("k", token("a", "r", clock, 30, TimeUnit.MINUTES));
      long pttl = raw().pttl("oauthkit:{k}");
      assertThat(pttl).isBetween(25 * 60_000L, 30 * 60_000L);

      AccessToken mine = store.get("k");
      AccessToken theirs = other.get("k");
      // Each reads "expires in ~30 minutes" on its own clock: no clock reading crossed over.
      long mineLeft = mine.expiresAtMillis() - clock.currentTimeMillis();
      long theirsLeft = theirs.expiresAtMillis() - ahead.currentTimeMillis();
      assertThat(mineLeft).isBetween(25 * 60_000L, 30 * 60_000L);
      assertThat(theirsLeft).isBetween(25 * 60_000L, 30 * 60_000L);
      assertThat(theirs.expiresAtMillis() - mine.expiresAtMillis())
          .isBetween(5 * 60_000L - 60_000L, 5 * 60_000L + 60_000L);
    }
  }

  @Test
  void tokenWithoutExpiryHasNoTtl() throws Exception {
    AccessToken forever =
        new AccessToken.Builder().value("a").issuedAtMillis(clock.currentTimeMillis()).build();
    store.put("k", forever);
    assertThat(raw().pttl("oauthkit:{k}")).isEqualTo(-1L);
    AccessToken read = store.get("k");
    assertThat(read.hasExpiry()).isFalse();
    assertThat(read.refreshToken()).isNull();
    assertThat(raw().hget("oauthkit:{k}", "data")).doesNotContain("lifetime_ms");
  }

  @Test
  void expiredTokenGetsTheShortestTtl() throws Exception {
    long now = clock.currentTimeMillis();
    AccessToken expired =
        new AccessToken.Builder()
            .value("a")
            .issuedAtMillis(now - 7_200_000)
            .expiresAtMillis(now - 3_600_000)
            .build();
    store.put("k", expired);
    // PEXPIRE 1: gone at once (or a millisecond later); it is never stored without a TTL.
    assertThat(raw().pttl("oauthkit:{k}")).isLessThanOrEqualTo(1L);
  }

  @Test
  void expiryTooFarForRedisIsKeptAsAFarExpiry() throws Exception {
    // now + TTL would overflow in Redis: 6.2 then deletes the key at once, 7 fails the script
    // after it wrote the entry without a TTL.
    long now = clock.currentTimeMillis();
    AccessToken far =
        new AccessToken.Builder()
            .value("a")
            .refreshToken("r")
            .issuedAtMillis(now)
            .expiresAtMillis(Long.MAX_VALUE - 1)
            .build();
    store.put("k", far);
    assertThat(raw().pttl("oauthkit:{k}")).isGreaterThan(TimeUnit.DAYS.toMillis(365 * 1000L));
    AccessToken read = store.get("k");
    assertThat(read).isNotNull();
    assertThat(read.hasExpiry()).isTrue();
    assertThat(read.expiresAtMillis()).isGreaterThan(now + TimeUnit.DAYS.toMillis(365 * 1000L));
    assertThat(store.compareAndSet("k", read, far)).isTrue();
    assertThat(store.get("k")).isNotNull();
  }

  @Test
  void removeDeletesTheEntry() throws Exception {
    store.put("k", token("a", "r"));
    store.remove("k");
    assertThat(store.get("k")).isNull();
    assertThat(raw().exists("oauthkit:{k}")).isZero();
    store.remove("k"); // Nothing there: no error.
  }

  @Test
  void keyPrefixIsConfigurable() throws Exception {
    try (RedisTokenStore prefixed =
        RedisTokenStore.builder(redis.uri()).keyPrefix("app1:tokens:").build()) {
      prefixed.put("k", token("a", "r"));
      assertThat(raw().exists("app1:tokens:{k}")).isEqualTo(1L);
      assertThat(store.get("k")).isNull(); // Another prefix, another namespace.
      assertThat(prefixed.toString())
          .isEqualTo("RedisTokenStore{prefix=app1:tokens:, encrypted=false}");
    }
  }

  @Test
  void runsItsScriptsAgainAfterScriptFlush() throws Exception {
    store.put("k", token("a", "r"));
    raw().scriptFlush(); // The next EVALSHA answers NOSCRIPT: the store sends the script.
    assertThat(store.get("k").value()).isEqualTo("a");
    assertThat(store.compareAndSet("k", token("a", "r"), token("b", "r2"))).isTrue();
    assertThat(store.get("k").value()).isEqualTo("b");
  }

  @Test
  void usesTheUsersConnectionAndLeavesItOpen() throws Exception {
    RedisClient client = RedisClient.create(redis.uri());
    try {
      StatefulRedisConnection<String, String> connection = client.connect();
      RedisTokenStore users = RedisTokenStore.builder(connection).build();
      users.put("k", token("a", "r"));
      assertThat(store.get("k").value()).isEqualTo("a");
      users.close();
      assertThat(connection.isOpen()).isTrue();
      assertThat(connection.sync().exists("oauthkit:{k}")).isEqualTo(1L);
      assertThatThrownBy(() -> users.get("k")).hasMessage("redis store is closed");
      connection.close();
    } finally {
      client.shutdown();
    }
  }

  @Test
  void closedStoreFails() throws Exception {
    store.close();
    assertThatThrownBy(() -> store.get("k")).hasMessage("redis store is closed");
    store.close(); // Idempotent.
  }

  @Test
  void entryOfAnotherTypeIsAnIOExceptionWithoutItsValue() throws Exception {
    raw().set("oauthkit:{k}", "at-canary");
    assertThatThrownBy(() -> store.get("k"))
        .isInstanceOf(java.io.IOException.class)
        // Inside a script, Redis 6.2 reports WRONGTYPE as "ERR Error running script...".
        .hasMessageMatching("redis answered (ERR|WRONGTYPE)");
    raw().del("oauthkit:{k}");
    raw().hset("oauthkit:{k}", "version", "v1");
    raw().hset("oauthkit:{k}", "data", "{not json at-canary");
    assertThatThrownBy(() -> store.get("k"))
        .isInstanceOf(java.io.IOException.class)
        .hasMessage("stored token is not valid JSON");
  }

  @Test
  void toStringShowsNoUriAndNoPassword() {
    try (RedisTokenStore secret =
        RedisTokenStore.builder("redis://:hunter2-canary@127.0.0.1:" + redis.port()).build()) {
      assertThat(secret.toString()).isEqualTo("RedisTokenStore{prefix=oauthkit:, encrypted=false}");
    }
    assertThat(store.toString()).isEqualTo("RedisTokenStore{prefix=oauthkit:, encrypted=false}");
  }

  @Test
  void builderRejectsBadArguments() {
    assertThatThrownBy(() -> RedisTokenStore.builder("http://:hunter2-canary@host"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining("hunter2");
    RedisTokenStore.Builder builder = RedisTokenStore.builder(redis.uri());
    assertThatThrownBy(() -> builder.keyPrefix("")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> builder.keyPrefix("a{b}"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> builder.timeout(0, TimeUnit.SECONDS))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> builder.leaseTime(0, TimeUnit.SECONDS))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> store.get("a{b}")).isInstanceOf(IllegalArgumentException.class);
  }
}
