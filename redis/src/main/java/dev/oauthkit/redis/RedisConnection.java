/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.redis;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.ConnectionFuture;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SetArgs;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import io.lettuce.core.resource.Delay;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;

/**
 * The commands a {@link RedisTokenStore} sends, each bounded by the store's timeout whatever the
 * connection is configured with, and each failure an {@link IOException} whose message shows no
 * token, no stored value and no password.
 *
 * <p>Works on a standalone (or Sentinel-managed) connection and on a Redis Cluster connection
 * alike, through the async commands both share. After a command timed out, every command fails at
 * once for {@link #FAIL_FAST_NANOS}, so that callers do not pile up behind a hung server.
 */
final class RedisConnection {
  static final long FAIL_FAST_NANOS = TimeUnit.SECONDS.toNanos(1);

  private final long timeoutNanos;
  private final long timeoutMillis;

  /** The client this store created and owns; null for a connection the user passed. */
  private final @Nullable RedisClient client;

  private final @Nullable ClientResources resources;
  private final @Nullable RedisURI uri;

  /** The password in the URI, as written; null if none. Never shown. */
  private final @Nullable String password;

  private volatile @Nullable StatefulConnection<String, String> connection;
  private volatile @Nullable RedisClusterAsyncCommands<String, String> commands;

  /** {@link System#nanoTime()} until which commands fail fast; valid if {@link #failingFast}. */
  private volatile long failFastUntil;

  private volatile boolean failingFast;
  private volatile boolean closed;

  /** A connection this store opens, on first use, to {@code uri}, and closes. */
  RedisConnection(RedisURI uri, @Nullable String password, long timeoutNanos) {
    this.password = password;
    this.timeoutNanos = timeoutNanos;
    this.timeoutMillis = TimeUnit.NANOSECONDS.toMillis(timeoutNanos);
    this.uri = uri;
    // Reconnect after a lost connection: 10 ms, 20 ms, ... at most 1 s between attempts.
    this.resources =
        DefaultClientResources.builder()
            .reconnectDelay(
                Delay.exponential(
                    Duration.ofMillis(10), Duration.ofSeconds(1), 2, TimeUnit.MILLISECONDS))
            .build();
    RedisClient created = RedisClient.create(resources);
    created.setOptions(
        ClientOptions.builder()
            .autoReconnect(true)
            // While disconnected, a command fails at once instead of waiting in a queue.
            .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
            .socketOptions(
                SocketOptions.builder().connectTimeout(Duration.ofNanos(timeoutNanos)).build())
            // Lettuce drops commands that outlive our own bound, so none piles up.
            .timeoutOptions(TimeoutOptions.enabled(Duration.ofNanos(timeoutNanos)))
            .build());
    this.client = created;
  }

  /** The user's connection, standalone or Cluster: used, never closed. */
  RedisConnection(
      StatefulConnection<String, String> connection,
      RedisClusterAsyncCommands<String, String> commands,
      long timeoutNanos) {
    this.timeoutNanos = timeoutNanos;
    this.timeoutMillis = TimeUnit.NANOSECONDS.toMillis(timeoutNanos);
    this.client = null;
    this.password = null;
    this.resources = null;
    this.uri = null;
    this.connection = connection;
    this.commands = commands;
  }

  /** Runs {@code script}, whose reply is an integer (or nil). */
  @Nullable Long evalLong(Script script, String[] keys, String... args) throws IOException {
    Object reply = eval(script, ScriptOutputType.INTEGER, keys, args);
    if (reply == null || reply instanceof Long) return (Long) reply;
    throw new IOException("redis answered an unexpected reply");
  }

  /** Runs {@code script}, whose reply is a bulk string (or nil). */
  @Nullable String evalString(Script script, String[] keys, String... args) throws IOException {
    Object reply = eval(script, ScriptOutputType.VALUE, keys, args);
    if (reply == null || reply instanceof String) return (String) reply;
    throw new IOException("redis answered an unexpected reply");
  }

