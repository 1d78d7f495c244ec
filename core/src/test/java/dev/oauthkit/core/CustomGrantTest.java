/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.core;

import static dev.oauthkit.core.TestServer.take;
import static dev.oauthkit.core.TestServer.token;
import static dev.oauthkit.core.TokenRequestWireTest.formFields;
import static dev.oauthkit.core.TokenResponseParsingTest.tokenFailure;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link Grant#of}: grants beyond RFC 6749, such as RFC 7523's JWT bearer and RFC 8693's. */
final class CustomGrantTest {
  private static final String JWT_BEARER = "urn:ietf:params:oauth:grant-type:jwt-bearer";
  private static final String TOKEN_EXCHANGE = "urn:ietf:params:oauth:grant-type:token-exchange";
  private static final String ASSERTION =
      "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.assertion-canary";
  private static final String SUBJECT_TOKEN = "subject-canary-token";

  private final MockWebServer server = new MockWebServer();
  private final TestClock clock = new TestClock();

  @BeforeEach
  void setUp() throws Exception {
    server.start();
  }

  @AfterEach
  void tearDown() throws Exception {
    server.shutdown();
  }

  @Test
  void jwtBearerGrantOnTheWire() throws Exception {
    server.enqueue(token("at-1", 3600));
    Grant grant = Grant.of(JWT_BEARER, Collections.singletonMap("assertion", ASSERTION));

    assertThat(manager(TestServer.endpoint(server).build(), grant).token().value())
        .isEqualTo("at-1");

    RecordedRequest request = take(server);
    assertThat(request.getHeader("Authorization")).startsWith("Basic ");
    assertThat(request.getBody().readUtf8())
        .isEqualTo(
            "grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Ajwt-bearer&assertion="
                + ASSERTION);
  }

  @Test
  void tokenExchangeParametersAreSentInOrderAfterTheClientCredentials() throws Exception {
    server.enqueue(token("at-1", 3600));
    Map<String, String> parameters = new LinkedHashMap<>();
    parameters.put("subject_token", SUBJECT_TOKEN);
    parameters.put("subject_token_type", "urn:ietf:params:oauth:token-type:access_token");
    parameters.put("audience", "https://api.example.com");
    TokenEndpoint endpoint =
        TestServer.endpoint(server)
            .clientAuthentication(ClientAuthentication.REQUEST_BODY)
            .addParameter("resource", "https://api.example.com/v1")
            .build();

    manager(endpoint, Grant.of(TOKEN_EXCHANGE, parameters)).token();

    assertThat(formFields(take(server).getBody().readUtf8()))
        .containsExactly(
            entry("grant_type", TOKEN_EXCHANGE),
            entry("client_id", TestServer.CLIENT_ID),
            entry("client_secret", TestServer.CLIENT_SECRET),
            entry("subject_token", SUBJECT_TOKEN),
            entry("subject_token_type", "urn:ietf:params:oauth:token-type:access_token"),
            entry("audience", "https://api.example.com"),
            entry("resource", "https://api.example.com/v1"));
  }

