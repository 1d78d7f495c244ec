/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.core;

import static dev.oauthkit.core.TestServer.json;
import static dev.oauthkit.core.TestServer.take;
import static dev.oauthkit.core.TestServer.token;
import static dev.oauthkit.core.TokenRequestWireTest.formFields;
import static dev.oauthkit.core.TokenRequestWireTest.jsonObject;
import static dev.oauthkit.core.TokenResponseParsingTest.tokenFailure;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.SignatureException;
import java.security.spec.ECGenParameterSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code private_key_jwt} on the wire (RFC 7523 §2.2, OpenID Connect Core §9): the form fields, the
 * JWT's header and claims, and a signature that verifies with the public key.
 */
final class PrivateKeyJwtTest {
  private static final String JWT_BEARER = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

  private static KeyPair rsa;
  private static KeyPair ec256;

  private final MockWebServer server = new MockWebServer();
  private final TestClock clock = new TestClock();
  private final RecordingTokenListener listener = new RecordingTokenListener();

  @BeforeAll
  static void generateKeys() throws GeneralSecurityException {
    KeyPairGenerator rsaGenerator = KeyPairGenerator.getInstance("RSA");
    rsaGenerator.initialize(2048);
    rsa = rsaGenerator.generateKeyPair();
    ec256 = ecKeyPair("secp256r1");
  }

  @BeforeEach
  void setUp() throws Exception {
    server.start();
  }

  @AfterEach
  void tearDown() throws Exception {
    server.shutdown();
  }

  @Test
  void rs256AssertionOnTheWire() throws Exception {
    server.enqueue(token("at-1", 3600));
    TokenEndpoint endpoint =
        endpointBuilder()
            .clientAuthentication(ClientAuthentication.privateKeyJwt(rsa.getPrivate(), "rsa-1"))
            .build();

    assertThat(manager(endpoint).token().value()).isEqualTo("at-1");

    RecordedRequest request = take(server);
    assertThat(request.getHeader("Authorization")).isNull();
    assertThat(request.getHeader("Content-Type")).isEqualTo("application/x-www-form-urlencoded");
    Map<String, String> fields = formFields(request.getBody().readUtf8());
    assertThat(fields.keySet())
        .containsExactly("grant_type", "client_id", "client_assertion_type", "client_assertion");
    assertThat(fields)
        .contains(
            entry("grant_type", "client_credentials"),
            entry("client_id", TestServer.CLIENT_ID),
            entry("client_assertion_type", JWT_BEARER));

    Jwt jwt = Jwt.parse(fields.get("client_assertion"));
    assertThat(jwt.header)
        .containsOnly(entry("alg", "RS256"), entry("typ", "JWT"), entry("kid", "rsa-1"));
    long iat = TestClock.START_MILLIS / 1000L;
    assertThat(jwt.claims)
        .containsOnlyKeys("iss", "sub", "aud", "jti", "iat", "exp")
        .contains(
            entry("iss", TestServer.CLIENT_ID),
            entry("sub", TestServer.CLIENT_ID),
            entry("aud", server.url("/oauth/token").toString()),
            entry("iat", (double) iat),
            entry("exp", (double) (iat + 60)));
    assertThat((String) jwt.claims.get("jti")).isNotEmpty();
    assertThat(jwt.verifies("SHA256withRSA", rsa.getPublic())).isTrue();
    // Some other key does not verify it.
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    assertThat(jwt.verifies("SHA256withRSA", generator.generateKeyPair().getPublic())).isFalse();
  }

  @Test
  void es256SignatureIsRawRAndSNotDer() throws Exception {
    server.enqueue(token("at-1", 3600));
    TokenEndpoint endpoint =
        endpointBuilder()
            .clientAuthentication(ClientAuthentication.privateKeyJwt(ec256.getPrivate(), null))
            .build();

    manager(endpoint).token();

    Jwt jwt = Jwt.parse(formFields(take(server).getBody().readUtf8()).get("client_assertion"));
    assertThat(jwt.header).containsOnly(entry("alg", "ES256"), entry("typ", "JWT"));
    assertThat(jwt.signature).hasSize(64);
    // The JDK's P1363 format is R || S, as JWS (RFC 7518 §3.4) requires.
    assertThat(jwt.verifies("SHA256withECDSAinP1363Format", ec256.getPublic())).isTrue();
  }

