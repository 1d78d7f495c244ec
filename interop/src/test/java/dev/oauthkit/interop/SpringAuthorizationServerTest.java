/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import dev.oauthkit.core.AccessToken;
import dev.oauthkit.core.ClientAuthentication;
import dev.oauthkit.core.Grant;
import dev.oauthkit.core.TokenEndpoint;
import dev.oauthkit.core.TokenManager;
import dev.oauthkit.core.TokenRequestException;
import java.io.IOException;
import java.net.InetAddress;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.text.ParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * oauthkit-core against Spring Authorization Server ({@code
 * spring-security-oauth2-authorization-server} 7.1), configured by Spring Boot 4.1's
 * auto-configuration from properties and served by embedded Tomcat on a random loopback port.
 */
final class SpringAuthorizationServerTest {
  private static final String CLIENT_ID = "oauthkit-client";
  private static final String CLIENT_SECRET = "oauthkit-secret";
  private static final String REGISTRATION =
      "spring.security.oauth2.authorizationserver.client.oauthkit.registration.";
  private static final String TOKEN_EXCHANGE = "urn:ietf:params:oauth:grant-type:token-exchange";
  private static final String JWT_CLIENT = "spring.security.oauth2.authorizationserver.client.jwt-";

  /** The whole application: Boot's auto-configuration, no component scanning. */
  @SpringBootConfiguration(proxyBeanMethods = false)
  @EnableAutoConfiguration
  static class AuthorizationServerApplication {}

  /** {@code private_key_jwt} clients, one per signing algorithm, and the keys they sign with. */
  private static final String RSA_CLIENT_ID = "oauthkit-jwt-rs256";

  private static final String EC_CLIENT_ID = "oauthkit-jwt-es256";
  private static final String RSA_KEY_ID = "rsa-2026";
  private static final String EC_KEY_ID = "ec-2026";

  private static ConfigurableApplicationContext context;
  private static HttpUrl tokenUrl;
  private static KeyPair rsaKeys;
  private static KeyPair ecKeys;

  /** Serves the clients' JWK Sets, which the server reads to verify their assertions. */
  private static MockWebServer jwks;

  private final RecordingTokenListener listener = new RecordingTokenListener();
  private final OkHttpClient client = new OkHttpClient();

