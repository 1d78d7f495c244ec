/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.samples.dadi;

import static dev.oauthkit.samples.dadi.Fixtures.ACCESS_TOKEN;
import static dev.oauthkit.samples.dadi.Fixtures.API_0005;
import static dev.oauthkit.samples.dadi.Fixtures.CLIENT_ID;
import static dev.oauthkit.samples.dadi.Fixtures.COLLECTIONS;
import static dev.oauthkit.samples.dadi.Fixtures.INVALID_TOKEN;
import static dev.oauthkit.samples.dadi.Fixtures.SECOND_TOKEN;
import static dev.oauthkit.samples.dadi.Fixtures.SECRET;
import static dev.oauthkit.samples.dadi.Fixtures.dadi;
import static dev.oauthkit.samples.dadi.Fixtures.json;
import static dev.oauthkit.samples.dadi.Fixtures.take;
import static dev.oauthkit.samples.dadi.Fixtures.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oauthkit.core.AccessToken;
import dev.oauthkit.core.TokenRequestException;
import dev.oauthkit.samples.dadi.model.CollectionList;
import dev.oauthkit.samples.sandbox.GenericSandbox;
import dev.oauthkit.sandbox.Sandbox;
import dev.oauthkit.testing.TestClock;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The token request on the wire, the token response, and when a 401 renews the token. */
class DadiAuthTest {
  private final TestClock clock = new TestClock();
  private MockWebServer server;

  @BeforeEach
  void setUp() throws IOException {
    server = new MockWebServer();
    server.start();
  }

  @AfterEach
  void tearDown() throws IOException {
    server.shutdown();
  }

  @Test
  void tokenRequestIsTheJsonOfSeed003() throws Exception {
    server.enqueue(token(ACCESS_TOKEN));
    Dadi dadi = dadi(server, clock).clientSecret("superSecret").build();

    dadi.tokens().token();

    RecordedRequest request = take(server);
    assertThat(request.getMethod()).isEqualTo("POST");
    assertThat(request.getPath()).isEqualTo("/token");
    // One of the two content types DADI API v6 parses as JSON (it compares them exactly).
    assertThat(request.getHeader("Content-Type")).isEqualTo("application/json; charset=utf-8");
    assertThat(request.getHeader("Authorization")).isNull();
    assertThat(request.getBody().readUtf8())
        .isEqualTo("{\"clientId\":\"testClient\",\"secret\":\"superSecret\"}");
  }

  @Test
  void secretIsJsonEscapedAndOnlyInTheBody() throws Exception {
    server.enqueue(token(ACCESS_TOKEN));
    Dadi dadi = dadi(server, clock).build();

    dadi.tokens().token();

    RecordedRequest request = take(server);
    assertThat(request.getBody().readUtf8())
        .isEqualTo("{\"clientId\":\"testClient\",\"secret\":\"superSecret-canary+%:&\\\"\"}");
    assertThat(request.getRequestUrl().querySize()).isZero();
    assertThat(request.getHeaders().toString()).doesNotContain("superSecret");
  }

  @Test
  void tokenResponseIsReadFromItsCamelCaseFields() throws Exception {
    server.enqueue(token(ACCESS_TOKEN));
    Dadi dadi = dadi(server, clock).build();

    AccessToken token = dadi.tokens().token();

    assertThat(token.value()).isEqualTo(ACCESS_TOKEN);
    assertThat(token.tokenType()).isEqualTo("Bearer");
    assertThat(token.expiresAtMillis())
        .isEqualTo(TestClock.START_MILLIS + TimeUnit.SECONDS.toMillis(1800));
    assertThat(token.refreshToken()).isNull();
    assertThat(token.toString()).doesNotContain(ACCESS_TOKEN);
  }