  @ParameterizedTest
  @CsvSource({
    "secp256r1, ES256, SHA256withECDSAinP1363Format, 64",
    "secp384r1, ES384, SHA384withECDSAinP1363Format, 96",
    "secp521r1, ES512, SHA512withECDSAinP1363Format, 132"
  })
  void everyEcCurveSignsItsAlgorithm(
      String curve, String algorithm, String verifyAlgorithm, int signatureLength)
      throws Exception {
    KeyPair keys = ecKeyPair(curve);
    PrivateKeyJwt authentication = new PrivateKeyJwt.Builder(keys.getPrivate()).build();
    assertThat(authentication.algorithm()).isEqualTo(algorithm);
    // Several signatures, so that a short R or S turns up now and then; the DER test below covers
    // those cases every time.
    for (int i = 0; i < 16; i++) {
      server.enqueue(token("at-" + i, 3600));
      TokenManager tokens = manager(endpointBuilder().clientAuthentication(authentication).build());
      tokens.token();

      Jwt jwt = Jwt.parse(formFields(take(server).getBody().readUtf8()).get("client_assertion"));
      assertThat(jwt.header.get("alg")).isEqualTo(algorithm);
      assertThat(jwt.signature).hasSize(signatureLength);
      assertThat(jwt.verifies(verifyAlgorithm, keys.getPublic())).isTrue();
    }
  }

  @Test
  void derToConcatenatedHandlesSignBytesShortIntegersAndLongLengths() throws Exception {
    byte[] r = new byte[66];
    byte[] s = new byte[66];
    Arrays.fill(r, (byte) 0x80); // Needs a sign byte in DER.
    s[0] = 0;
    s[1] = 0;
    Arrays.fill(s, 2, 66, (byte) 0x11); // Two leading zero bytes dropped in DER.
    byte[] der = der(r, s);
    assertThat(der[1] & 0xff).isEqualTo(0x81); // A long-form length, as P-521 signatures have.

    byte[] concatenated = PrivateKeyJwt.concatenatedSignature(der, 66);

    assertThat(Arrays.copyOfRange(concatenated, 0, 66)).isEqualTo(r);
    assertThat(Arrays.copyOfRange(concatenated, 66, 132)).isEqualTo(s);
  }

  @Test
  void malformedDerIsRefused() throws Exception {
    byte[] valid = der(new byte[] {1, 2}, new byte[] {3, 4});
    assertThat(PrivateKeyJwt.concatenatedSignature(valid, 2)).containsExactly(1, 2, 3, 4);

    byte[][] malformed = {
      {},
      {0x31, 0x00},
      Arrays.copyOf(valid, valid.length - 1),
      Arrays.copyOf(valid, valid.length + 1),
      {0x30, 0x03, 0x02, 0x01}
    };
    for (byte[] der : malformed) {
      assertThatThrownBy(() -> PrivateKeyJwt.concatenatedSignature(der, 2))
          .isInstanceOf(SignatureException.class);
    }
    // An integer longer than the curve's order allows.
    assertThatThrownBy(
            () -> PrivateKeyJwt.concatenatedSignature(der(new byte[] {1, 2, 3}, new byte[] {4}), 2))
        .isInstanceOf(SignatureException.class);
  }

  @Test
  void everyRequestCarriesANewAssertionTimedByTheManagersClock() throws Exception {
    server.enqueue(token("at-1", 3600));
    server.enqueue(token("at-2", 3600));
    TokenManager tokens =
        manager(
            endpointBuilder()
                .clientAuthentication(ClientAuthentication.privateKeyJwt(rsa.getPrivate(), "k"))
                .build());

    tokens.token();
    clock.advance(2, TimeUnit.HOURS);
    assertThat(tokens.token().value()).isEqualTo("at-2");

    Jwt first = Jwt.parse(formFields(take(server).getBody().readUtf8()).get("client_assertion"));
    Jwt second = Jwt.parse(formFields(take(server).getBody().readUtf8()).get("client_assertion"));
    assertThat(second.claims.get("jti")).isNotEqualTo(first.claims.get("jti"));
    assertThat((Double) second.claims.get("iat") - (Double) first.claims.get("iat"))
        .isEqualTo(7200.0);
  }