  @BeforeAll
  static void startServer() throws Exception {
    KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
    rsa.initialize(2048);
    rsaKeys = rsa.generateKeyPair();
    KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
    ec.initialize(new ECGenParameterSpec("secp256r1"));
    ecKeys = ec.generateKeyPair();
    String rsaJwks =
        new JWKSet(new RSAKey.Builder((RSAPublicKey) rsaKeys.getPublic()).keyID(RSA_KEY_ID).build())
            .toString();
    String ecJwks =
        new JWKSet(
                new ECKey.Builder(Curve.P_256, (ECPublicKey) ecKeys.getPublic())
                    .keyID(EC_KEY_ID)
                    .build())
            .toString();
    jwks = new MockWebServer();
    jwks.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            String path = request.getUrl().encodedPath();
            String body = path.equals("/rsa") ? rsaJwks : path.equals("/ec") ? ecJwks : null;
            if (body == null) return new MockResponse.Builder().code(404).build();
            return new MockResponse.Builder()
                .setHeader("Content-Type", "application/jwk-set+json")
                .body(body)
                .build();
          }
        });
    jwks.start(InetAddress.getLoopbackAddress(), 0);

    context =
        new SpringApplicationBuilder(AuthorizationServerApplication.class)
            .web(WebApplicationType.SERVLET)
            .properties(
                "server.address=127.0.0.1",
                "server.port=0",
                "spring.main.banner-mode=off",
                "spring.jmx.enabled=false",
                REGISTRATION + "client-id=" + CLIENT_ID,
                // {noop}: stored in plain text, so the test needs no password encoder set-up
                REGISTRATION + "client-secret={noop}" + CLIENT_SECRET,
                REGISTRATION
                    + "client-authentication-methods=client_secret_basic,client_secret_post",
                REGISTRATION + "authorization-grant-types=client_credentials," + TOKEN_EXCHANGE,
                REGISTRATION + "scopes=read,write",
                // private_key_jwt clients: no secret; the server reads their keys from jwk-set-uri
                JWT_CLIENT + "rsa.registration.client-id=" + RSA_CLIENT_ID,
                JWT_CLIENT + "rsa.registration.client-authentication-methods=private_key_jwt",
                JWT_CLIENT + "rsa.registration.authorization-grant-types=client_credentials",
                JWT_CLIENT + "rsa.registration.scopes=read",
                JWT_CLIENT + "rsa.jwk-set-uri=" + jwks.url("/rsa"),
                JWT_CLIENT + "rsa.token-endpoint-authentication-signing-algorithm=RS256",
                JWT_CLIENT + "ec.registration.client-id=" + EC_CLIENT_ID,
                JWT_CLIENT + "ec.registration.client-authentication-methods=private_key_jwt",
                JWT_CLIENT + "ec.registration.authorization-grant-types=client_credentials",
                JWT_CLIENT + "ec.registration.scopes=read",
                JWT_CLIENT + "ec.jwk-set-uri=" + jwks.url("/ec"),
                JWT_CLIENT + "ec.token-endpoint-authentication-signing-algorithm=ES256")
            .run();
    String port = context.getEnvironment().getRequiredProperty("local.server.port");
    tokenUrl = HttpUrl.get("http://127.0.0.1:" + port + "/oauth2/token");
  }

  @AfterAll
  static void stopServer() throws IOException {
    if (context != null) context.close();
    if (jwks != null) jwks.close();
  }

  @BeforeEach
  void serverIsUp() {
    assertThat(context.isRunning()).isTrue();
  }

  private JWKSet jwks() throws IOException {
    Request request = new Request.Builder().url(tokenUrl.resolve("/oauth2/jwks")).build();
    try (Response response = client.newCall(request).execute()) {
      assertThat(response.code()).isEqualTo(200);
      return JWKSet.parse(response.body().string());
    } catch (ParseException e) {
      throw new AssertionError("not a JWK set", e);
    }
  }

  private static TokenEndpoint.Builder endpoint() {
    return new TokenEndpoint.Builder()
        .url(tokenUrl)
        .clientId(CLIENT_ID)
        .clientSecret(CLIENT_SECRET);
  }

  private TokenManager manager(TokenEndpoint endpoint) {
    return new TokenManager.Builder(endpoint, Grant.clientCredentials())
        .addApiBaseUrl(tokenUrl.newBuilder("/").build())
        .client(client)
        .listener(listener)
        .build();
  }

  @Test
  void clientSecretBasic() throws IOException {
    AccessToken token =
        manager(endpoint().clientAuthentication(ClientAuthentication.BASIC).scope("read").build())
            .token();

    assertThat(token.tokenType()).isEqualTo("Bearer");
    assertThat(token.hasExpiry()).isTrue();
    assertThat(token.scope()).isEqualTo("read");
    JWTClaimsSet claims = Jwts.claims(token.value());
    assertThat(claims.getSubject()).isEqualTo(CLIENT_ID);
    assertThat(Jwts.scopeClaim(token.value())).containsExactly("read");
    // Signed with the key the server publishes.
    assertThat(Jwts.verifiesWith(token.value(), jwks())).isTrue();
    assertThat(listener.events())
        .containsExactly("start client_credentials", "end client_credentials");
  }

  @Test
  void clientSecretPost() throws Exception {
    AccessToken token =
        manager(
                endpoint()
                    .clientAuthentication(ClientAuthentication.REQUEST_BODY)
                    .scope("read write")
                    .build())
            .token();

    assertThat(Jwts.claims(token.value()).getSubject()).isEqualTo(CLIENT_ID);
    assertThat(Jwts.scopeClaim(token.value())).containsExactlyInAnyOrder("read", "write");
    assertThat(listener.tokenRequests()).isEqualTo(1);
  }

  @Test
  void withoutAScopeTheServerGrantsNone() throws Exception {
    AccessToken token = manager(endpoint().build()).token();

    assertThat(Jwts.claims(token.value()).getSubject()).isEqualTo(CLIENT_ID);
    assertThat(token.scope()).isNull();
  }

  @Test
  void invalidSecretIsInvalidClient() {
    for (ClientAuthentication authentication :
        new ClientAuthentication[] {
          ClientAuthentication.BASIC, ClientAuthentication.REQUEST_BODY
        }) {
      TokenManager tokens =
          manager(
              endpoint()
                  .clientAuthentication(authentication)
                  .clientSecret("not-the-secret")
                  .build());

      TokenRequestException e = catchThrowableOfType(TokenRequestException.class, tokens::token);

      assertThat(e.error()).as(authentication.toString()).isEqualTo("invalid_client");
      assertThat(e.code()).isEqualTo(401);
      assertThat(e.isTransient()).isFalse();
      assertThat(e.getMessage()).doesNotContain("not-the-secret");
    }
    // Not retried: one request per attempt.
    assertThat(listener.tokenRequests()).isEqualTo(2);
  }

  @Test
  void unknownScopeIsInvalidScope() {
    TokenManager tokens = manager(endpoint().scope("read admin").build());

    TokenRequestException e = catchThrowableOfType(TokenRequestException.class, tokens::token);

    assertThat(e.error()).isEqualTo("invalid_scope");
    assertThat(e.code()).isEqualTo(400);
    assertThat(e.isTransient()).isFalse();
    assertThat(listener.tokenRequests()).isEqualTo(1);
  }

  @Test
  void privateKeyJwtRs256() throws IOException {
    TokenEndpoint endpoint =
        new TokenEndpoint.Builder()
            .url(tokenUrl)
            .clientId(RSA_CLIENT_ID)
            .clientAuthentication(
                ClientAuthentication.privateKeyJwt(rsaKeys.getPrivate(), RSA_KEY_ID))
            .scope("read")
            .build();

    AccessToken token = manager(endpoint).token();

    assertThat(Jwts.claims(token.value()).getSubject()).isEqualTo(RSA_CLIENT_ID);
    assertThat(Jwts.scopeClaim(token.value())).containsExactly("read");
    assertThat(Jwts.verifiesWith(token.value(), jwks())).isTrue();
    assertThat(listener.events())
        .containsExactly("start client_credentials", "end client_credentials");
    // The server read the client's key from the JWK Set URL.
    assertThat(jwks.getRequestCount()).isPositive();
  }

  @Test
  void privateKeyJwtEs256() throws IOException {
    TokenEndpoint endpoint =
        new TokenEndpoint.Builder()
            .url(tokenUrl)
            .clientId(EC_CLIENT_ID)
            .clientAuthentication(
                ClientAuthentication.privateKeyJwt(ecKeys.getPrivate(), EC_KEY_ID))
            .build();

    AccessToken token = manager(endpoint).token();

    assertThat(Jwts.claims(token.value()).getSubject()).isEqualTo(EC_CLIENT_ID);
    assertThat(Jwts.verifiesWith(token.value(), jwks())).isTrue();
  }

  @Test
  void privateKeyJwtSignedWithAnotherKeyIsInvalidClient() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    // The registered key id, but not the registered key.
    TokenEndpoint endpoint =
        new TokenEndpoint.Builder()
            .url(tokenUrl)
            .clientId(RSA_CLIENT_ID)
            .clientAuthentication(
                ClientAuthentication.privateKeyJwt(
                    generator.generateKeyPair().getPrivate(), RSA_KEY_ID))
            .build();

    TokenRequestException e =
        catchThrowableOfType(TokenRequestException.class, manager(endpoint)::token);

    assertThat(e.error()).isEqualTo("invalid_client");
    assertThat(e.code()).isEqualTo(401);
    assertThat(e.isTransient()).isFalse();
    assertThat(listener.tokenRequests()).isEqualTo(1);
  }

  @Test
  void privateKeyJwtWithTheWrongAlgorithmIsInvalidClient() {
    // The EC client's key signs ES256; this client is registered for RS256.
    TokenEndpoint endpoint =
        new TokenEndpoint.Builder()
            .url(tokenUrl)
            .clientId(RSA_CLIENT_ID)
            .clientAuthentication(
                ClientAuthentication.privateKeyJwt(ecKeys.getPrivate(), EC_KEY_ID))
            .build();

    TokenRequestException e =
        catchThrowableOfType(TokenRequestException.class, manager(endpoint)::token);

    assertThat(e.error()).isEqualTo("invalid_client");
    assertThat(e.code()).isEqualTo(401);
  }

  /**
   * Spring exchanges only tokens of a user's authorization (it needs their principal), which takes
   * a browser sign-in; so this shows that a {@link Grant#of} grant reaches its RFC 8693 handler,
   * which refuses a token it did not issue, and that the refused token stays out of the message.
   * {@code MockOAuth2ServerTest} exchanges a token successfully.
   */
  @Test
  void tokenExchangeOfAnUnknownTokenIsInvalidGrant() {
    String unknown = "not-a-token-this-server-issued";
    Map<String, String> parameters = new LinkedHashMap<>();
    parameters.put("subject_token", unknown);
    parameters.put("subject_token_type", "urn:ietf:params:oauth:token-type:access_token");
    TokenManager exchange =
        new TokenManager.Builder(endpoint().build(), Grant.of(TOKEN_EXCHANGE, parameters))
            .addApiBaseUrl(tokenUrl.newBuilder("/").build())
            .client(client)
            .build();

    TokenRequestException e = catchThrowableOfType(TokenRequestException.class, exchange::token);

    assertThat(e.error()).isEqualTo("invalid_grant");
    assertThat(e.code()).isEqualTo(400);
    assertThat(e.getMessage()).doesNotContain(unknown);
  }
}
