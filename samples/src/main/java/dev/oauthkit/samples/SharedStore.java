/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.samples;

import dev.oauthkit.redis.RedisTokenStore;
import java.io.PrintStream;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The token store named by {@code REDIS_URL}: with it, every command keeps its tokens in Redis, so
 * that several processes calling the same token endpoint with the same client share one token and
 * renew it once per lifetime. Without it, each process keeps its tokens in memory.
 */
final class SharedStore {
  /** The help line of the variable, under every command's environment. */
  static final String HELP =
      "REDIS_URL              share tokens with other processes through this Redis, such as"
          + " redis://127.0.0.1:6379 (optional)";

  /** The prefix of the store's Redis keys; the store's default, set here to print it. */
  static final String KEY_PREFIX = "oauthkit:";

  private final RedisTokenStore.@Nullable Builder builder;
  private final String safeUrl;

  private SharedStore(RedisTokenStore.@Nullable Builder builder, String safeUrl) {
    this.builder = builder;
    this.safeUrl = safeUrl;
  }

  /**
   * Reads {@code REDIS_URL}, before the command starts anything.
   *
   * @throws Options.UsageException naming {@code REDIS_URL} if it is set but not a Redis URI; the
   *     message never shows the value, which may hold a password.
   */
  static SharedStore fromEnvironment(Map<String, String> environment) {
    String url = environment.get("REDIS_URL");
    if (url == null || url.trim().isEmpty()) return new SharedStore(null, "");
    url = url.trim();
    try {
      RedisTokenStore.Builder builder = RedisTokenStore.builder(url).keyPrefix(KEY_PREFIX);
      return new SharedStore(builder, redact(url));
    } catch (IllegalArgumentException e) {
      throw new Options.UsageException(
          "REDIS_URL is not a Redis URI: "
              + e.getMessage()
              + " (such as redis://127.0.0.1:6379 or rediss://:password@host:6380)");
    }
  }

  /**
   * Returns the store, which the caller closes when the run ends, after saying on {@code out} where
   * the tokens go; or null without {@code REDIS_URL}. The store connects on first use: a Redis that
   * cannot be reached fails its operations, which the token manager reports to its listener while
   * it carries on with the token it holds.
   */
  @Nullable RedisTokenStore open(PrintStream out) {
    if (builder == null) return null;
    RedisTokenStore store = builder.build();
    out.println("Sharing tokens through Redis at " + safeUrl + " (key prefix " + KEY_PREFIX + ").");
    return store;
  }

  /**
   * Returns {@code url} with its user and password, if any, shown as {@code ***}, and without its
   * query: {@code redis://***@host:6379/0}. Everything up to the last {@code @} counts as the
   * password, so a password that should have been percent-encoded is hidden too.
   */
  static String redact(String url) {
    int schemeEnd = url.indexOf("://");
    if (schemeEnd < 0) return "***";
    String scheme = url.substring(0, schemeEnd + 3);
    String rest = url.substring(schemeEnd + 3);
    int userInfoEnd = rest.lastIndexOf('@');
    if (userInfoEnd >= 0) rest = "***" + rest.substring(userInfoEnd);
    int query = rest.indexOf('?');
    if (query >= 0) rest = rest.substring(0, query);
    return scheme + rest;
  }
}
