/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.redis;

import static dev.oauthkit.redis.Tokens.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lettuce.core.RedisException;
import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.output.ValueOutput;
import io.lettuce.core.protocol.AsyncCommand;
import io.lettuce.core.protocol.Command;
import io.lettuce.core.protocol.CommandType;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Failures of Lettuce that are not an exceptional completion: still an IOException. */
final class RedisConnectionTest {
  /** Lettuce cancels the commands of a connection that closes or resets while they run. */
  @Test
  void cancelledCommandIsAnIOException() {
    RedisTokenStore store = storeAnswering(Mode.CANCELLED);
    assertThatThrownBy(() -> store.get("k"))
        .isInstanceOf(IOException.class)
        .hasMessage("redis command was cancelled");
    assertThatThrownBy(() -> store.put("k", token("at-canary", "rt-canary")))
        .isInstanceOf(IOException.class);
    assertThatThrownBy(() -> store.tryLease("k")).isInstanceOf(IOException.class);
    assertThatThrownBy(() -> store.remove("k")).isInstanceOf(IOException.class);
  }

  /** A command that Lettuce refuses by throwing (not through its future) is an IOException too. */
  @Test
  void commandThatThrowsIsAnIOException() {
    RedisTokenStore store = storeAnswering(Mode.THROWS);
    assertThatThrownBy(() -> store.get("k"))
        .isInstanceOf(IOException.class)
        .hasMessage("redis command failed")
        .hasCauseInstanceOf(RedisException.class);
    assertThatThrownBy(() -> store.tryLease("k")).isInstanceOf(IOException.class);
    assertThatThrownBy(() -> store.remove("k")).isInstanceOf(IOException.class);
  }

  /**
   * Callers that queued behind a connect that timed out fail fast instead of each connecting in
   * turn, which made the last of n callers wait n times the timeout.
   */
  @Test
  void callersQueuedBehindAHungConnectDoNotEachWaitTheTimeout() throws Exception {
    List<Socket> accepted = new CopyOnWriteArrayList<>();
    try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      Thread acceptor =
          new Thread(
              () -> {
                try {
                  while (true) accepted.add(silent.accept()); // and never answers
                } catch (IOException closed) {
                  // the test is over
                }
              });
      acceptor.setDaemon(true);
      acceptor.start();
      int callers = 6;
      try (RedisTokenStore store =
          RedisTokenStore.builder("redis://127.0.0.1:" + silent.getLocalPort())
              .timeout(300, TimeUnit.MILLISECONDS)
              .build()) {
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
          CountDownLatch start = new CountDownLatch(1);
          List<Future<Throwable>> results = new ArrayList<>();
          for (int i = 0; i < callers; i++) {
            results.add(
                pool.submit(
                    () -> {
                      start.await();
                      try {
                        store.get("k");
                        return null;
                      } catch (Throwable e) {
                        return e;
                      }
                    }));
          }
          start.countDown();
          for (Future<Throwable> result : results) {
            assertThat(result.get(30, TimeUnit.SECONDS)).isInstanceOf(IOException.class);
          }
        } finally {
          pool.shutdownNow();
        }
      } finally {
        for (Socket socket : accepted) socket.close();
      }
      // One connect for all of them (two if a caller came after the second of failing fast).
      assertThat(accepted.size()).isLessThanOrEqualTo(2);
    }
  }

  private enum Mode {
    CANCELLED,
    THROWS
  }

  @SuppressWarnings("unchecked")
  private static RedisTokenStore storeAnswering(Mode mode) {
    StatefulConnection<String, String> connection =
        (StatefulConnection<String, String>)
            Proxy.newProxyInstance(
                RedisConnectionTest.class.getClassLoader(),
                new Class<?>[] {StatefulConnection.class},
                (proxy, method, args) -> {
                  if (method.getName().equals("isOpen")) return true;
                  throw new UnsupportedOperationException(method.getName());
                });
    RedisClusterAsyncCommands<String, String> commands =
        (RedisClusterAsyncCommands<String, String>)
            Proxy.newProxyInstance(
                RedisConnectionTest.class.getClassLoader(),
                new Class<?>[] {RedisClusterAsyncCommands.class},
                (proxy, method, args) -> {
                  if (mode == Mode.THROWS) throw new RedisException("refused");
                  AsyncCommand<String, String, String> command =
                      new AsyncCommand<>(
                          new Command<>(CommandType.EVALSHA, new ValueOutput<>(StringCodec.UTF8)));
                  command.cancel();
                  return command;
                });
    return new RedisTokenStore.Builder(null, null, new UserConnection(connection, commands))
        .timeout(5, TimeUnit.SECONDS)
        .build();
  }
}