  /** Runs {@code script}, whose reply is an array (or nil). */
  @Nullable List<?> evalList(Script script, String[] keys, String... args) throws IOException {
    Object reply = eval(script, ScriptOutputType.MULTI, keys, args);
    if (reply == null || reply instanceof List) return (List<?>) reply;
    throw new IOException("redis answered an unexpected reply");
  }

  /** Runs {@code script} by its SHA-1 ({@code EVALSHA}), or by its text if Redis lacks it. */
  private @Nullable Object eval(Script script, ScriptOutputType type, String[] keys, String... args)
      throws IOException {
    try {
      return send(c -> c.<Object>evalsha(script.sha1(), type, keys, args));
    } catch (NoScriptException e) {
      return send(c -> c.<Object>eval(script.text(), type, keys, args));
    }
  }

  /** {@code SET key value NX PX millis}: returns true if it was set. */
  boolean setNxPx(String key, String value, long millis) throws IOException {
    return "OK".equals(send(c -> c.set(key, value, SetArgs.Builder.nx().px(millis))));
  }

  /** {@code DEL key}. */
  void del(String key) throws IOException {
    send(c -> c.del(key));
  }

  /** Sends one command and awaits its reply; Lettuce refusing it by throwing is an IOException. */
  private <T> @Nullable T send(Command<T> command) throws IOException {
    RedisClusterAsyncCommands<String, String> current = commands();
    RedisFuture<T> future;
    try {
      future = command.send(current);
    } catch (RuntimeException e) {
      throw withSafeCause("redis command failed", e);
    }
    return await(future);
  }

  /** One command of {@link RedisClusterAsyncCommands}. */
  private interface Command<T> {
    RedisFuture<T> send(RedisClusterAsyncCommands<String, String> commands);
  }

  /** Closes the connection and shuts the client down if this store created them. */
  void close() {
    if (closed) return;
    closed = true;
    RedisClient owned = client;
    if (owned == null) return;
    StatefulConnection<String, String> open = connection;
    if (open != null) open.close();
    owned.shutdown(0, 2, TimeUnit.SECONDS);
    ClientResources ownedResources = resources;
    if (ownedResources != null) {
      // Not awaited: the client, shut down above, no longer uses them.
      Future<?> unused = ownedResources.shutdown(0, 2, TimeUnit.SECONDS);
    }
  }

  private RedisClusterAsyncCommands<String, String> commands() throws IOException {
    checkUsable();
    StatefulConnection<String, String> current = connection;
    if (current == null) current = connect();
    if (!current.isOpen()) throw new IOException("redis is not connected");
    RedisClusterAsyncCommands<String, String> result = commands;
    if (result == null) throw new IOException("redis is not connected");
    return result;
  }

  /** Throws if this store is closed, or failing fast after a timeout. */
  private void checkUsable() throws IOException {
    if (closed) throw new IOException("redis store is closed");
    if (failingFast) {
      if (System.nanoTime() - failFastUntil < 0) {
        throw new IOException("redis failed less than 1 s ago; failing fast");
      }
      failingFast = false;
    }
  }

  /** Opens the owned connection, within the timeout. */
  private synchronized StatefulConnection<String, String> connect() throws IOException {
    StatefulConnection<String, String> current = connection;
    if (current != null) return current;
    // A caller that waited here for another's connect that failed fails fast too, instead of
    // waiting a timeout of its own: n callers would otherwise wait up to n timeouts.
    checkUsable();
    RedisClient owned = client;
    RedisURI target = uri;
    if (owned == null || target == null) throw new IOException("redis is not connected");
    ConnectionFuture<StatefulRedisConnection<String, String>> future =
        owned.connectAsync(StringCodec.UTF8, target);
    try {
      StatefulRedisConnection<String, String> opened =
          future.get(timeoutNanos, TimeUnit.NANOSECONDS);
      commands = opened.async();
      connection = opened;
      return opened;
    } catch (TimeoutException e) {
      // Should it connect later, close that connection: the next call opens a new one.
      CompletionStage<?> unused = future.thenAccept(RedisConnection::closeLater);
      failFast();
      throw new IOException("redis connect timed out after " + timeoutMillis + " ms");
    } catch (InterruptedException e) {
      CompletionStage<?> unused = future.thenAccept(RedisConnection::closeLater);
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while connecting to redis");
    } catch (ExecutionException e) {
      failFast();
      throw withSafeCause("redis is not connected", e.getCause());
    }
  }

