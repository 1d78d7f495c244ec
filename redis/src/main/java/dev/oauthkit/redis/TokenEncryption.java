/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.redis;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import okio.ByteString;
import org.jspecify.annotations.Nullable;

/**
 * Encrypts the tokens that a {@link RedisTokenStore} writes, with AES-GCM, so that whoever reads
 * Redis (a replica, a backup, a {@code MONITOR}) sees no access token and no refresh token.
 *
 * <p>Each entry is encrypted with a fresh 12-byte random nonce and a 128-bit tag; the entry's Redis
 * key name is the associated data, so a value copied to another key does not decrypt. The entry
 * records the id of the key that encrypted it, so keys can be rotated: configure the new key as the
 * primary and keep the old one with {@link #withOldKey} until every entry has been rewritten (a
 * token is rewritten at each renewal, so one token lifetime is enough).
 *
 * <pre>{@code
 * TokenEncryption encryption = TokenEncryption.aesGcm("k2", newKey).withOldKey("k1", oldKey);
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe. {@link #toString()} shows the key ids, never a key.
 */
public final class TokenEncryption {
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;

  private final String keyId;
  private final SecretKey key;

  /** Every key that decrypts, by id: the primary first. */
  private final Map<String, SecretKey> keys;

  private final SecureRandom random = new SecureRandom();

  private TokenEncryption(String keyId, SecretKey key, Map<String, SecretKey> keys) {
    this.keyId = keyId;
    this.key = key;
    this.keys = keys;
  }

  /**
   * Returns an encryption with AES-GCM under {@code key}, recorded in each entry as {@code keyId}.
   *
   * @param keyId 1 to 64 characters of {@code [A-Za-z0-9._-]}; not a secret, it is stored in Redis.
   * @param key an AES key of 16, 24 or 32 bytes.
   * @throws IllegalArgumentException if the key id or the key is not valid.
   */
  public static TokenEncryption aesGcm(String keyId, SecretKey key) {
    checkKey(keyId, key);
    Map<String, SecretKey> keys = new LinkedHashMap<>();
    keys.put(keyId, aesKey(key));
    return new TokenEncryption(keyId, aesKey(key), Collections.unmodifiableMap(keys));
  }

  /**
   * Returns a new encryption that also decrypts the entries written with {@code key}, recorded as
   * {@code keyId}; new entries are still encrypted with this one's primary key.
   *
   * @throws IllegalArgumentException if the key id or the key is not valid, or if the key id is
   *     already used.
   */
  public TokenEncryption withOldKey(String keyId, SecretKey key) {
    checkKey(keyId, key);
    if (keys.containsKey(keyId)) {
      throw new IllegalArgumentException("key id already used: " + keyId);
    }
    Map<String, SecretKey> all = new LinkedHashMap<>(keys);
    all.put(keyId, aesKey(key));
    return new TokenEncryption(this.keyId, this.key, Collections.unmodifiableMap(all));
  }

  /** Returns the id of the key that new entries are encrypted with. */
  String keyId() {
    return keyId;
  }

  /**
   * Returns base64 (standard alphabet, no padding) of the nonce followed by the ciphertext and tag
   * of {@code plaintext}, bound to {@code redisKey}.
   */
  String encrypt(String plaintext, String redisKey) throws IOException {
    byte[] nonce = new byte[NONCE_BYTES];
    random.nextBytes(nonce);
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(redisKey.getBytes(StandardCharsets.UTF_8));
      byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
      byte[] out = new byte[NONCE_BYTES + sealed.length];
      System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
      System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
      String base64 = ByteString.of(out).base64(); // Okio's: java.util.Base64 is not on Android 21.
      int end = base64.length();
      while (end > 0 && base64.charAt(end - 1) == '=') end--;
      return base64.substring(0, end);
    } catch (GeneralSecurityException e) {
      throw new IOException("cannot encrypt the token: " + e.getClass().getSimpleName());
    }
  }

  /**
   * Returns the plaintext of {@code data} that the key {@code dataKeyId} encrypted for {@code
   * redisKey}. Failures never show the data.
   */
  String decrypt(String data, @Nullable String dataKeyId, String redisKey) throws IOException {
    if (dataKeyId == null) throw new IOException("stored token is not encrypted");
    SecretKey decryptKey = keys.get(dataKeyId);
    if (decryptKey == null) throw new IOException("stored token encrypted with unknown key id");
    ByteString decoded = ByteString.decodeBase64(data);
    if (decoded == null) throw new IOException("stored token failed to decrypt");
    byte[] in = decoded.toByteArray();
    if (in.length < NONCE_BYTES + TAG_BITS / 8)
      throw new IOException("stored token failed to decrypt");
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(
          Cipher.DECRYPT_MODE, decryptKey, new GCMParameterSpec(TAG_BITS, in, 0, NONCE_BYTES));
      cipher.updateAAD(redisKey.getBytes(StandardCharsets.UTF_8));
      byte[] plain = cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES);
      return new String(plain, StandardCharsets.UTF_8);
    } catch (AEADBadTagException e) {
      throw new IOException("stored token failed to decrypt");
    } catch (GeneralSecurityException e) {
      throw new IOException("stored token failed to decrypt: " + e.getClass().getSimpleName());
    }
  }

  /** Returns {@code TokenEncryption{keyId=k2, oldKeys=[k1]}}: the key ids, never a key. */
  @Override
  public String toString() {
    List<String> oldKeys = new ArrayList<>(keys.keySet());
    oldKeys.remove(keyId);
    return "TokenEncryption{keyId=" + keyId + ", oldKeys=" + oldKeys + "}";
  }

  private static void checkKey(String keyId, SecretKey key) {
    Objects.requireNonNull(keyId, "keyId == null");
    Objects.requireNonNull(key, "key == null");
    if (keyId.isEmpty() || keyId.length() > 64) {
      throw new IllegalArgumentException("keyId must have 1 to 64 characters");
    }
    for (int i = 0; i < keyId.length(); i++) {
      char c = keyId.charAt(i);
      boolean ok =
          (c >= 'A' && c <= 'Z')
              || (c >= 'a' && c <= 'z')
              || (c >= '0' && c <= '9')
              || c == '.'
              || c == '_'
              || c == '-';
      if (!ok) throw new IllegalArgumentException("keyId must be of [A-Za-z0-9._-]");
    }
    if (!"AES".equalsIgnoreCase(key.getAlgorithm())) {
      throw new IllegalArgumentException("key must be an AES key, not " + key.getAlgorithm());
    }
    byte[] encoded = key.getEncoded();
    int length = encoded != null ? encoded.length : -1;
    if (encoded != null) java.util.Arrays.fill(encoded, (byte) 0);
    if (length != 16 && length != 24 && length != 32) {
      throw new IllegalArgumentException("AES key must have 16, 24 or 32 bytes, not " + length);
    }
  }

  /** Returns a copy of {@code key} as a plain AES key, so no provider-specific key is kept. */
  private static SecretKey aesKey(SecretKey key) {
    byte[] encoded = Objects.requireNonNull(key.getEncoded(), "key has no encoding");
    try {
      return new SecretKeySpec(encoded, "AES");
    } finally {
      java.util.Arrays.fill(encoded, (byte) 0);
    }
  }
}
