/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.redis;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import redis.embedded.RedisServer;

/**
 * A real redis-server (the 6.2 binary inside embedded-redis, extracted and made executable by that
 * library), started once per test class on a free loopback port, with controls for failure tests.
 *
 * <pre>{@code
 * @RegisterExtension static final RedisServerExtension redis = new RedisServerExtension();
 *
 * RedisTokenStore store = RedisTokenStore.create(redis.uri());
 * redis.stop();     // the server is gone: stores fail fast
 * redis.restart();  // a new, empty server on the same port
 * redis.rawConnection().sync().hgetall("oauthkit:{key}");
 * }</pre>
 *
 * <p>No persistence: a restarted server is empty.
 */
public final class RedisServerExtension implements BeforeAllCallback, AfterAllCallback {
  private final int port = freePort();
  private @Nullable RedisServer server;
  private @Nullable RedisClient rawClient;
  private @Nullable StatefulRedisConnection<String, String> raw;

  @Override
  public void beforeAll(ExtensionContext context) throws IOException {
    start();
  }

  @Override
  public void afterAll(ExtensionContext context) throws IOException {
    StatefulRedisConnection<String, String> connection = raw;
    if (connection != null) connection.close();
    RedisClient client = rawClient;
    if (client != null) client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    raw = null;
    rawClient = null;
    stop();
  }

  /** Starts the server on {@link #port()} unless it runs. */
  public synchronized void start() throws IOException {
    if (server != null) return;
    server =
        startProcess(
            () -> {
              RedisServer started =
                  RedisServer.newRedisServer()
                      .port(port)
                      .bind("127.0.0.1")
                      .setting("save \"\"")
                      .setting("appendonly no")
                      .build();
              started.start();
              return started;
            });
  }

  /** Starts something that forks a process, such as a redis-server or a JVM. */
  interface ProcessStart<T> {
    T start() throws IOException;
  }

  /**
   * Runs {@code start} under a lock shared by every test class of this module, retrying if Linux
   * answers "Text file busy". Test classes run in parallel, and embedded-redis writes its binary to
   * a new file before it runs it: a process forked by another thread at that moment inherits the
   * file open for writing, and running the binary fails until that process has execed.
   */
  static <T> T startProcess(ProcessStart<T> start) throws IOException {
    synchronized (FORK_LOCK) {
      for (int attempt = 1; ; attempt++) {
        try {
          return start.start();
        } catch (IOException e) {
          if (attempt == 5 || !isTextFileBusy(e)) throw e;
          try {
            Thread.sleep(100L * attempt);
          } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted starting a process");
          }
        }
      }
    }
  }

  private static final Object FORK_LOCK = new Object();

  private static boolean isTextFileBusy(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      String message = t.getMessage();
      if (message != null && message.contains("Text file busy")) return true;
    }
    return false;
  }

  /** Stops the server (its data is lost). */
  public synchronized void stop() throws IOException {
    RedisServer running = server;
    server = null;
    if (running != null) running.stop();
  }

  /** Stops the server and starts a new, empty one on the same port. */
  public synchronized void restart() throws IOException {
    stop();
    start();
  }

  /** Returns the server's port, the same across {@link #restart()}. */
  public int port() {
    return port;
  }

  /** Returns {@code redis://127.0.0.1:<port>}. */
  public String uri() {
    return "redis://127.0.0.1:" + port;
  }

  /**
   * Returns a plain connection to the server, for reading and writing raw values; it reconnects
   * after a restart. Closed by the extension.
   */
  public synchronized StatefulRedisConnection<String, String> rawConnection() {
    StatefulRedisConnection<String, String> connection = raw;
    if (connection == null) {
      RedisClient client = RedisClient.create(RedisURI.create(uri()));
      rawClient = client;
      connection = client.connect();
      raw = connection;
    }
    return connection;
  }

  /** Deletes every key. */
  public void flushAll() {
    rawConnection().sync().flushall();
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