  @Test
  void v4TokenResponseWithPermissionsIsAccepted() throws Exception {
    server.enqueue(
        json(
            200,
            "{\"accessToken\":\"eyJhbGciOiJIUzI1NiJ9.e30.sig\",\"tokenType\":\"Bearer\","
                + "\"expiresIn\":1800,\"permissions\":{\"resources\":{},\"roles\":[\"admin\"]}}"));
    Dadi dadi = dadi(server, clock).build();

    AccessToken token = dadi.tokens().token();

    assertThat(token.value()).isEqualTo("eyJhbGciOiJIUzI1NiJ9.e30.sig");
    assertThat(token.expiresAtMillis())
        .isEqualTo(TestClock.START_MILLIS + TimeUnit.SECONDS.toMillis(1800));
  }

  @Test
  void tokenEndpointAndApiAreBelowABaseUrlWithAPath() throws Exception {
    server.enqueue(token(ACCESS_TOKEN));
    server.enqueue(json(200, COLLECTIONS));
    Dadi dadi = dadi(server, clock).baseUrl(server.url("/dadi/")).build();

    dadi.execute(dadi.api().collections());

    assertThat(dadi.baseUrl()).isEqualTo(server.url("/dadi/"));
    assertThat(take(server).getPath()).isEqualTo("/dadi/token");
    assertThat(take(server).getPath()).isEqualTo("/dadi/api/collections");
  }

  @Test
  void wrongCredentialsFailWithTheChallengesReasonAndAreNotRetried() throws Exception {
    server.enqueue(Fixtures.invalidCredentials());
    Dadi dadi = dadi(server, clock).build();

    Throwable thrown = catchIo(() -> dadi.execute(dadi.api().collections()));

    assertThat(thrown).isInstanceOf(TokenRequestException.class);
    TokenRequestException e = (TokenRequestException) thrown;
    assertThat(e.code()).isEqualTo(401);
    assertThat(e.error()).isEqualTo("invalid_credentials");
    assertThat(e.errorDescription()).isEqualTo("Invalid credentials supplied");
    assertThat(e.isTransient()).isFalse();
    assertThat(e.getMessage())
        .startsWith("invalid_credentials: Invalid credentials supplied")
        .doesNotContain("superSecret");
    assertThat(server.getRequestCount()).isEqualTo(1); // No API call, no second token request.
  }

  @Test
  void renewsOnceOnAv3InvalidTokenChallenge() throws Exception {
    server.enqueue(token(ACCESS_TOKEN));
    server.enqueue(json(401, "{\"statusCode\":401}").setHeader("WWW-Authenticate", INVALID_TOKEN));
    server.enqueue(token(SECOND_TOKEN));
    server.enqueue(json(200, COLLECTIONS));
    Dadi dadi = dadi(server, clock).build();

    CollectionList list = dadi.execute(dadi.api().collections());

    assertThat(list.collections).hasSize(1);
    assertRenewedOnce();
  }

  @Test
  void renewsOnceOnAv4Api0005() throws Exception {
    server.enqueue(token(ACCESS_TOKEN));
    server.enqueue(json(401, API_0005));
    server.enqueue(token(SECOND_TOKEN));
    server.enqueue(json(200, COLLECTIONS));
    Dadi dadi = dadi(server, clock).build();

    CollectionList list = dadi.execute(dadi.api().collections());

    assertThat(list.collections).hasSize(1);
    assertRenewedOnce();
  }

  private void assertRenewedOnce() throws InterruptedException {
    assertThat(take(server).getPath()).isEqualTo("/token");
    assertThat(take(server).getHeader("Authorization")).isEqualTo("Bearer " + ACCESS_TOKEN);
    RecordedRequest renewal = take(server);
    assertThat(renewal.getPath()).isEqualTo("/token");
    assertThat(renewal.getBody().readUtf8()).contains("\"clientId\":\"testClient\"");
    RecordedRequest retry = take(server);
    assertThat(retry.getPath()).isEqualTo("/api/collections");
    assertThat(retry.getHeader("Authorization")).isEqualTo("Bearer " + SECOND_TOKEN);
    assertThat(server.getRequestCount()).isEqualTo(4);
  }

