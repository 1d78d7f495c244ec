/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.redis;

import static dev.oauthkit.redis.Tokens.token;
import static org.assertj.core.api.Assertions.assertThat;

import dev.oauthkit.core.TokenStore.Lease;
import io.lettuce.core.RedisURI;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import redis.embedded.RedisShardedCluster;

/**
 * A Redis Cluster of three masters, through the user's cluster connection: every script touches the
 * keys of one store key, whose hash tag puts them in one slot, on whichever node owns it.
 */
@Timeout(120)
final class ClusterTest {
  private static RedisShardedCluster cluster;
  private static RedisClusterClient client;
  private static StatefulRedisClusterConnection<String, String> connection;

  @BeforeAll
  static void startCluster() throws IOException {
    List<Integer> ports = new ArrayList<>();
    for (int i = 0; i < 3; i++) ports.add(freePort());
    cluster =
        RedisServerExtension.startProcess(
            () -> {
              RedisShardedCluster started =
                  RedisShardedCluster.newRedisCluster()
                      .serverPorts(ports) // Before shard(…), which takes its ports from here.
                      .shard("a", 0)
                      .shard("b", 0)
                      .shard("c", 0)
                      .initializationTimeout(Duration.ofSeconds(30))
                      .build();
              started.start();
              return started;
            });
    client = RedisClusterClient.create(RedisURI.create("127.0.0.1", ports.get(0)));
    connection = client.connect();
  }

  @AfterAll
  static void stopCluster() throws IOException {
    if (connection != null) connection.close();
    if (client != null) client.shutdown();
    if (cluster != null) cluster.stop();
  }

  @Test
  void storesComparesAndLeasesOnEveryNode() throws Exception {
    try (RedisTokenStore first = RedisTokenStore.builder(connection).build();
        RedisTokenStore second = RedisTokenStore.builder(connection).build()) {
      // Enough keys to land on all three masters.
      for (int i = 0; i < 12; i++) {
        String key = "client:" + i;
        first.put(key, token("t1-" + i, "r1-" + i));
        assertThat(second.get(key).value()).isEqualTo("t1-" + i);
        assertThat(second.compareAndSet(key, token("t1-" + i, "r1-" + i), token("t2", "r2")))
            .isTrue();
        assertThat(first.compareAndSet(key, token("t1-" + i, "r1-" + i), token("t3", "r3")))
            .isFalse();
        Lease lease = first.lease(key);
        assertThat(lease).isNotNull();
        assertThat(second.tryLease(key)).isNull();
        lease.release();
        assertThat(first.compareAndRemove(key, token("t2", "r2"))).isTrue();
        assertThat(second.get(key)).isNull();
      }
    }
    assertThat(connection.isOpen()).isTrue(); // The user's: left open.
  }

  /**
   * Returns a free port whose cluster bus port (port + 10000) is free too and below 65536: the
   * kernel's ephemeral ports reach 60999, so they are not used here.
   */
  private static int freePort() throws IOException {
    java.util.Random random = new java.util.Random();
    for (int attempt = 0; attempt < 100; attempt++) {
      int port = 20_000 + random.nextInt(20_000);
      if (isFree(port) && isFree(port + 10_000)) return port;
    }
    throw new IOException("no free port pair");
  }

  private static boolean isFree(int port) {
    try (ServerSocket socket =
        new ServerSocket(port, 1, java.net.InetAddress.getLoopbackAddress())) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