  private <T> @Nullable T await(RedisFuture<T> future) throws IOException {
    try {
      return future.get(timeoutNanos, TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      cancel(future);
      failFast();
      throw new IOException("redis command timed out after " + timeoutMillis + " ms");
    } catch (InterruptedException e) {
      cancel(future);
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting for redis");
    } catch (CancellationException e) {
      // Lettuce cancels the commands of a connection that is closed or reset while they run.
      throw new IOException(closed ? "redis store is closed" : "redis command was cancelled");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RedisNoScriptException) throw new NoScriptException();
      if (cause instanceof RedisCommandExecutionException) {
        // The error text may quote a script's arguments: only its first word (NOPERM, ERR...).
        throw new IOException("redis answered " + firstWord(cause.getMessage()));
      }
      if (cause instanceof RedisCommandTimeoutException) {
        failFast();
        throw new IOException("redis command timed out after " + timeoutMillis + " ms");
      }
      throw withSafeCause("redis command failed", cause);
    }
  }

  private void failFast() {
    failFastUntil = System.nanoTime() + FAIL_FAST_NANOS;
    failingFast = true;
  }

  /**
   * Returns an exception with {@code message} and, unless its text shows the password of the URI,
   * {@code cause}.
   */
  private IOException withSafeCause(String message, @Nullable Throwable cause) {
    IOException result = new IOException(message);
    if (cause != null && !showsPassword(cause)) result.initCause(cause);
    return result;
  }

  private boolean showsPassword(Throwable throwable) {
    String secret = password;
    if (secret == null) return false;
    int depth = 0;
    for (Throwable t = throwable; t != null && depth < 16; t = t.getCause(), depth++) {
      String message = t.getMessage();
      if (message != null && message.contains(secret)) return true;
    }
    return depth >= 16;
  }

  /**
   * Returns the password (or the whole user info) of {@code rawUri} as written, or null if it has
   * none: to leave out of messages.
   */
  static @Nullable String password(String rawUri) {
    int scheme = rawUri.indexOf("://");
    int at = rawUri.lastIndexOf('@');
    if (scheme < 0 || at < scheme + 3) return null;
    String userInfo = rawUri.substring(scheme + 3, at);
    int colon = userInfo.indexOf(':');
    String secret = colon >= 0 ? userInfo.substring(colon + 1) : userInfo;
    return secret.isEmpty() ? null : secret;
  }

  /** Returns the leading upper-case word of a Redis error, or {@code "an error"}. */
  static String firstWord(@Nullable String message) {
    if (message == null) return "an error";
    int end = 0;
    while (end < message.length() && end < 32) {
      char c = message.charAt(end);
      if (!((c >= 'A' && c <= 'Z') || c == '_')) break;
      end++;
    }
    return end == 0 ? "an error" : message.substring(0, end);
  }

  private static void closeLater(StatefulConnection<?, ?> abandoned) {
    Future<?> unused = abandoned.closeAsync();
  }

  private static void cancel(Future<?> future) {
    future.cancel(false);
  }

  /** {@code NOSCRIPT}: the script is not cached; {@link #eval} sends its text. */
  private static final class NoScriptException extends IOException {
    private static final long serialVersionUID = 1L;

    NoScriptException() {
      super("redis answered NOSCRIPT");
    }
  }
}