  @Test
  void givesUpWhenTheRenewedTokenIsRefusedToo() throws Exception {
    server.enqueue(token(ACCESS_TOKEN));
    server.enqueue(json(401, "{\"statusCode\":401}").setHeader("WWW-Authenticate", INVALID_TOKEN));
    server.enqueue(token(SECOND_TOKEN));
    server.enqueue(json(401, "{\"statusCode\":401}").setHeader("WWW-Authenticate", INVALID_TOKEN));
    Dadi dadi = dadi(server, clock).build();

    Throwable thrown = catchIo(() -> dadi.execute(dadi.api().collections()));

    assertThat(thrown).isInstanceOf(DadiException.class);
    DadiException e = (DadiException) thrown;
    assertThat(e.code()).isEqualTo(401);
    assertThat(e.error()).isEqualTo("invalid_token");
    assertThat(e.errorDescription()).isEqualTo("Invalid or expired access token");
    assertThat(e.getMessage()).isEqualTo("HTTP 401 invalid_token: Invalid or expired access token");
    assertThat(server.getRequestCount()).isEqualTo(4);
  }

  @Test
  void noTokenChallengeIsNotRenewed() throws Exception {
    server.enqueue(token(ACCESS_TOKEN));
    server.enqueue(
        json(401, "{\"statusCode\":401}")
            .setHeader("WWW-Authenticate", "Bearer, error=\"no_token\""));
    Dadi dadi = dadi(server, clock).build();

    Throwable thrown = catchIo(() -> dadi.execute(dadi.api().collections()));

    assertThat(thrown).isInstanceOf(DadiException.class);
    assertThat(((DadiException) thrown).error()).isEqualTo("no_token");
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @ParameterizedTest
  @EnumSource(GenericSandbox.Version.class)
  void renewsARevokedTokenOnTheSandbox(GenericSandbox.Version version) throws Exception {
    try (GenericSandbox sandbox = new GenericSandbox(1, TimeUnit.HOURS, version)) {
      sandbox.start();
      Dadi dadi =
          Dadi.builder()
              .baseUrl(sandbox.baseUrl())
              .clientId(Sandbox.CLIENT_ID)
              .clientSecret(Sandbox.CLIENT_SECRET)
              .build();
      dadi.execute(dadi.api().collections());

      sandbox.tokens.revokeAccessToken(dadi.tokens().token().value());
      CollectionList list = dadi.execute(dadi.api().collections());

      assertThat(list.collections).extracting(c -> c.name).containsExactly("Books", "Authors");
      assertThat(sandbox.tokens.issuedCount()).isEqualTo(2);
    }
  }

  @Test
  void builderRequiresBaseUrlAndCredentials() {
    assertThatThrownBy(() -> Dadi.builder().clientId(CLIENT_ID).clientSecret(SECRET).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("baseUrl required.");
    assertThatThrownBy(() -> Dadi.builder().baseUrl(server.url("/")).clientSecret(SECRET).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("clientId required.");
    assertThatThrownBy(() -> Dadi.builder().baseUrl(server.url("/")).clientId(CLIENT_ID).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("clientSecret required.");
  }

  @Test
  void plainHttpIsRefusedUnlessTheHostIsLoopbackAndTheSlashIsRequired() {
    assertThatThrownBy(() -> Dadi.builder().baseUrl("http://api.example.com/"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Dadi.builder().baseUrl("https://api.example.com/v1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must end in /");
    Dadi dadi =
        Dadi.builder()
            .baseUrl("https://api.example.com/v1/")
            .clientId(CLIENT_ID)
            .clientSecret(SECRET)
            .build();
    assertThat(dadi.baseUrl().toString()).isEqualTo("https://api.example.com/v1/");
  }

  @Test
  void toStringHasNoSecret() {
    Dadi dadi = dadi(server, clock).build();

    assertThat(dadi.toString())
        .isEqualTo("Dadi{baseUrl=" + server.url("/").redact() + ", Grant{client_credentials}}")
        .doesNotContain(SECRET);
  }

  interface IoCall {
    void run() throws IOException;
  }

  static Throwable catchIo(IoCall call) {
    try {
      call.run();
    } catch (IOException e) {
      return e;
    }
    throw new AssertionError("no IOException");
  }
}