  @Test
  void audienceAndLifetimeCanBeSet() throws Exception {
    server.enqueue(token("at-1", 3600));
    PrivateKeyJwt authentication =
        new PrivateKeyJwt.Builder(rsa.getPrivate())
            .keyId("k")
            .audience("https://issuer.example.com")
            .lifetime(5, TimeUnit.MINUTES)
            .build();

    manager(endpointBuilder().clientAuthentication(authentication).build()).token();

    Jwt jwt = Jwt.parse(formFields(take(server).getBody().readUtf8()).get("client_assertion"));
    assertThat(jwt.claims.get("aud")).isEqualTo("https://issuer.example.com");
    assertThat((Double) jwt.claims.get("exp") - (Double) jwt.claims.get("iat")).isEqualTo(300.0);
    assertThat(authentication.keyId()).isEqualTo("k");
  }

  @Test
  void noClientSecretIsNeededNorSent() throws Exception {
    server.enqueue(token("at-1", 3600));
    TokenEndpoint withSecret =
        TestServer.endpoint(server)
            .clientAuthentication(ClientAuthentication.privateKeyJwt(rsa.getPrivate(), "k"))
            .build();

    manager(withSecret).token();

    String body = take(server).getBody().readUtf8();
    assertThat(formFields(body)).doesNotContainKey("client_secret");
    assertThat(body).doesNotContain(TestServer.CLIENT_SECRET);
    // And the Basic methods still require one.
    assertThatThrownBy(
            () -> endpointBuilder().clientAuthentication(ClientAuthentication.BASIC).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("BASIC client authentication requires a clientSecret.");
  }

  @Test
  void renamedAndOmittedClientIdFieldIsHonoured() throws Exception {
    server.enqueue(token("at-1", 3600));
    server.enqueue(token("at-2", 3600));
    ClientAuthentication authentication = ClientAuthentication.privateKeyJwt(rsa.getPrivate(), "k");

    manager(
            endpointBuilder()
                .clientAuthentication(authentication)
                .requestField("client_id", "clientId")
                .build())
        .token();
    manager(
            endpointBuilder()
                .clientAuthentication(authentication)
                .omitRequestField("client_id")
                .build())
        .token();

    assertThat(formFields(take(server).getBody().readUtf8()).keySet())
        .containsExactly("grant_type", "clientId", "client_assertion_type", "client_assertion");
    assertThat(formFields(take(server).getBody().readUtf8()).keySet())
        .containsExactly("grant_type", "client_assertion_type", "client_assertion");
  }

  @Test
  void echoedAssertionIsRedactedEverywhere() throws Exception {
    List<String> assertions = new ArrayList<>();
    server.setDispatcher(
        new okhttp3.mockwebserver.Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            String body = request.getBody().readUtf8();
            String assertion;
            try {
              assertion = formFields(body).get("client_assertion");
            } catch (Exception e) {
              throw new AssertionError(e);
            }
            synchronized (assertions) {
              assertions.add(assertion);
            }
            return json(
                401,
                "{\"error\":\"invalid_client\",\"error_description\":\"bad assertion "
                    + assertion
                    + "\",\"client_assertion\":\""
                    + assertion
                    + "\",\"request\":\""
                    + body
                    + "\"}");
          }
        });
    TokenManager tokens =
        manager(
            endpointBuilder()
                .clientAuthentication(ClientAuthentication.privateKeyJwt(rsa.getPrivate(), "k"))
                .build());

    TokenRequestException e = tokenFailure(tokens);

