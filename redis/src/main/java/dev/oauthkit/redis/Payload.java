/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.redis;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import dev.oauthkit.core.AccessToken;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The JSON that a stored entry holds: {@code access_token}, {@code token_type}, and when present
 * {@code refresh_token}, {@code scope}, {@code lifetime_ms} and {@code extras}. No absolute time:
 * the entry's TTL is the token's remaining lifetime.
 */
final class Payload {
  private static final JsonAdapter<Map<String, Object>> ADAPTER =
      new Moshi.Builder()
          .build()
          .<Map<String, Object>>adapter(
              Types.newParameterizedType(Map.class, String.class, Object.class))
          .serializeNulls();

  private Payload() {}

  /**
   * Returns the JSON of {@code token}.
   *
   * @throws IOException if its extras hold a value JSON cannot (a parser's own type, NaN); the
   *     message never shows the token.
   */
  static String encode(AccessToken token) throws IOException {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("access_token", token.value());
    json.put("token_type", token.tokenType());
    if (token.refreshToken() != null) json.put("refresh_token", token.refreshToken());
    if (token.scope() != null) json.put("scope", token.scope());
    if (token.hasExpiry())
      json.put("lifetime_ms", token.expiresAtMillis() - token.issuedAtMillis());
    if (!token.extras().isEmpty()) json.put("extras", token.extras());
    try {
      return ADAPTER.toJson(json);
    } catch (RuntimeException e) {
      // No cause: its message may quote an extra.
      throw new IOException("token extras cannot be stored as JSON: " + e.getClass().getName());
    }
  }

  /**
   * Returns the token in {@code json}, which expires {@code pttl} milliseconds after {@code
   * nowMillis} (never if {@code pttl} is negative). Failures never show the JSON.
   */
  static AccessToken decode(String json, long nowMillis, long pttl) throws IOException {
    Map<String, Object> map;
    try {
      map = ADAPTER.fromJson(json);
    } catch (IOException | JsonDataException e) {
      throw new IOException("stored token is not valid JSON");
    }
    if (map == null) throw new IOException("stored token is not valid JSON");
    String accessToken = string(map, "access_token");
    String tokenType = string(map, "token_type");
    if (accessToken == null || tokenType == null) {
      throw new IOException("stored token lacks access_token or token_type");
    }
    long expiresAt = pttl < 0 ? AccessToken.NO_EXPIRY : nowMillis + pttl;
    long issuedAt = nowMillis;
    Object lifetime = map.get("lifetime_ms");
    if (expiresAt != AccessToken.NO_EXPIRY && lifetime instanceof Number) {
      issuedAt = Math.min(nowMillis, Math.max(0L, expiresAt - ((Number) lifetime).longValue()));
    }
    AccessToken.Builder builder =
        new AccessToken.Builder()
            .value(accessToken)
            .tokenType(tokenType)
            .issuedAtMillis(issuedAt)
            .expiresAtMillis(expiresAt)
            .refreshToken(string(map, "refresh_token"))
            .scope(string(map, "scope"));
    Object extras = map.get("extras");
    if (extras instanceof Map) {
      Map<String, Object> copy = new LinkedHashMap<>();
      for (Map.Entry<?, ?> e : ((Map<?, ?>) extras).entrySet()) {
        copy.put(String.valueOf(e.getKey()), e.getValue());
      }
      builder.extras(copy);
    }
    try {
      return builder.build();
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw new IOException("stored token is not a valid token");
    }
  }

  private static @Nullable String string(Map<String, Object> map, String name) {
    Object value = map.get(name);
    return value instanceof String ? (String) value : null;
  }
}
