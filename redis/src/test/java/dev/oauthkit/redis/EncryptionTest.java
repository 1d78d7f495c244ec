/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.redis;

import static dev.oauthkit.redis.Tokens.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oauthkit.core.AccessToken;
import io.lettuce.core.api.sync.RedisCommands;
import java.io.IOException;
import java.util.Base64;
import java.util.Map;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

@Timeout(60)
final class EncryptionTest {
  @RegisterExtension static final RedisServerExtension redis = new RedisServerExtension();

  private static final SecretKey K1 = key(1, 32);
  private static final SecretKey K2 = key(2, 16);

  @BeforeEach
  void setUp() {
    redis.flushAll();
  }

  private static RedisCommands<String, String> raw() {
    return redis.rawConnection().sync();
  }

  private static RedisTokenStore store(TokenEncryption encryption) {
    return RedisTokenStore.builder(redis.uri()).encryption(encryption).build();
  }

  @Test
  void storedValueShowsNeitherToken() throws Exception {
    try (RedisTokenStore store = store(TokenEncryption.aesGcm("k1", K1))) {
      store.put("k", token("at-canary-123", "rt-canary-456"));

      Map<String, String> hash = raw().hgetall("oauthkit:{k}");
      assertThat(hash).containsOnlyKeys("version", "data", "kid");
      assertThat(hash.get("kid")).isEqualTo("k1");
      assertThat(hash.toString()).doesNotContain("canary").doesNotContain("access_token");
      byte[] data = Base64.getDecoder().decode(hash.get("data"));
      assertThat(hash.get("data")).doesNotEndWith("=");
      assertThat(data.length).isGreaterThan(12 + 16);

      AccessToken read = store.get("k");
      assertThat(read.value()).isEqualTo("at-canary-123");
      assertThat(read.refreshToken()).isEqualTo("rt-canary-456");
      assertThat(store.toString()).isEqualTo("RedisTokenStore{prefix=oauthkit:, encrypted=true}");
    }
  }

  @Test
  void sameTokenEncryptsDifferentlyEachTime() throws Exception {
    try (RedisTokenStore store = store(TokenEncryption.aesGcm("k1", K1))) {
      store.put("k", token("a", "r"));
      String first = raw().hget("oauthkit:{k}", "data");
      store.put("k", token("a", "r"));
      assertThat(raw().hget("oauthkit:{k}", "data")).isNotEqualTo(first);
    }
  }

  @Test
  void rotationReadsEntriesOfTheOldKeyAndWritesWithTheNewOne() throws Exception {
    try (RedisTokenStore old = store(TokenEncryption.aesGcm("k1", K1));
        RedisTokenStore rotated = store(TokenEncryption.aesGcm("k2", K2).withOldKey("k1", K1))) {
      old.put("k", token("t1", "r1"));
      assertThat(rotated.get("k").value()).isEqualTo("t1");

      assertThat(rotated.compareAndSet("k", token("t1", "r1"), token("t2", "r2"))).isTrue();
      assertThat(raw().hget("oauthkit:{k}", "kid")).isEqualTo("k2");
      assertThat(rotated.get("k").value()).isEqualTo("t2");
      // The old store does not know k2.
      assertThatThrownBy(() -> old.get("k"))
          .isInstanceOf(IOException.class)
          .hasMessage("stored token encrypted with unknown key id");
    }
  }

  @Test
  void wrongKeyUnderTheSameIdFailsTheTagCheck() throws Exception {
    try (RedisTokenStore writer = store(TokenEncryption.aesGcm("k1", K1));
        RedisTokenStore reader = store(TokenEncryption.aesGcm("k1", key(9, 32)))) {
      writer.put("k", token("at-canary", "rt-canary"));
      assertThatThrownBy(() -> reader.get("k"))
          .isInstanceOf(IOException.class)
          .hasMessage("stored token failed to decrypt")
          .hasNoCause();
    }
  }