    assertThat(e.error()).isEqualTo("invalid_client");
    assertThat(assertions).hasSize(1);
    String assertion = assertions.get(0);
    String[] parts = assertion.split("\\.");
    List<String> texts = new ArrayList<>();
    texts.add(e.getMessage());
    texts.add(e.toString());
    texts.add(String.valueOf(e.errorDescription()));
    texts.add(String.valueOf(e.errorBody()));
    texts.add(String.valueOf(e.bodyExcerpt()));
    texts.add(listener.events().toString());
    texts.add(tokens.toString());
    for (String text : texts) assertThat(text).doesNotContain(assertion, parts[2]);
    assertThat(e.errorDescription()).isEqualTo("bad assertion ██");
  }

  @Test
  void toStringNamesTheAlgorithmAndKeyIdOnly() {
    ClientAuthentication authentication = ClientAuthentication.privateKeyJwt(rsa.getPrivate(), "k");
    TokenEndpoint endpoint = endpointBuilder().clientAuthentication(authentication).build();

    assertThat(authentication.toString()).isEqualTo("PrivateKeyJwt{RS256, keyId=k}");
    assertThat(endpoint.toString()).contains("clientAuthentication=PrivateKeyJwt{RS256, keyId=k}");
    assertThat(new PrivateKeyJwt.Builder(ec256.getPrivate()).audience("https://a").build())
        .hasToString("PrivateKeyJwt{ES256, audience=https://a}");
  }

  @Test
  void unsuitableKeysAreRefusedAtBuildTime() throws Exception {
    KeyPairGenerator weak = KeyPairGenerator.getInstance("RSA");
    weak.initialize(1024);
    assertThatThrownBy(() -> new PrivateKeyJwt.Builder(weak.generateKeyPair().getPrivate()).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("RSA key of 1024 bits; RS256 requires at least 2048");

    KeyPairGenerator dsa = KeyPairGenerator.getInstance("DSA");
    dsa.initialize(2048);
    assertThatThrownBy(() -> new PrivateKeyJwt.Builder(dsa.generateKeyPair().getPrivate()).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unsupported key: DSA; expected an RSA or EC private key");

    KeyPair ed25519 = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    assertThatThrownBy(() -> new PrivateKeyJwt.Builder(ed25519.getPrivate()).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unsupported key: EdDSA; expected an RSA or EC private key");
  }

  @Test
  void builderRefusesBadSettings() {
    PrivateKeyJwt.Builder builder = new PrivateKeyJwt.Builder(rsa.getPrivate());
    assertThatThrownBy(() -> builder.keyId("")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> builder.audience("")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> builder.lifetime(999, TimeUnit.MILLISECONDS))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("lifetime < 1 second: 999");
    assertThatThrownBy(() -> new PrivateKeyJwt.Builder(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("key == null");
  }

  private TokenEndpoint.Builder endpointBuilder() {
    return new TokenEndpoint.Builder()
        .url(server.url("/oauth/token"))
        .clientId(TestServer.CLIENT_ID);
  }

  private TokenManager manager(TokenEndpoint endpoint) {
    return new TokenManager.Builder(endpoint, Grant.clientCredentials())
        .addApiBaseUrl(server.url("/"))
        .clock(clock)
        .listener(listener)
        .maxAttempts(1)
        .refreshExecutor(new ManualExecutor())
        .build();
  }

  private static KeyPair ecKeyPair(String curve) throws GeneralSecurityException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec(curve), new SecureRandom());
    return generator.generateKeyPair();
  }

  /** DER-encodes {@code SEQUENCE { INTEGER r, INTEGER s }} with BigInteger's minimal encoding. */
  private static byte[] der(byte[] r, byte[] s) {
    byte[] rInteger = new BigInteger(1, r).toByteArray();
    byte[] sInteger = new BigInteger(1, s).toByteArray();
    int contentLength = 2 + rInteger.length + 2 + sInteger.length;
    okio.Buffer buffer = new okio.Buffer().writeByte(0x30);
    if (contentLength >= 0x80) buffer.writeByte(0x81);
    buffer.writeByte(contentLength);
    buffer.writeByte(0x02).writeByte(rInteger.length).write(rInteger);
    buffer.writeByte(0x02).writeByte(sInteger.length).write(sInteger);
    return buffer.readByteArray();
  }

  /** A compact JWS, decoded independently of the code under test. */
  static final class Jwt {
    final String signingInput;
    final Map<String, Object> header;
    final Map<String, Object> claims;
    final byte[] signature;

    private Jwt(
        String signingInput,
        Map<String, Object> header,
        Map<String, Object> claims,
        byte[] signature) {
      this.signingInput = signingInput;
      this.header = header;
      this.claims = claims;
      this.signature = signature;
    }

    static Jwt parse(String jwt) throws Exception {
      assertThat(jwt).doesNotContain("=", "+", "/");
      String[] parts = jwt.split("\\.", -1);
      assertThat(parts).hasSize(3);
      Base64.Decoder decoder = Base64.getUrlDecoder();
      return new Jwt(
          parts[0] + "." + parts[1],
          jsonObject(new String(decoder.decode(parts[0]), StandardCharsets.UTF_8)),
          jsonObject(new String(decoder.decode(parts[1]), StandardCharsets.UTF_8)),
          decoder.decode(parts[2]));
    }

    boolean verifies(String algorithm, PublicKey key) throws GeneralSecurityException {
      Signature verifier = Signature.getInstance(algorithm);
      verifier.initVerify(key);
      verifier.update(signingInput.getBytes(StandardCharsets.US_ASCII));
      return verifier.verify(signature);
    }
  }
}
