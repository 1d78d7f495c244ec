/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.redis;

import static dev.oauthkit.redis.Tokens.token;
import static org.assertj.core.api.Assertions.assertThat;

import dev.oauthkit.core.AccessToken;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The shared-store contract of {@link dev.oauthkit.core.TokenStore}, with two stores on one Redis
 * standing for two processes.
 */
@Timeout(60)
final class CompareAndSetTest {
  @RegisterExtension static final RedisServerExtension redis = new RedisServerExtension();

  private RedisTokenStore first;
  private RedisTokenStore second;

  @BeforeEach
  void setUp() {
    redis.flushAll();
    first = RedisTokenStore.create(redis.uri());
    second = RedisTokenStore.create(redis.uri());
  }

  @AfterEach
  void tearDown() {
    first.close();
    second.close();
  }

  @Test
  void expectedNullStoresOnlyWhenThereIsNoEntry() throws Exception {
    assertThat(first.compareAndSet("k", null, token("a", "r"))).isTrue();
    assertThat(second.compareAndSet("k", null, token("b", "r"))).isFalse();
    assertThat(second.get("k").value()).isEqualTo("a");
  }

  @Test
  void expectedPresentReplacesOnlyThatEntry() throws Exception {
    first.put("k", token("a", "r1"));
    assertThat(first.compareAndSet("k", token("a", "r1"), token("b", "r2"))).isTrue();
    assertThat(second.get("k").value()).isEqualTo("b");
    // Same access token, other refresh token: not the same entry.
    assertThat(second.compareAndSet("k", token("b", "other"), token("c", "r3"))).isFalse();
    assertThat(second.compareAndSet("k", null, token("c", "r3"))).isFalse();
    assertThat(first.get("k").value()).isEqualTo("b");
  }

  @Test
  void expectedPresentButEntryGoneIsFalse() throws Exception {
    assertThat(first.compareAndSet("k", token("a", "r"), token("b", "r"))).isFalse();
    assertThat(first.get("k")).isNull();
  }

  @Test
  void renewalThatLostTheRaceSparesTheSuccessor() throws Exception {
    AccessToken original = token("t1", "r1");
    first.put("k", original);
    // Both processes renew from t1; the second stores its successor first.
    assertThat(second.compareAndSet("k", original, token("t2", "r2"))).isTrue();
    assertThat(first.compareAndSet("k", original, token("t2-lost", "r2-lost"))).isFalse();
    AccessToken stored = first.get("k");
    assertThat(stored.value()).isEqualTo("t2");
    assertThat(stored.refreshToken()).isEqualTo("r2");
  }

  @Test
  void compareAndRemoveRemovesOnlyTheExpectedEntry() throws Exception {
    AccessToken refused = token("t1", "r1");
    first.put("k", refused);
    second.compareAndSet("k", refused, token("t2", "r2"));
    // The first process saw r1 refused: its removal spares the successor.
    assertThat(first.compareAndRemove("k", refused)).isFalse();
    assertThat(first.get("k").value()).isEqualTo("t2");
    assertThat(first.compareAndRemove("k", token("t2", "r2"))).isTrue();
    assertThat(second.get("k")).isNull();
    assertThat(second.compareAndRemove("k", token("t2", "r2"))).isFalse();
  }

  @Test
  void concurrentCompareAndSetHasExactlyOneWinner() throws Exception {
    AccessToken original = token("t0", "r0");
    first.put("k", original);
    int threads = 16;
    ExecutorService executor = Executors.newFixedThreadPool(threads);
    List<RedisTokenStore> stores = new ArrayList<>();
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<Boolean>> results = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        // Half the threads share a store, half have their own: processes and threads alike.
        RedisTokenStore store = i % 2 == 0 ? first : newStore(stores);
        String value = "t1-" + i;
        results.add(
            executor.submit(
                () -> {
                  go.await();
                  return store.compareAndSet("k", original, token(value, "r1-" + i2(value)));
                }));
      }
      go.countDown();
      int wins = 0;
      String winner = null;
      for (int i = 0; i < threads; i++) {
        if (results.get(i).get(30, TimeUnit.SECONDS)) {
          wins++;
          winner = "t1-" + i;
        }
      }
      assertThat(wins).isEqualTo(1);
      assertThat(second.get("k").value()).isEqualTo(winner);
    } finally {
      executor.shutdownNow();
      for (RedisTokenStore store : stores) store.close();
    }
  }

  private static String i2(String value) {
    return value.substring(3);
  }

  private static RedisTokenStore newStore(List<RedisTokenStore> stores) {
    RedisTokenStore store = RedisTokenStore.create(redis.uri());
    stores.add(store);
    return store;
  }
}
