/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.core;

import com.squareup.moshi.JsonWriter;
import java.io.IOException;
import java.nio.charset.Charset;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.SignatureException;
import java.security.interfaces.ECKey;
import java.security.interfaces.RSAKey;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import okio.Buffer;
import okio.ByteString;
import org.jspecify.annotations.Nullable;

/**
 * {@code private_key_jwt} client authentication (<a
 * href="https://datatracker.ietf.org/doc/html/rfc7523#section-2.2">RFC 7523 §2.2</a>, <a
 * href="https://openid.net/specs/openid-connect-core-1_0.html#ClientAuthentication">OpenID Connect
 * Core §9</a>): every token request carries {@code client_id}, {@code
 * client_assertion_type=urn:ietf:params:oauth:client-assertion-type:jwt-bearer} and a new {@code
 * client_assertion}, a JWT signed with the client's private key. Its claims are {@code iss} and
 * {@code sub} (the client id), {@code aud} (the token endpoint URL unless {@link Builder#audience}
 * says otherwise), {@code jti} (random), {@code iat} and {@code exp} (read from the manager's
 * {@link Clock}). No client secret is sent.
 *
 * <pre>{@code
 * TokenEndpoint endpoint = new TokenEndpoint.Builder()
 *     .url("https://auth.example.com/oauth2/token")
 *     .clientId(clientId)
 *     .clientAuthentication(ClientAuthentication.privateKeyJwt(privateKey, "key-2026-01"))
 *     .build();
 * }</pre>
 *
 * <p>An RSA key signs RS256; an EC key signs ES256, ES384 or ES512 according to its curve. The
 * assertion is a secret: it never appears in a message, an event or {@link #toString()}.
 */
public final class PrivateKeyJwt implements ClientAuthentication {
  /** The {@code client_assertion_type} of a JWT (RFC 7523 §2.2). */
  public static final String JWT_BEARER_ASSERTION_TYPE =
      "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

  private static final Charset UTF_8 = Charset.forName("UTF-8");

  private final PrivateKey key;
  private final @Nullable String keyId;
  private final @Nullable String audience;
  private final long lifetimeSeconds;
  private final String algorithm;
  private final String jcaAlgorithm;

  /** The length of R and of S in a JWS ECDSA signature, or 0 for RSA. */
  private final int ecdsaPartLength;

  PrivateKeyJwt(Builder builder, String algorithm, String jcaAlgorithm, int ecdsaPartLength) {
    this.key = builder.key;
    this.keyId = builder.keyId;
    this.audience = builder.audience;
    this.lifetimeSeconds = builder.lifetimeSeconds;
    this.algorithm = algorithm;
    this.jcaAlgorithm = jcaAlgorithm;
    this.ecdsaPartLength = ecdsaPartLength;
  }

  /** Returns the JWS algorithm assertions are signed with: RS256, ES256, ES384 or ES512. */
  public String algorithm() {
    return algorithm;
  }

  /** Returns the {@code kid} of the assertions' header, or null if they name no key. */
  public @Nullable String keyId() {
    return keyId;
  }

  @Override
  public void authenticate(TokenRequest request) throws IOException {
    String clientId = request.endpoint().clientId();
    String assertion = assertion(clientId, request.endpoint().url().toString(), request);
    request
        .addField("client_id", clientId)
        .addField("client_assertion_type", JWT_BEARER_ASSERTION_TYPE)
        .addSecretField("client_assertion", assertion);
  }

