/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.bindeo;

import static dev.oauthkit.testing.FaultMatrix.outcome;
import static org.assertj.core.api.Assertions.assertThat;

import dev.oauthkit.testing.FaultMatrix;
import dev.oauthkit.testing.FaultMatrixServer;
import dev.oauthkit.testing.RecordingTokenListener;
import dev.oauthkit.testing.Script;
import dev.oauthkit.testing.TestClock;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The fault matrix through {@link Bindeo}: token endpoint and API on one MockWebServer, told apart
 * by path. Each test asserts what the caller of {@link Bindeo#execute} gets and exactly how many
 * requests each endpoint saw, and records its row; the table in docs/reliability.md must match.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class BindeoFaultMatrixTest {
  private static final FaultMatrix MATRIX = new FaultMatrix("bindeo");
  private static final String RECOVERED = "recovered";

  private final FaultMatrixServer harness = new FaultMatrixServer(MATRIX);
  private final MockWebServer server = harness.server;
  private final Script token = harness.token;
  private final Script api = harness.api;
  private final TestClock clock = harness.clock;
  private final RecordingTokenListener listener = harness.listener;
  private Bindeo bindeo;

  @BeforeEach
  void setUp() throws IOException {
    harness.start("/access_token");
    bindeo = build(BindeoServer.builder(server, clock));
  }

  private Bindeo build(Bindeo.Builder builder) {
    return build(builder, FaultMatrixServer.client());
  }

  private Bindeo build(Bindeo.Builder builder, OkHttpClient client) {
    return builder.client(client).tokenListener(listener).build();
  }

  @AfterEach
  void tearDown() throws IOException {
    harness.shutdown();
  }

  @AfterAll
  static void matrixMatchesTheDocument() throws IOException {
    MATRIX.verifyDocument();
  }

  private String call() throws IOException {
    assertThat(bindeo.execute(bindeo.api().accountTypes("en_US")).data).isNotEmpty();
    return RECOVERED;
  }

  private static MockResponse accountTypes() throws IOException {
    return BindeoServer.fixture("account-types.json");
  }

  private static MockResponse tokenJson(String json) {
    return BindeoServer.json(200, json);
  }

  private static MockResponse status(int code) {
    return BindeoServer.json(code, "{}");
  }

  @Test
  void tokenEndpointNeverAnswers() throws Exception {
    bindeo = build(BindeoServer.builder(server, clock), FaultMatrixServer.timingOutClient());
    token.forever(request -> FaultMatrixServer.noResponse());

    String outcome = outcome(this::call);

    assertThat(outcome)
        .isEqualTo("TokenRequestException: no response (SocketTimeoutException), transient");
    harness.record("token endpoint never answers (read timeout)", outcome, 3, 0);
  }

  @Test
  void tokenEndpointDisconnectsMidBody() throws Exception {
    token.then(FaultMatrixServer.disconnectedMidBody(BindeoServer.token("A")));
    token.then(BindeoServer.token("A"));
    api.forever(request -> accountTypes());

    assertThat(outcome(this::call)).isEqualTo(RECOVERED);
    assertThat(listener.count("retry")).isEqualTo(1);
    harness.record(
        "token endpoint disconnects mid-body, then answers", "recovered (1 retry)", 2, 1);
  }

  @Test
  void tokenEndpointAnswersAnHtmlPage() throws Exception {
    token.forever(request -> FaultMatrixServer.badGatewayPage());

    String outcome = outcome(this::call);

    assertThat(outcome).isEqualTo("TokenRequestException: HTTP 502, transient");
    harness.record("token endpoint 502 HTML page", outcome, 3, 0);
  }

  @Test
  void tokenEndpointUnavailableTwice() throws Exception {
    token.then(status(503)).then(status(503)).then(BindeoServer.token("A"));
    api.forever(request -> accountTypes());

    assertThat(outcome(this::call)).isEqualTo(RECOVERED);
    assertThat(listener.count("retry")).isEqualTo(2);
    harness.record("token endpoint 503 ×2, then 200", "recovered (2 retries)", 3, 1);
  }

  @Test
  void tokenEndpointUnavailableForever() throws Exception {
    token.forever(request -> status(503));

    String outcome = outcome(this::call);

    assertThat(outcome).isEqualTo("TokenRequestException: HTTP 503, transient");
    harness.record("token endpoint 503 forever", outcome, 3, 0);
  }

  @Test
  void tokenEndpointRateLimits() throws Exception {
    token.then(status(429).setHeader("Retry-After", "2")).then(BindeoServer.token("A"));
    api.forever(request -> accountTypes());

    assertThat(outcome(this::call)).isEqualTo(RECOVERED);
    assertThat(listener.events()).contains("retry client_credentials attempt=2 delay=2000");
    harness.record(
        "token endpoint 429 with Retry-After, then 200",
        "recovered (waited the Retry-After 2 s)",
        2,
        1);
  }

  @Test
  void tokenResponseTruncated() throws Exception {
    token.forever(request -> tokenJson("{\"access_token\":\"A\",\"token_type\":\"Bea"));

    String outcome = outcome(this::call);

    assertThat(outcome).isEqualTo("TokenRequestException: HTTP 200");
    harness.record("token endpoint 200 with truncated JSON", outcome, 1, 0);
  }

  @Test
  void tokenResponseWithoutExpiresIn() throws Exception {
    token.then(tokenJson("{\"access_token\":\"A\",\"token_type\":\"Bearer\"}"));
    api.forever(request -> accountTypes());

    assertThat(outcome(this::call)).isEqualTo(RECOVERED);
    clock.sleep(TimeUnit.DAYS.toMillis(1));
    assertThat(outcome(this::call)).isEqualTo(RECOVERED);
    assertThat(bindeo.tokens().token().hasExpiry()).isFalse();
    harness.record(
        "token endpoint 200, expires_in missing",
        "recovered (token used until a 401, here a day later)",
        1,
        2);
  }

  @Test
  void tokenResponseWithExpiresInAsAString() throws Exception {
    token.then(
        tokenJson("{\"access_token\":\"A\",\"token_type\":\"Bearer\",\"expires_in\":\"3600\"}"));
    api.forever(request -> accountTypes());

    long start = clock.currentTimeMillis();
    assertThat(outcome(this::call)).isEqualTo(RECOVERED);
    assertThat(bindeo.tokens().token().expiresAtMillis())
        .isEqualTo(start + TimeUnit.SECONDS.toMillis(3600));
    harness.record(
        "token endpoint 200, expires_in a string", "recovered (string read as seconds)", 1, 1);
  }

  @Test
  void tokenResponseWithExpiresInZero() throws Exception {
    token.forever(
        request ->
            tokenJson("{\"access_token\":\"A\",\"token_type\":\"Bearer\",\"expires_in\":0}"));

    String outcome = outcome(this::call);

    assertThat(outcome).isEqualTo("TokenRequestException: HTTP 200");
    harness.record("token endpoint 200, expires_in 0", outcome + " (not positive)", 1, 0);
  }

  @Test
  void apiRefusesTheCurrentToken() throws Exception {
    token.then(BindeoServer.token("A")).then(BindeoServer.token("B"));
    api.then(BindeoServer.accessDenied()).forever(request -> accountTypes());

    assertThat(outcome(this::call)).isEqualTo(RECOVERED);
    assertThat(api.authorizations()).containsExactly("Bearer A", "Bearer B");
    harness.record(
        "API 401 with the current token", "recovered (new token, call retried once)", 2, 2);
  }

  @Test
  void apiRefusesAnOldToken() throws Exception {
    token.then(BindeoServer.token("A")).then(BindeoServer.token("B"));
    api.then(
            request -> {
              bindeo.tokens().refresh("A"); // Meanwhile another call had A refused and renewed.
              return BindeoServer.accessDenied();
            })
        .forever(request -> accountTypes());

    assertThat(outcome(this::call)).isEqualTo(RECOVERED);
    assertThat(api.authorizations()).containsExactly("Bearer A", "Bearer B");
    harness.record(
        "API 401 with an old token",
        "recovered (another call had renewed it: retried with its token)",
        2,
        2);
  }

  @Test
  void apiRefusesEveryToken() throws Exception {
    token.then(BindeoServer.token("A")).then(BindeoServer.token("B"));
    api.forever(request -> BindeoServer.accessDenied());

    String outcome = outcome(this::call);

    assertThat(outcome).isEqualTo("BindeoException: HTTP 401");
    harness.record("API 401 forever", outcome + " (after one renewal)", 2, 2);
  }

  @Test
  void apiForbids() throws Exception {
    token.then(BindeoServer.token("A"));
    api.forever(
        request ->
            BindeoServer.json(
                403, "{\"error\":{\"code\":403,\"message\":\"Storage space full\"}}"));

    String outcome = outcome(this::call);

    assertThat(outcome).isEqualTo("BindeoException: HTTP 403");
    harness.record("API 403", outcome + ", nothing renewed", 1, 1);
  }

  @Test
  void refreshTokenRevokedWithoutFallback() throws Exception {
    token
        .then(BindeoServer.token("A", "R1"))
        .then(BindeoServer.refreshTokenInvalid("Token has been revoked"));
    api.forever(request -> accountTypes());

    bindeo = bindeo.signIn(BindeoServer.USERNAME, BindeoServer.PASSWORD);
    assertThat(outcome(this::call)).isEqualTo(RECOVERED);
    clock.sleep(TimeUnit.HOURS.toMillis(1));
    String outcome = outcome(this::call);

    assertThat(outcome).isEqualTo("SignInRequiredException: invalid_request, HTTP 400");
    assertThat(listener.events())
        .filteredOn(e -> e.startsWith("start"))
        .containsExactly("start password", "start refresh_token");
    harness.record("refresh token revoked, no password to fall back on", outcome, 2, 1);
  }

  @Test
  void refreshTokenRevokedWithPasswordFallback() throws Exception {
    bindeo =
        build(
            BindeoServer.builder(server, clock)
                .password(BindeoServer.USERNAME, BindeoServer.PASSWORD));
    token
        .then(BindeoServer.token("A", "R1"))
        .then(BindeoServer.refreshTokenInvalid("Token has been revoked"))
        .then(BindeoServer.token("B", "R2"));
    api.forever(request -> accountTypes());

    assertThat(outcome(this::call)).isEqualTo(RECOVERED);
    clock.sleep(TimeUnit.HOURS.toMillis(1));
    assertThat(outcome(this::call)).isEqualTo(RECOVERED);

    assertThat(listener.events())
        .filteredOn(e -> e.startsWith("start"))
        .containsExactly("start password", "start refresh_token", "start password");
    assertThat(api.authorizations()).containsExactly("Bearer A", "Bearer B");
    harness.record(
        "refresh token revoked, password grant to fall back on",
        "recovered (password grant once)",
        3,
        2);
  }

  @Test
  void clientRevokedMidRun() throws Exception {
    token
        .then(BindeoServer.token("A"))
        .forever(
            request ->
                BindeoServer.json(
                    401,
                    "{\"error\":\"invalid_client\",\"message\":\"Client authentication"
                        + " failed\"}"));
    api.then(accountTypes()).forever(request -> BindeoServer.accessDenied());

    assertThat(outcome(this::call)).isEqualTo(RECOVERED);
    String outcome = outcome(this::call);

    assertThat(outcome).isEqualTo("TokenRequestException: invalid_client, HTTP 401");
    harness.record("client revoked (invalid_client) mid-run", outcome, 2, 2);
  }

  @Test
  void clockJumpsForwardAnHour() throws Exception {
    token.then(BindeoServer.token("A")).then(BindeoServer.token("B"));
    api.forever(request -> accountTypes());

    assertThat(outcome(this::call)).isEqualTo(RECOVERED);
    clock.sleep(TimeUnit.HOURS.toMillis(1));
    assertThat(outcome(this::call)).isEqualTo(RECOVERED);

    assertThat(api.authorizations()).containsExactly("Bearer A", "Bearer B");
    harness.record(
        "clock jumps forward 1 h", "recovered (expired token replaced before the call)", 2, 2);
  }
}
