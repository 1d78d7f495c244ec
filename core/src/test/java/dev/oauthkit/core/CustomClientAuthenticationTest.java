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

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A {@link ClientAuthentication} of the app's own puts exactly what it adds on the wire. */
final class CustomClientAuthenticationTest {
  private static final String WORKLOAD_TOKEN = "workload-canary-token";
  private static final String HEADER_CREDENTIALS = "header-canary-credentials";

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
  void fieldsAndHeadersItAddsAreSent() throws Exception {
    server.enqueue(token("at-1", 3600));
    ClientAuthentication federated =
        request ->
            request
                .addField("client_id", request.endpoint().clientId())
                .addField("client_assertion_type", "urn:example:workload")
                .addSecretField("client_assertion", WORKLOAD_TOKEN)
                .header("X-Client-Credentials", "Scheme " + HEADER_CREDENTIALS);
    TokenEndpoint endpoint = endpoint().clientAuthentication(federated).scope("read").build();

    manager(endpoint, Grant.password("alice", "pw")).token();

    RecordedRequest request = take(server);
    assertThat(request.getHeader("X-Client-Credentials")).isEqualTo("Scheme " + HEADER_CREDENTIALS);
    assertThat(request.getHeader("Authorization")).isNull();
    assertThat(formFields(request.getBody().readUtf8()))
        .containsExactly(
            entry("grant_type", "password"),
            entry("client_id", TestServer.CLIENT_ID),
            entry("client_assertion_type", "urn:example:workload"),
            entry("client_assertion", WORKLOAD_TOKEN),
            entry("username", "alice"),
            entry("password", "pw"),
            entry("scope", "read"));
  }

  @Test
  void itSeesTheEndpointTheSecretAndTheManagersClock() throws Exception {
    server.enqueue(token("at-1", 3600));
    AtomicReference<String> seen = new AtomicReference<>();
    ClientAuthentication recording =
        request ->
            seen.set(
                request.endpoint().url()
                    + " "
                    + request.clientSecret()
                    + " "
                    + request.currentTimeMillis()
                    + " "
                    + request);
    TokenEndpoint endpoint =
        endpoint().clientSecret("the-secret").clientAuthentication(recording).build();

    manager(endpoint, Grant.clientCredentials()).token();

    assertThat(seen.get())
        .isEqualTo(
            server.url("/oauth/token")
                + " the-secret "
                + TestClock.START_MILLIS
                + " ClientAuthentication.TokenRequest{"
                + endpoint
                + "}");
    assertThat(formFields(take(server).getBody().readUtf8()))
        .containsExactly(entry("grant_type", "client_credentials"));
  }

  @Test
  void whatItAddsAsSecretIsRedactedFromEchoes() throws Exception {
    server.enqueue(
        new MockResponse()
            .setResponseCode(400)
            .setHeader("Content-Type", "text/plain")
            .setBody(
                "refused: client_assertion="
                    + WORKLOAD_TOKEN
                    + " header=Scheme "
                    + HEADER_CREDENTIALS
                    + " alone="
                    + HEADER_CREDENTIALS
                    + " type=urn:example:workload"));
    ClientAuthentication federated =
        request ->
            request
                .addField("client_assertion_type", "urn:example:workload")
                .addSecretField("client_assertion", WORKLOAD_TOKEN)
                .header("X-Client-Credentials", "Scheme " + HEADER_CREDENTIALS);

    TokenRequestException e =
        tokenFailure(
            manager(endpoint().clientAuthentication(federated).build(), Grant.clientCredentials()));

    assertThat(e.bodyExcerpt())
        .isEqualTo("refused: client_assertion=██ header=██ alone=██ type=urn:example:workload");
  }

  @Test
  void aTokenRequestExceptionItThrowsIsReportedWithoutARequest() {
    TokenRequestException refusal =
        new TokenRequestException("no workload identity", 0, "invalid_client", null, false);
    ClientAuthentication failing =
        request -> {
          throw refusal;
        };

    TokenRequestException e =
        tokenFailure(
            manager(endpoint().clientAuthentication(failing).build(), Grant.clientCredentials()));

    assertThat(e).isSameAs(refusal);
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void anIOExceptionItThrowsIsRetriedAsAConnectionFailure() throws Exception {
    server.enqueue(token("at-1", 3600));
    AtomicInteger calls = new AtomicInteger();
    ClientAuthentication flaky =
        request -> {
          if (calls.incrementAndGet() == 1) throw new IOException("identity agent restarting");
          request.addSecretField("client_assertion", WORKLOAD_TOKEN);
        };
    TokenManager tokens =
        new TokenManager.Builder(
                endpoint().clientAuthentication(flaky).build(), Grant.clientCredentials())
            .addApiBaseUrl(server.url("/"))
            .clock(clock)
            .refreshExecutor(new ManualExecutor())
            .build();

    assertThat(tokens.token().value()).isEqualTo("at-1");

    assertThat(calls.get()).isEqualTo(2);
    assertThat(clock.sleeps).hasSize(1);
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void badHeadersAreRefusedWhenAdded() {
    List<Throwable> failures = new ArrayList<>();
    ClientAuthentication bad =
        request -> {
          try {
            request.header("X-Bad", "line\nbreak");
          } catch (IllegalArgumentException e) {
            failures.add(e);
          }
          try {
            request.addField("", "value");
          } catch (IllegalArgumentException e) {
            failures.add(e);
          }
        };
    server.enqueue(token("at-1", 3600));

    assertThat(
            tokenOrFailure(
                manager(endpoint().clientAuthentication(bad).build(), Grant.clientCredentials())))
        .isEqualTo("at-1");
    assertThat(failures).hasSize(2);
  }

  @Test
  void theSecretMethodsKeepTheirNamesAndRules() {
    assertThat(ClientAuthentication.BASIC).hasToString("BASIC");
    assertThat(ClientAuthentication.BASIC_UNENCODED).hasToString("BASIC_UNENCODED");
    assertThat(ClientAuthentication.REQUEST_BODY).hasToString("REQUEST_BODY");
    assertThatThrownBy(
            () ->
                endpoint()
                    .clientSecret(null)
                    .clientAuthentication(ClientAuthentication.BASIC_UNENCODED)
                    .build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("BASIC_UNENCODED client authentication requires a clientSecret.");
    // A public client, and a method of the app's own, need no secret.
    endpoint().clientSecret(null).clientAuthentication(ClientAuthentication.REQUEST_BODY).build();
    endpoint().clientSecret(null).clientAuthentication(request -> {}).build();
  }

  @Test
  void endpointParametersCannotSetTheAssertion() {
    assertThatThrownBy(() -> endpoint().addParameter("client_assertion", "x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("client_assertion is sent by the client authentication");
    assertThatThrownBy(() -> endpoint().addParameter("client_assertion_type", "x"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static String tokenOrFailure(TokenManager tokens) {
    try {
      return tokens.token().value();
    } catch (IOException e) {
      return e.toString();
    }
  }

  private TokenEndpoint.Builder endpoint() {
    return TestServer.endpoint(server);
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
