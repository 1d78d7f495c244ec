/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.redis;

import dev.oauthkit.core.AccessToken;
import dev.oauthkit.core.Clock;
import dev.oauthkit.core.TokenStore;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import java.io.Closeable;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.security.SecureRandom;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * A {@link TokenStore} on Redis that the instances of a backend share: each operation is one atomic
 * Lua script, so a renewal never overwrites a successor another instance stored, and {@link
 * #tryLease}/{@link #lease} let one instance renew for all.
 *
 * <pre>{@code
 * RedisTokenStore store = RedisTokenStore.builder("redis://redis.internal:6379")
 *     .encryption(TokenEncryption.aesGcm("k1", key))
 *     .build();
 * }</pre>
 *
 * <p>Built from a URI ({@code redis://}, {@code rediss://} or {@code redis-sentinel://}), the store
 * creates and owns a Lettuce {@code RedisClient}, connects on first use, and {@link #close()} shuts
 * it down; a lost connection is re-established at most 1 s apart, and meanwhile commands fail at
 * once. Built from the user's {@code StatefulRedisConnection} or {@code
 * StatefulRedisClusterConnection}, the store uses it and leaves it open.
 *
 * <h2>Failures</h2>
 *
 * <p>Every command is bounded by the {@linkplain Builder#timeout timeout}, whatever the connection
 * is configured with. Every failure is an {@link IOException}: a closed connection at once, a
 * command that timed out after the timeout (and then every command for 1 s, without asking Redis).
 * Messages never show a token, a stored value or a password; an error of Redis shows as its first
 * word only ({@code redis answered NOPERM}). The {@link dev.oauthkit.core.TokenManager} reports
 * such a failure to its listener and carries on with the token it holds in memory.
 *
 * <h2>Data layout</h2>
 *
 * <ul>
 *   <li>Entry: a HASH at {@code <prefix>{<storeKey>}} (default prefix {@code oauthkit:}). The hash
 *       tag puts the entry and its lease in the same Redis Cluster slot. Fields: {@code version}
 *       (32 random hex characters, new for every write, compared for equality only), {@code data}
 *       (the payload) and, when encrypted, {@code kid} (the key id).
 *   <li>Payload: JSON with {@code access_token}, {@code token_type}, and when present {@code
 *       refresh_token}, {@code scope}, {@code lifetime_ms} (expiry minus issue time) and {@code
 *       extras}. Encrypted, {@code data} is base64 (standard alphabet, no padding) of a 12-byte
 *       random nonce followed by the AES-GCM ciphertext and 128-bit tag of that JSON, with the
 *       entry's key name as associated data; see {@link TokenEncryption}.
 *   <li>Expiry: the entry's TTL ({@code PEXPIRE}), the token's expiry minus this store's clock at
 *       the write; a token without expiry has no TTL. A read rebuilds the expiry as the reader's
 *       clock plus {@code PTTL}, and the issue time as the expiry minus {@code lifetime_ms}. So
 *       only durations pass between processes, never one's clock reading to another, and Redis's
 *       own clock expires the entry.
 *   <li>Lease: a string at {@code <prefix>{<storeKey>}:lease} whose value is the holder's random
 *       owner id, set with {@code SET NX PX} for the {@linkplain Builder#leaseTime lease time}.
 * </ul>
 *
 * <p>{@link #compareAndSet} and {@link #compareAndRemove} read the entry and its version, compare
 * the decoded token with the expected one ({@link TokenStore#sameEntry}), and write (or delete) in
 * a script only if the version is still the one read; if another process wrote in between, they
 * read again, up to 8 times. Commands used: {@code EVALSHA} and {@code EVAL} (running {@code HGET},
 * {@code HSET}, {@code DEL}, {@code PEXPIRE}, {@code PTTL}, {@code GET}, {@code SET}), {@code SET
 * NX PX} and {@code DEL}.
 *
 * <p>Instances are thread-safe.
 */
public final class RedisTokenStore implements TokenStore, Closeable {
  private static final int CAS_ROUNDS = 8;
  private static final long POLL_MILLIS = 50;
  private static final long MAX_TTL_MILLIS = Long.MAX_VALUE / 4;

  private final RedisConnection redis;
  private final String prefix;
  private final long timeoutNanos;
  private final long leaseMillis;
  private final @Nullable TokenEncryption encryption;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  private RedisTokenStore(Builder builder, RedisConnection redis) {
    this.redis = redis;
    this.prefix = builder.prefix;
    this.timeoutNanos = builder.timeoutNanos;
    this.leaseMillis = builder.leaseMillis;
    this.encryption = builder.encryption;
    this.clock = builder.clock;
  }

  /** Returns a store on the Redis at {@code redisUri}, with the defaults of {@link Builder}. */
  public static RedisTokenStore create(String redisUri) {
    return builder(redisUri).build();
  }

  /**
   * Returns a builder of a store that creates and owns a client for {@code redisUri}: {@code
   * redis://[:password@]host[:port][/database]}, {@code rediss://} (TLS) or {@code
   * redis-sentinel://host[:port][,host2[:port2]]/[database]#masterId}. {@link #close()} shuts it
   * down.
   *
   * @throws IllegalArgumentException if the URI is not one of those (the message never shows it).
   */
  public static Builder builder(String redisUri) {
    Objects.requireNonNull(redisUri, "redisUri == null");
    String lower = redisUri.toLowerCase(Locale.ROOT);
    if (!lower.startsWith("redis://")
        && !lower.startsWith("rediss://")
        && !lower.startsWith("redis-sentinel://")) {
      throw new IllegalArgumentException(
          "redisUri must start with redis://, rediss:// or redis-sentinel://");
    }
    RedisURI uri;
    try {
      uri = RedisURI.create(redisUri);
    } catch (RuntimeException e) {
      // No cause: its message may quote the URI, password included.
      throw new IllegalArgumentException("redisUri is not a valid Redis URI");
    }
    return new Builder(uri, RedisConnection.password(redisUri), null);
  }

  /**
   * Returns a builder of a store on the user's {@code connection}; {@link #close()} leaves it open.
   */
  public static Builder builder(StatefulRedisConnection<String, String> connection) {
    Objects.requireNonNull(connection, "connection == null");
    return new Builder(null, null, new UserConnection(connection, connection.async()));
  }

  /**
   * Returns a builder of a store on the user's Redis Cluster {@code connection}; {@link #close()}
   * leaves it open.
   */
  public static Builder builder(StatefulRedisClusterConnection<String, String> connection) {
    Objects.requireNonNull(connection, "connection == null");
    return new Builder(null, null, new UserConnection(connection, connection.async()));
  }

  @Override
  public @Nullable AccessToken get(String key) throws IOException {
    Entry entry = read(key);
    return entry != null ? entry.token : null;
  }

  @Override
  public void put(String key, AccessToken token) throws IOException {
    Objects.requireNonNull(token, "token == null");
    String entryKey = entryKey(key);
    redis.evalLong(Script.PUT, keys(entryKey), write(entryKey, token));
  }

  @Override
  public void remove(String key) throws IOException {
    redis.del(entryKey(key));
  }

  /**
   * {@inheritDoc}
   *
   * <p>Atomic among all processes that share the Redis: the write happens in one script, only if
   * the entry is still the one that was compared.
   *
   * @throws IOException also if other processes changed the entry 8 times while this one compared.
   */
  @Override
  public boolean compareAndSet(String key, @Nullable AccessToken expected, AccessToken update)
      throws IOException {
    Objects.requireNonNull(update, "update == null");
    String entryKey = entryKey(key);
    for (int round = 0; round < CAS_ROUNDS; round++) {
      Entry current = read(key);
      if (!TokenStore.sameEntry(current != null ? current.token : null, expected)) return false;
      String[] write = write(entryKey, update);
      String[] args = new String[1 + write.length];
      args[0] = current != null ? current.version : "";
      System.arraycopy(write, 0, args, 1, write.length);
      Long done = redis.evalLong(Script.COMPARE_AND_SET, keys(entryKey), args);
      if (done != null && done == 1L) return true;
    }
    throw new IOException("redis entry kept changing");
  }

  /**
   * {@inheritDoc}
   *
   * <p>Atomic among all processes that share the Redis, like {@link #compareAndSet}.
   */
  @Override
  public boolean compareAndRemove(String key, AccessToken expected) throws IOException {
    Objects.requireNonNull(expected, "expected == null");
    String entryKey = entryKey(key);
    for (int round = 0; round < CAS_ROUNDS; round++) {
      Entry current = read(key);
      if (current == null || !TokenStore.sameEntry(current.token, expected)) return false;
      Long done = redis.evalLong(Script.COMPARE_AND_DELETE, keys(entryKey), current.version);
      if (done != null && done == 1L) return true;
    }
    throw new IOException("redis entry kept changing");
  }

  /**
   * {@inheritDoc}
   *
   * <p>Sets the lease key with {@code SET NX PX}: the lease runs out after the {@linkplain
   * Builder#leaseTime lease time} unless released before.
   */
  @Override
  public @Nullable Lease tryLease(String key) throws IOException {
    String leaseKey = leaseKey(key);
    String owner = randomHex();
    return redis.setNxPx(leaseKey, owner, leaseMillis) ? new RedisLease(leaseKey, owner) : null;
  }

  /**
   * {@inheritDoc}
   *
   * <p>Polls Redis every 50 ms, in one script that takes the lease only if the entry is still the
   * one stored when the wait began; returns null as soon as it is not, or after the {@linkplain
   * Builder#leaseTime lease time} plus the {@linkplain Builder#timeout timeout}.
   *
   * @throws InterruptedIOException if the thread is interrupted while it waits.
   */
  @Override
  public @Nullable Lease lease(String key) throws IOException {
    String entryKey = entryKey(key);
    String leaseKey = leaseKey(key);
    String version = redis.evalString(Script.VERSION, keys(entryKey));
    String remembered = version != null ? version : "";
    String owner = randomHex();
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(leaseMillis) + timeoutNanos;
    while (true) {
      Long result =
          redis.evalLong(
              Script.LEASE,
              keys(entryKey, leaseKey),
              remembered,
              owner,
              Long.toString(leaseMillis));
      if (result == null || result == 0L) return null; // Another process stored a new token.
      if (result == 1L) return new RedisLease(leaseKey, owner);
      long left = deadline - System.nanoTime();
      if (left <= 0) return null;
      try {
        Thread.sleep(Math.min(POLL_MILLIS, Math.max(1L, TimeUnit.NANOSECONDS.toMillis(left))));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("interrupted while waiting for the redis lease");
      }
    }
  }

  /**
   * Closes the connection and shuts down the client if this store created them (from a URI); a
   * connection the user passed stays open. Later calls fail with an {@link IOException}.
   */
  @Override
  public void close() {
    redis.close();
  }

  /** Returns {@code RedisTokenStore{prefix=oauthkit:, encrypted=true}}: no URI, no password. */
  @Override
  public String toString() {
    return "RedisTokenStore{prefix=" + prefix + ", encrypted=" + (encryption != null) + "}";
  }

  /** Reads the entry under {@code key} and decodes its token, or returns null if there is none. */
  private @Nullable Entry read(String key) throws IOException {
    String entryKey = entryKey(key);
    List<?> fields = redis.evalList(Script.GET, keys(entryKey));
    if (fields == null || fields.isEmpty()) return null;
    if (fields.size() != 4
        || !(fields.get(0) instanceof String)
        || !(fields.get(2) instanceof String)
        || !(fields.get(3) instanceof Long)) {
      throw new IOException("stored token has an unknown layout");
    }
    String version = (String) fields.get(0);
    Object kidField = fields.get(1);
    String kid = kidField instanceof String ? (String) kidField : null;
    String data = (String) fields.get(2);
    long pttl = (Long) fields.get(3);
    String json;
    TokenEncryption decryption = encryption;
    if (decryption != null) {
      json = decryption.decrypt(data, kid, entryKey);
    } else if (kid != null) {
      throw new IOException("stored token is encrypted; this store has no encryption");
    } else {
      json = data;
    }
    long now = clock.currentTimeMillis();
    return new Entry(version, Payload.decode(json, now, pttl == -1L ? -1L : Math.max(0L, pttl)));
  }

  /** Returns the arguments of a write of {@code token}: version, data, ttl ms (0: none), kid. */
  private String[] write(String entryKey, AccessToken token) throws IOException {
    String json = Payload.encode(token);
    long ttl = 0L;
    if (token.hasExpiry()) {
      // Capped: Redis refuses a TTL that overflows when added to its clock, after the script
      // already wrote the entry (without a TTL). The cap is millions of years.
      ttl =
          Math.min(
              MAX_TTL_MILLIS, Math.max(1L, token.expiresAtMillis() - clock.currentTimeMillis()));
    }
    TokenEncryption encrypt = encryption;
    String data = encrypt != null ? encrypt.encrypt(json, entryKey) : json;
    String kid = encrypt != null ? encrypt.keyId() : "";
    return new String[] {randomHex(), data, Long.toString(ttl), kid};
  }

  String entryKey(String key) {
    Objects.requireNonNull(key, "key == null");
    if (key.isEmpty() || key.indexOf('{') >= 0 || key.indexOf('}') >= 0) {
      throw new IllegalArgumentException("store key must be non-empty, without '{' or '}'");
    }
    return prefix + "{" + key + "}";
  }

  String leaseKey(String key) {
    return entryKey(key) + ":lease";
  }

  private static String[] keys(String... keys) {
    return keys;
  }

  /** Returns 32 random lowercase hex characters (128 bits). */
  private String randomHex() {
    byte[] bytes = new byte[16];
    random.nextBytes(bytes);
    char[] hex = new char[32];
    for (int i = 0; i < 16; i++) {
      hex[2 * i] = Character.forDigit((bytes[i] >> 4) & 0xf, 16);
      hex[2 * i + 1] = Character.forDigit(bytes[i] & 0xf, 16);
    }
    return new String(hex);
  }

  /** A stored entry: its version and its decoded token. */
  private static final class Entry {
    final String version;
    final AccessToken token;

    Entry(String version, AccessToken token) {
      this.version = version;
      this.token = token;
    }
  }

  /** The lease under one key, held while its key holds {@link #owner}. */
  private final class RedisLease implements Lease {
    private final String leaseKey;
    private final String owner;
    private boolean released;

    RedisLease(String leaseKey, String owner) {
      this.leaseKey = leaseKey;
      this.owner = owner;
    }

    /**
     * Deletes the lease key only if it still holds this owner; a second call does nothing. An
     * interrupted thread releases too (the interrupt is kept): the others need not wait for the
     * lease to run out because a renewal was interrupted.
     */
    @Override
    public synchronized void release() throws IOException {
      if (released) return;
      boolean interrupted = Thread.interrupted();
      try {
        redis.evalLong(Script.RELEASE, keys(leaseKey), owner);
      } finally {
        if (interrupted) Thread.currentThread().interrupt();
      }
      released = true;
    }

    @Override
    public String toString() {
      return "RedisTokenStore.Lease{" + leaseKey + "}";
    }
  }

  /** Configures a {@link RedisTokenStore}. */
  public static final class Builder {
    private final @Nullable RedisURI uri;
    private final @Nullable String password;
    private final @Nullable UserConnection connection;
    String prefix = "oauthkit:";
    long timeoutNanos = TimeUnit.SECONDS.toNanos(1);
    long leaseMillis = TimeUnit.SECONDS.toMillis(10);
    @Nullable TokenEncryption encryption;
    Clock clock = Clock.SYSTEM;

    Builder(
        @Nullable RedisURI uri, @Nullable String password, @Nullable UserConnection connection) {
      this.uri = uri;
      this.password = password;
      this.connection = connection;
    }

    /**
     * Sets the prefix of every key this store writes. Defaults to {@code oauthkit:}.
     *
     * @throws IllegalArgumentException if it is empty or has a '{' or '}' (which would break the
     *     hash tag).
     */
    public Builder keyPrefix(String prefix) {
      Objects.requireNonNull(prefix, "prefix == null");
      if (prefix.isEmpty()) throw new IllegalArgumentException("prefix is empty");
      if (prefix.indexOf('{') >= 0 || prefix.indexOf('}') >= 0) {
        throw new IllegalArgumentException("prefix must not contain '{' or '}'");
      }
      this.prefix = prefix;
      return this;
    }

    /**
     * Sets how long a caller waits for Redis to answer one command, and to connect. Defaults to 1
     * s.
     */
    public Builder timeout(long timeout, TimeUnit unit) {
      Objects.requireNonNull(unit, "unit == null");
      if (timeout <= 0) throw new IllegalArgumentException("timeout <= 0");
      this.timeoutNanos = unit.toNanos(timeout);
      return this;
    }

    /**
     * Sets how long a lease lasts if its holder does not release it, and so how long {@link #lease}
     * waits at most (plus the timeout). Defaults to 10 s; at least 1 ms.
     */
    public Builder leaseTime(long time, TimeUnit unit) {
      Objects.requireNonNull(unit, "unit == null");
      long millis = unit.toMillis(time);
      if (millis <= 0) throw new IllegalArgumentException("leaseTime < 1 ms");
      this.leaseMillis = millis;
      return this;
    }

    /** Encrypts the stored tokens with {@code encryption}. Defaults to none. */
    public Builder encryption(TokenEncryption encryption) {
      this.encryption = Objects.requireNonNull(encryption, "encryption == null");
      return this;
    }

    /**
     * Sets the clock that turns a token's expiry into a TTL and back. Use the token manager's
     * clock. Defaults to {@link Clock#SYSTEM}.
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock == null");
      return this;
    }

    /** Returns the store. One built from a URI connects on first use. */
    public RedisTokenStore build() {
      RedisConnection redis;
      UserConnection user = connection;
      RedisURI target = uri;
      if (user != null) {
        redis = new RedisConnection(user.connection, user.commands, timeoutNanos);
      } else if (target != null) {
        redis = new RedisConnection(target, password, timeoutNanos);
      } else {
        throw new IllegalStateException("redis connection required.");
      }
      return new RedisTokenStore(this, redis);
    }
  }
}
