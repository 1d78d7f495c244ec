/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.redis;

import static dev.oauthkit.redis.Tokens.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A Redis that stops and comes back. Bounds here are generous (10 s for something that takes
 * milliseconds): they catch a hang, not a slow machine.
 */
@Timeout(120)
final class FailureTest {
  @RegisterExtension static final RedisServerExtension redis = new RedisServerExtension();

  @AfterEach
  void startAgain() throws IOException {
    redis.start();
  }

  @Test
  void stoppedRedisFailsFastAndTheStoreWorksAgainAfterARestart() throws Exception {
    try (RedisTokenStore store = RedisTokenStore.create(redis.uri())) {
      store.put("k", token("at-canary", "rt-canary"));
      redis.stop();

      for (int i = 0; i < 3; i++) {
        long start = System.nanoTime();
        assertThatThrownBy(() -> store.get("k"))
            .isInstanceOf(IOException.class)
            .hasMessageNotContaining("canary");
        assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start)).isLessThan(10);
      }
      assertThatThrownBy(() -> store.put("k", token("at-canary", "rt-canary")))
          .isInstanceOf(IOException.class)
          .hasMessageNotContaining("canary");
      assertThatThrownBy(() -> store.tryLease("k")).isInstanceOf(IOException.class);

      redis.start(); // Empty: no persistence.
      awaitWorking(store);
      assertThat(store.get("k")).isNull();
      store.put("k", token("t2", "r2"));
      assertThat(store.get("k").value()).isEqualTo("t2");
    }
  }

  @Test
  void storeBuiltWhileRedisIsDownConnectsOnceItIsUp() throws Exception {
    redis.stop();
    try (RedisTokenStore store = RedisTokenStore.create(redis.uri())) {
      long start = System.nanoTime();
      assertThatThrownBy(() -> store.get("k"))
          .isInstanceOf(IOException.class)
          .hasMessage("redis is not connected");
      assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start)).isLessThan(10);
      redis.start();
      awaitWorking(store);
      store.put("k", token("t", "r"));
      assertThat(store.get("k").value()).isEqualTo("t");
    }
  }

  @Test
  void passwordInTheUriNeverShowsInAFailure() throws Exception {
    redis.stop();
    try (RedisTokenStore store =
        RedisTokenStore.create("redis://user:hunter2-canary@127.0.0.1:" + redis.port())) {
      Throwable failure = null;
      try {
        store.get("k");
      } catch (IOException e) {
        failure = e;
      }
      assertThat(failure).isNotNull();
      for (Throwable t = failure; t != null; t = t.getCause()) {
        assertThat(String.valueOf(t.getMessage())).doesNotContain("hunter2");
        assertThat(t.toString()).doesNotContain("hunter2");
      }
      assertThat(store.toString()).doesNotContain("hunter2");
    }
  }

  @Test
  void wrongPasswordIsAnIOExceptionThatDoesNotShowIt() throws Exception {
    redis.rawConnection().sync().configSet("requirepass", "right-password");
    try (RedisTokenStore store =
        RedisTokenStore.create("redis://:hunter2-canary@127.0.0.1:" + redis.port())) {
      Throwable failure = null;
      try {
        store.get("k");
      } catch (IOException e) {
        failure = e;
      }
      assertThat(failure).isNotNull();
      for (Throwable t = failure; t != null; t = t.getCause()) {
        assertThat(String.valueOf(t.getMessage())).doesNotContain("hunter2");
      }
    } finally {
      redis.rawConnection().sync().configSet("requirepass", "");
    }
  }

  @Test
  void hungRedisTimesOutAndThenFailsFastForASecond() throws Exception {
    try (RedisTokenStore store = RedisTokenStore.create(redis.uri())) {
      store.put("k", token("at-canary", "rt-canary"));
      // The server sleeps 6 s (a hang); the default timeout is 1 s.
      io.lettuce.core.RedisFuture<String> sleep =
          redis
              .rawConnection()
              .async()
              .dispatch(
                  io.lettuce.core.protocol.CommandType.DEBUG,
                  new io.lettuce.core.output.StatusOutput<>(io.lettuce.core.codec.StringCodec.UTF8),
                  new io.lettuce.core.protocol.CommandArgs<>(io.lettuce.core.codec.StringCodec.UTF8)
                      .add("SLEEP")
                      .add(6));
      // Until DEBUG SLEEP reaches the server, reads still succeed; then one times out.
      IOException timedOut = null;
      long start = System.nanoTime();
      while (timedOut == null) {
        start = System.nanoTime();
        try {
          store.get("k");
        } catch (IOException e) {
          timedOut = e;
        }
      }
      long failedAt = System.nanoTime();
      assertThat(timedOut).hasMessage("redis command timed out after 1000 ms");
      assertThat(TimeUnit.NANOSECONDS.toMillis(failedAt - start)).isLessThan(5_000);
      // Right after: no Redis call at all (unless this thread was held up for that second).
      IOException again = null;
      try {
        store.get("k");
      } catch (IOException e) {
        again = e;
      }
      assertThat(again).isNotNull();
      if (TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - failedAt) < 900) {
        assertThat(again).hasMessage("redis failed less than 1 s ago; failing fast");
      }
      sleep.get(30, TimeUnit.SECONDS);
      awaitWorking(store);
      assertThat(store.get("k").value()).isEqualTo("at-canary");
    }
  }

  /** Retries a read until the store reconnected, for at most 30 s (it takes well under 2 s). */
  private static void awaitWorking(RedisTokenStore store) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (true) {
      try {
        store.get("probe");
        return;
      } catch (IOException e) {
        if (System.nanoTime() > deadline) throw new AssertionError("store did not reconnect", e);
        Thread.sleep(50);
      }
    }
  }
}