  @Test
  void parametersAreCopiedAndUnmodifiable() {
    Map<String, String> parameters = new HashMap<>();
    parameters.put("assertion", ASSERTION);
    Grant grant = Grant.of(JWT_BEARER, parameters);
    parameters.put("assertion", "changed");

    assertThat(grant.type()).isEqualTo(JWT_BEARER);
    assertThat(grant.parameters()).containsExactly(entry("assertion", ASSERTION));
    assertThatThrownBy(() -> grant.parameters().put("x", "y"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThat(Grant.of("urn:example:no-parameters", Collections.emptyMap()).parameters())
        .isEmpty();
  }

  @Test
  void invalidTypesAndParametersAreRefused() {
    Map<String, String> none = Collections.emptyMap();
    assertThatThrownBy(() -> Grant.of("", none))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("type is empty");
    assertThatThrownBy(() -> Grant.of("client_credentials", none))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("use Grant.clientCredentials() for client_credentials");
    assertThatThrownBy(() -> Grant.of("password", none))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("use Grant.password() for password");
    assertThatThrownBy(() -> Grant.of("refresh_token", none))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("use Grant.refreshToken() for refresh_token");
    for (String reserved :
        new String[] {
          "grant_type", "client_id", "client_secret", "client_assertion", "client_assertion_type"
        }) {
      assertThatThrownBy(() -> Grant.of(JWT_BEARER, Collections.singletonMap(reserved, "x")))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("a grant's parameters cannot set " + reserved);
    }
    assertThatThrownBy(() -> Grant.of(JWT_BEARER, Collections.singletonMap("", "x")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("parameter name is empty");
    Map<String, String> nullName = new HashMap<>();
    nullName.put(null, "x");
    assertThatThrownBy(() -> Grant.of(JWT_BEARER, nullName))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("parameter name == null");
    Map<String, String> nullValue = new HashMap<>();
    nullValue.put("assertion", null);
    assertThatThrownBy(() -> Grant.of(JWT_BEARER, nullValue))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("value of assertion == null");
  }

  @Test
  void toStringShowsTheTypeOnly() {
    Grant grant = Grant.of(JWT_BEARER, Collections.singletonMap("assertion", ASSERTION));
    TokenManager tokens = manager(TestServer.endpoint(server).build(), grant);

    assertThat(grant).hasToString("Grant{" + JWT_BEARER + "}");
    assertThat(tokens.toString()).doesNotContain(ASSERTION).contains(JWT_BEARER);
  }

  @Test
  void echoedParametersAreRedacted() {
    server.enqueue(
        new MockResponse()
            .setResponseCode(400)
            .setHeader("Content-Type", "application/json")
            .setBody(
                "{\"error\":\"invalid_grant\",\"error_description\":\"expired: "
                    + SUBJECT_TOKEN
                    + "\",\"assertion\":\""
                    + ASSERTION
                    + "\"}"));
    Map<String, String> parameters = new LinkedHashMap<>();
    parameters.put("subject_token", SUBJECT_TOKEN);
    parameters.put("assertion", ASSERTION);

    TokenRequestException e =
        tokenFailure(
            manager(TestServer.endpoint(server).build(), Grant.of(TOKEN_EXCHANGE, parameters)));

    assertThat(e.error()).isEqualTo("invalid_grant");
    assertThat(e.errorDescription()).isEqualTo("expired: ██");
    assertThat(e.errorBody()).containsEntry("assertion", "██");
    assertThat(e.getMessage()).doesNotContain(SUBJECT_TOKEN, ASSERTION);
  }

  @Test
  void storeKeysSeparateParameterSetsAndShowNoParameter() {
    TokenEndpoint endpoint = TestServer.endpoint(server).build();
    Map<String, String> aliceThenScope = new LinkedHashMap<>();
    aliceThenScope.put("assertion", "alice-assertion");
    aliceThenScope.put("scope", "read");
    Map<String, String> scopeThenAlice = new LinkedHashMap<>();
    scopeThenAlice.put("scope", "read");
    scopeThenAlice.put("assertion", "alice-assertion");
    // The same characters, split differently between name and value.
    Map<String, String> shifted = new LinkedHashMap<>();
    shifted.put("assertio", "nalice-assertion");
    shifted.put("scope", "read");

    String alice = manager(endpoint, Grant.of(JWT_BEARER, aliceThenScope)).storeKey();
    String aliceReordered = manager(endpoint, Grant.of(JWT_BEARER, scopeThenAlice)).storeKey();
    String bob =
        manager(endpoint, Grant.of(JWT_BEARER, Collections.singletonMap("assertion", "bob")))
            .storeKey();
    String none = manager(endpoint, Grant.of(JWT_BEARER, Collections.emptyMap())).storeKey();
    String shiftedKey = manager(endpoint, Grant.of(JWT_BEARER, shifted)).storeKey();
    String otherType = manager(endpoint, Grant.of(TOKEN_EXCHANGE, aliceThenScope)).storeKey();

    assertThat(alice).isEqualTo(aliceReordered).startsWith("oauthkit:").doesNotContain("alice");
    assertThat(new String[] {bob, none, shiftedKey, otherType})
        .doesNotContain(alice)
        .doesNotHaveDuplicates();
  }

  @Test
  void aRefreshTokenItBringsIsUsedAndItsRefusalFallsBackToTheGrant() throws Exception {
    server.enqueue(TestServer.token("at-1", 3600, "rt-1"));
    server.enqueue(
        TestServer.json(400, "{\"error\":\"invalid_grant\",\"error_description\":\"revoked\"}"));
    server.enqueue(token("at-2", 3600));
    TokenManager tokens =
        manager(
            TestServer.endpoint(server).build(),
            Grant.of(JWT_BEARER, Collections.singletonMap("assertion", ASSERTION)));

    tokens.token();
    clock.advance(2, java.util.concurrent.TimeUnit.HOURS);
    assertThat(tokens.token().value()).isEqualTo("at-2");

    assertThat(take(server).getBody().readUtf8()).contains("jwt-bearer");
    assertThat(take(server).getBody().readUtf8())
        .isEqualTo("grant_type=refresh_token&refresh_token=rt-1");
    assertThat(take(server).getBody().readUtf8()).contains("jwt-bearer&assertion=" + ASSERTION);
  }

  private TokenManager manager(TokenEndpoint endpoint, Grant grant) {
    return new TokenManager.Builder(endpoint, grant)
        .addApiBaseUrl(server.url("/"))
        .clock(clock)
        .maxAttempts(1)
        .refreshExecutor(new ManualExecutor())
        .build();
  }
}
