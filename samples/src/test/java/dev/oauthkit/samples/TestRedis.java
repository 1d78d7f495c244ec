/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.samples;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import redis.embedded.RedisServer;

/**
 * A real redis-server (the binary inside embedded-redis) on a free loopback port, for the tests of
 * {@code REDIS_URL}. A copy, kept small, of the redis module's test fixture, whose test classes
 * this module cannot depend on.
 */
final class TestRedis implements AutoCloseable {
  private final int port = freePort();
  private final RedisServer server;
  private @Nullable RedisClient client;
  private @Nullable StatefulRedisConnection<String, String> connection;

  TestRedis() throws IOException {
    server =
        RedisServer.newRedisServer()
            .port(port)
            .bind("127.0.0.1")
            .setting("save \"\"")
            .setting("appendonly no")
            .build();
    server.start();
  }

  /** Returns {@code redis://127.0.0.1:<port>}. */
  String url() {
    return "redis://127.0.0.1:" + port;
  }

  /** Returns the names of the keys that match {@code pattern}, such as {@code oauthkit:*}. */
  synchronized List<String> keys(String pattern) {
    if (connection == null) {
      client = RedisClient.create(url());
      connection = client.connect();
    }
    return connection.sync().keys(pattern);
  }

  @Override
  public synchronized void close() throws IOException {
    if (connection != null) connection.close();
    if (client != null) client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    server.stop();
  }

  /** Returns a loopback port that nothing listens on now. */
  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }
}