  private String assertion(String clientId, String tokenUrl, TokenRequest request)
      throws TokenRequestException {
    long issuedAt = request.currentTimeMillis() / 1000L;
    Buffer header = new Buffer();
    Buffer claims = new Buffer();
    try (JsonWriter writer = JsonWriter.of(header)) {
      writer.beginObject().name("alg").value(algorithm).name("typ").value("JWT");
      if (keyId != null) writer.name("kid").value(keyId);
      writer.endObject();
    } catch (IOException e) {
      throw new AssertionError(e); // A Buffer does not fail.
    }
    try (JsonWriter writer = JsonWriter.of(claims)) {
      writer
          .beginObject()
          .name("iss")
          .value(clientId)
          .name("sub")
          .value(clientId)
          .name("aud")
          .value(audience != null ? audience : tokenUrl)
          .name("jti")
          .value(UUID.randomUUID().toString())
          .name("iat")
          .value(issuedAt)
          .name("exp")
          .value(issuedAt + lifetimeSeconds)
          .endObject();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    String signingInput =
        base64Url(header.readByteString()) + "." + base64Url(claims.readByteString());
    byte[] signature;
    try {
      signature = sign(signingInput.getBytes(UTF_8));
    } catch (GeneralSecurityException e) {
      // The class only: a provider's message may describe the key.
      throw new TokenRequestException(
          "cannot sign the client assertion: " + e.getClass().getName(), e, 0, false);
    }
    return signingInput + "." + base64Url(ByteString.of(signature));
  }

  private byte[] sign(byte[] signingInput) throws GeneralSecurityException {
    Signature signature = Signature.getInstance(jcaAlgorithm);
    signature.initSign(key);
    signature.update(signingInput);
    byte[] result = signature.sign();
    return ecdsaPartLength > 0 ? concatenatedSignature(result, ecdsaPartLength) : result;
  }

  /** Encodes as base64url without padding (RFC 7515 §2). */
  static String base64Url(ByteString bytes) {
    String padded = bytes.base64Url();
    int end = padded.length();
    while (end > 0 && padded.charAt(end - 1) == '=') end--;
    return padded.substring(0, end);
  }

  /**
   * Converts a DER-encoded ECDSA signature, {@code SEQUENCE { INTEGER r, INTEGER s }} as Java
   * signs, to the fixed-length {@code R || S} that JWS requires (RFC 7518 §3.4).
   *
   * @param partLength the length of R and of S: the byte length of the curve's order.
   */
  static byte[] concatenatedSignature(byte[] der, int partLength) throws SignatureException {
    int[] at = {0};
    if (readByte(der, at) != 0x30) throw new SignatureException("not a DER ECDSA signature");
    int sequenceLength = readLength(der, at);
    if (at[0] + sequenceLength != der.length) {
      throw new SignatureException("not a DER ECDSA signature");
    }
    byte[] result = new byte[2 * partLength];
    readInteger(der, at, result, 0, partLength);
    readInteger(der, at, result, partLength, partLength);
    if (at[0] != der.length) throw new SignatureException("not a DER ECDSA signature");
    return result;
  }

  private static void readInteger(byte[] der, int[] at, byte[] out, int offset, int partLength)
      throws SignatureException {
    if (readByte(der, at) != 0x02) throw new SignatureException("not a DER ECDSA signature");
    int length = readLength(der, at);
    if (length == 0 || at[0] + length > der.length) {
      throw new SignatureException("not a DER ECDSA signature");
    }
    int start = at[0];
    int end = start + length;
    at[0] = end;
    while (start < end - 1 && der[start] == 0) start++; // The sign byte and any leading zeros.
    int significant = end - start;
    if (significant > partLength) throw new SignatureException("ECDSA signature part too long");
    System.arraycopy(der, start, out, offset + partLength - significant, significant);
  }

  private static int readLength(byte[] der, int[] at) throws SignatureException {
    int first = readByte(der, at);
    if (first < 0x80) return first;
    if (first == 0x81) {
      int length = readByte(der, at);
      if (length < 0x80) throw new SignatureException("not a DER ECDSA signature");
      return length;
    }
    throw new SignatureException("not a DER ECDSA signature");
  }

  private static int readByte(byte[] der, int[] at) throws SignatureException {
    if (at[0] >= der.length) throw new SignatureException("not a DER ECDSA signature");
    return der[at[0]++] & 0xff;
  }

  /** Shows the algorithm and key id: never the key nor an assertion. */
  @Override
  public String toString() {
    return "PrivateKeyJwt{"
        + algorithm
        + (keyId != null ? ", keyId=" + keyId : "")
        + (audience != null ? ", audience=" + audience : "")
        + "}";
  }

  /** Builds a {@link PrivateKeyJwt}. */
  public static final class Builder {
    final PrivateKey key;
    @Nullable String keyId;
    @Nullable String audience;
    long lifetimeSeconds = 60L;

    /**
     * Creates a builder for assertions signed with {@code key}: an RSA key of at least 2048 bits,
     * or an EC key on P-256, P-384 or P-521.
     */
    public Builder(PrivateKey key) {
      this.key = Objects.requireNonNull(key, "key == null");
    }

    /** Sets the {@code kid} header the server finds the public key by; null sends none. */
    public Builder keyId(@Nullable String keyId) {
      if (keyId != null && keyId.isEmpty()) throw new IllegalArgumentException("keyId is empty");
      this.keyId = keyId;
      return this;
    }

    /**
     * Sets the {@code aud} claim, for a server that expects its issuer identifier rather than the
     * token endpoint URL; null for the token endpoint URL, the default.
     */
    public Builder audience(@Nullable String audience) {
      if (audience != null && audience.isEmpty()) {
        throw new IllegalArgumentException("audience is empty");
      }
      this.audience = audience;
      return this;
    }

    /**
     * Sets how long each assertion is valid after it is made, in whole seconds, at least 1.
     * Defaults to 60 seconds.
     */
    public Builder lifetime(long duration, TimeUnit unit) {
      Objects.requireNonNull(unit, "unit == null");
      long seconds = unit.toSeconds(duration);
      if (seconds < 1) throw new IllegalArgumentException("lifetime < 1 second: " + duration);
      this.lifetimeSeconds = seconds;
      return this;
    }

    /**
     * Returns the client authentication.
     *
     * @throws IllegalArgumentException if the key is neither an RSA key of at least 2048 bits nor
     *     an EC key on P-256, P-384 or P-521, or this runtime cannot sign with it.
     */
    public PrivateKeyJwt build() {
      String keyAlgorithm = key.getAlgorithm();
      String algorithm;
      String jcaAlgorithm;
      int partLength = 0;
      if ("RSA".equals(keyAlgorithm)) {
        if (key instanceof RSAKey && ((RSAKey) key).getModulus().bitLength() < 2048) {
          throw new IllegalArgumentException(
              "RSA key of "
                  + ((RSAKey) key).getModulus().bitLength()
                  + " bits; RS256 requires at least 2048");
        }
        algorithm = "RS256";
        jcaAlgorithm = "SHA256withRSA";
      } else if ("EC".equals(keyAlgorithm) && key instanceof ECKey) {
        int fieldSize = ((ECKey) key).getParams().getCurve().getField().getFieldSize();
        switch (fieldSize) {
          case 256:
            algorithm = "ES256";
            jcaAlgorithm = "SHA256withECDSA";
            partLength = 32;
            break;
          case 384:
            algorithm = "ES384";
            jcaAlgorithm = "SHA384withECDSA";
            partLength = 48;
            break;
          case 521:
            algorithm = "ES512";
            jcaAlgorithm = "SHA512withECDSA";
            partLength = 66;
            break;
          default:
            throw new IllegalArgumentException(
                "EC key on a " + fieldSize + "-bit curve; expected P-256, P-384 or P-521");
        }
      } else {
        throw new IllegalArgumentException(
            "unsupported key: " + keyAlgorithm + "; expected an RSA or EC private key");
      }
      try {
        Signature.getInstance(jcaAlgorithm).initSign(key);
      } catch (NoSuchAlgorithmException | InvalidKeyException e) {
        throw new IllegalArgumentException("cannot sign " + algorithm + " with this key", e);
      }
      return new PrivateKeyJwt(this, algorithm, jcaAlgorithm, partLength);
    }
  }
}