  @Test
  void plainEntryIsRefusedByAnEncryptingStore() throws Exception {
    try (RedisTokenStore plain = RedisTokenStore.create(redis.uri());
        RedisTokenStore encrypting = store(TokenEncryption.aesGcm("k1", K1))) {
      plain.put("k", token("at-canary", "rt-canary"));
      assertThatThrownBy(() -> encrypting.get("k"))
          .isInstanceOf(IOException.class)
          .hasMessage("stored token is not encrypted");
      // And the reverse: a plain store does not serve ciphertext.
      encrypting.put("k", token("at-canary", "rt-canary"));
      assertThatThrownBy(() -> plain.get("k"))
          .isInstanceOf(IOException.class)
          .hasMessageNotContaining("canary");
    }
  }

  @Test
  void valueMovedToAnotherKeyDoesNotDecrypt() throws Exception {
    try (RedisTokenStore store = store(TokenEncryption.aesGcm("k1", K1))) {
      store.put("victim", token("at-canary", "rt-canary"));
      Map<String, String> hash = raw().hgetall("oauthkit:{victim}");
      raw().hset("oauthkit:{attacker}", hash);
      assertThatThrownBy(() -> store.get("attacker"))
          .isInstanceOf(IOException.class)
          .hasMessage("stored token failed to decrypt");
      assertThat(store.get("victim").value()).isEqualTo("at-canary");
    }
  }

  @Test
  void tamperedCiphertextFailsWithoutShowingIt() throws Exception {
    try (RedisTokenStore store = store(TokenEncryption.aesGcm("k1", K1))) {
      store.put("k", token("at-canary", "rt-canary"));
      String data = raw().hget("oauthkit:{k}", "data");
      char last = data.charAt(data.length() - 2);
      String tampered =
          data.substring(0, data.length() - 2)
              + (last == 'A' ? 'B' : 'A')
              + data.charAt(data.length() - 1);
      raw().hset("oauthkit:{k}", "data", tampered);
      assertThatThrownBy(() -> store.get("k"))
          .isInstanceOf(IOException.class)
          .hasMessage("stored token failed to decrypt");
      raw().hset("oauthkit:{k}", "data", "%%% not base64");
      assertThatThrownBy(() -> store.get("k")).hasMessage("stored token failed to decrypt");
    }
  }

  @Test
  void keysAndKeyIdsAreValidated() {
    assertThatThrownBy(() -> TokenEncryption.aesGcm("k1", key(7, 15)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("AES key must have 16, 24 or 32 bytes, not 15");
    TokenEncryption.aesGcm("k1", key(7, 24));
    assertThatThrownBy(() -> TokenEncryption.aesGcm("", K1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> TokenEncryption.aesGcm("k 1", K1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> TokenEncryption.aesGcm(repeat('a', 65), K1))
        .isInstanceOf(IllegalArgumentException.class);
    TokenEncryption.aesGcm(repeat('a', 64), K1);
    assertThatThrownBy(
            () -> TokenEncryption.aesGcm("k1", new SecretKeySpec(new byte[16], "HmacSHA256")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> TokenEncryption.aesGcm("k1", K1).withOldKey("k1", K2))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void toStringShowsKeyIdsOnly() {
    TokenEncryption encryption = TokenEncryption.aesGcm("k2", K2).withOldKey("k1", K1);
    assertThat(encryption.toString()).isEqualTo("TokenEncryption{keyId=k2, oldKeys=[k1]}");
    assertThat(TokenEncryption.aesGcm("k1", K1).toString())
        .isEqualTo("TokenEncryption{keyId=k1, oldKeys=[]}");
  }

  /** A key of {@code length} bytes, each {@code seed}. */
  private static SecretKey key(int seed, int length) {
    byte[] bytes = new byte[length];
    java.util.Arrays.fill(bytes, (byte) seed);
    return new SecretKeySpec(bytes, "AES");
  }

  private static String repeat(char c, int count) {
    StringBuilder result = new StringBuilder();
    for (int i = 0; i < count; i++) result.append(c);
    return result.toString();
  }
}
