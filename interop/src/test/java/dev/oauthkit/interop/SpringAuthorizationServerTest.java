/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import dev.oauthkit.core.AccessToken;
import dev.oauthkit.core.ClientAuthentication;
import dev.oauthkit.core.Grant;
import dev.oauthkit.core.TokenEndpoint;
import dev.oauthkit.core.TokenManager;
import dev.oauthkit.core.TokenRequestException;
import java.io.IOException;
import java.text.ParseException;
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

  /** The whole application: Boot's auto-configuration, no component scanning. */
  @SpringBootConfiguration(proxyBeanMethods = false)
  @EnableAutoConfiguration
  static class AuthorizationServerApplication {}

  private static ConfigurableApplicationContext context;
  private static HttpUrl tokenUrl;

  private final RecordingTokenListener listener = new RecordingTokenListener();
  private final OkHttpClient client = new OkHttpClient();

  @BeforeAll
  static void startServer() {
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
                REGISTRATION + "authorization-grant-types=client_credentials",
                REGISTRATION + "scopes=read,write")
            .run();
    String port = context.getEnvironment().getRequiredProperty("local.server.port");
    tokenUrl = HttpUrl.get("http://127.0.0.1:" + port + "/oauth2/token");
  }

  @AfterAll
  static void stopServer() {
    if (context != null) context.close();
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
}
