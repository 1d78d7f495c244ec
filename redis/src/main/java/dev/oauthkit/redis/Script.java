/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.redis;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * A Lua script and its SHA-1, for {@code EVALSHA}. Every script here takes the entry key (and the
 * lease key) of one store key: they share a hash tag, hence a Redis Cluster slot.
 */
final class Script {
  /**
   * Reads an entry: {version, kid, data, pttl}, or nil if there is none. KEYS[1] = entry. A missing
   * kid is a nil (false) inside the array.
   */
  static final Script GET =
      new Script(
          "local v = redis.call('HGET', KEYS[1], 'version')\n"
              + "if not v then return {} end\n"
              + "return {v, redis.call('HGET', KEYS[1], 'kid'), redis.call('HGET', KEYS[1], 'data'),"
              + " redis.call('PTTL', KEYS[1])}");

  /** Reads an entry's version, or nil. KEYS[1] = entry. */
  static final Script VERSION = new Script("return redis.call('HGET', KEYS[1], 'version')");

  /** Replaces an entry. KEYS[1] = entry; ARGV = version, data, ttl ms (0: none), kid ('' none). */
  static final Script PUT = new Script("redis.call('DEL', KEYS[1])\n" + write(1));

  /**
   * Replaces an entry if its version is still ARGV[1] ('' = the entry must not exist): 1 if it did,
   * else 0. KEYS[1] = entry; ARGV[2..5] = version, data, ttl ms (0: none), kid ('' none).
   */
  static final Script COMPARE_AND_SET =
      new Script(Script.COMPARE + "redis.call('DEL', KEYS[1])\n" + write(2));

  /** Deletes an entry if its version is still ARGV[1]: 1 if it did, else 0. KEYS[1] = entry. */
  static final Script COMPARE_AND_DELETE =
      new Script(Script.COMPARE + "redis.call('DEL', KEYS[1])\nreturn 1");

  /**
   * One poll of {@code lease()}: 0 if another token was stored (the entry exists with a version
   * other than ARGV[1], '' = none), 1 if it took the lease (SET NX PX), -1 if another owner still
   * holds it. An entry that expired meanwhile is no new token: the poll goes on. KEYS = entry,
   * lease; ARGV = version, owner, lease ms.
   */
  static final Script LEASE =
      new Script(
          "local v = redis.call('HGET', KEYS[1], 'version')\n"
              + "if v and v ~= ARGV[1] then return 0 end\n"
              + "if redis.call('SET', KEYS[2], ARGV[2], 'NX', 'PX', ARGV[3]) then return 1 end\n"
              + "return -1");

  /** Releases a lease only if ARGV[1] still owns it: 1 if it did, else 0. KEYS[1] = lease. */
  static final Script RELEASE =
      new Script(
          "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end\n"
              + "return 0");

  /** Returns 0 unless the entry's version is ARGV[1] ('' = the entry must not exist). */
  private static final String COMPARE =
      "local v = redis.call('HGET', KEYS[1], 'version') or ''\n"
          + "if v ~= ARGV[1] then return 0 end\n";

  /**
   * Returns the lines that write ARGV[first..first+3] = version, data, ttl ms (0: none), kid (''
   * none) into KEYS[1], and return 1.
   */
  private static String write(int first) {
    String version = "ARGV[" + first + "]";
    String data = "ARGV[" + (first + 1) + "]";
    String ttl = "ARGV[" + (first + 2) + "]";
    String kid = "ARGV[" + (first + 3) + "]";
    return "redis.call('HSET', KEYS[1], 'version', "
        + version
        + ", 'data', "
        + data
        + ")\n"
        + "if "
        + kid
        + " ~= '' then redis.call('HSET', KEYS[1], 'kid', "
        + kid
        + ") end\n"
        + "if tonumber("
        + ttl
        + ") > 0 then redis.call('PEXPIRE', KEYS[1], "
        + ttl
        + ") end\n"
        + "return 1";
  }

  private final String text;
  private final String sha1;

  private Script(String text) {
    this.text = text;
    this.sha1 = sha1Hex(text);
  }

  String text() {
    return text;
  }

  String sha1() {
    return sha1;
  }

  private static String sha1Hex(String text) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8));
      StringBuilder hex = new StringBuilder(40);
      for (byte b : digest) hex.append(String.format("%02x", b & 0xff));
      return hex.toString();
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError("SHA-1 is required of every JVM", e);
    }
  }
}
