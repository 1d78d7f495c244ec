/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.learnamp;

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
 * The fault matrix through {@link LearnAmp}: token endpoint and API on one MockWebServer, told
 * apart by path. Each test asserts what the caller of {@link LearnAmp#execute} gets and exactly how
 * many requests each endpoint saw, and records its row; the table in docs/reliability.md must
 * match.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class LearnAmpFaultMatrixTest {
  private static final FaultMatrix MATRIX = new FaultMatrix("learnamp");
  private static final String RECOVERED = "recovered";
  private static final String UNAUTHORIZED = "{\"error\":\"Unauthorized\"}";

  private final FaultMatrixServer harness = new FaultMatrixServer(MATRIX);
  private final MockWebServer server = harness.server;
  private final Script token = harness.token;
  private final Script api = harness.api;
  private final TestClock clock = harness.clock;
  private final RecordingTokenListener listener = harness.listener;
  private LearnAmp learnAmp;

  @BeforeEach
  void setUp() throws IOException {
    harness.start("/oauth/token");
    learnAmp = build(FaultMatrixServer.client());
  }

  private LearnAmp build(OkHttpClient client) {
    return Fixtures.learnAmp(server, clock).client(client).tokenListener(listener).build();
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
    assertThat(learnAmp.execute(learnAmp.api().user(1)).id).isEqualTo(1L);
    return RECOVERED;
  }

  private static MockResponse user() {
    return Fixtures.json(200, Fixtures.read("user.json"));
  }

  private static MockResponse tokenJson(String json) {
    return Fixtures.json(200, json);
  }

  private static MockResponse status(int code) {
    return Fixtures.json(code, "{}");
  }

  @Test
  void tokenEndpointNeverAnswers() throws Exception {
    learnAmp = build(FaultMatrixServer.timingOutClient());
    token.forever(request -> FaultMatrixServer.noResponse());

    String outcome = outcome(this::call);

    assertThat(outcome)
        .isEqualTo("TokenRequestException: no response (SocketTimeoutException), transient");
    harness.record("token endpoint never answers (read timeout)", outcome, 3, 0);
  }

  @Test
  void tokenEndpointDisconnectsMidBody() throws Exception {
    token.then(FaultMatrixServer.disconnectedMidBody(Fixtures.token("A")));
    token.then(Fixtures.token("A"));
    api.forever(request -> user());

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
    token.then(status(503)).then(status(503)).then(Fixtures.token("A"));
    api.forever(request -> user());

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
    token.then(status(429).setHeader("Retry-After", "2")).then(Fixtures.token("A"));
    api.forever(request -> user());

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
    api.forever(request -> user());

    assertThat(outcome(this::call)).isEqualTo(RECOVERED);
    clock.sleep(TimeUnit.DAYS.toMillis(1));
    assertThat(outcome(this::call)).isEqualTo(RECOVERED);
    assertThat(learnAmp.tokens().token().hasExpiry()).isFalse();
    harness.record(
        "token endpoint 200, expires_in missing",
        "recovered (token used until a 401, here a day later)",
        1,
        2);
  }

  @Test
  void tokenResponseWithExpiresInAsAString() throws Exception {
    token.then(
        tokenJson("{\"access_token\":\"A\",\"token_type\":\"Bearer\",\"expires_in\":\"7200\"}"));
    api.forever(request -> user());

    assertThat(outcome(this::call)).isEqualTo(RECOVERED);
    assertThat(learnAmp.tokens().token().expiresAtMillis())
        .isEqualTo(TestClock.START_MILLIS + TimeUnit.SECONDS.toMillis(7200));
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
    token.then(Fixtures.token("A")).then(Fixtures.token("B"));
    api.then(Fixtures.json(401, UNAUTHORIZED)).forever(request -> user());

    assertThat(outcome(this::call)).isEqualTo(RECOVERED);
    assertThat(api.authorizations()).containsExactly("Bearer A", "Bearer B");
    harness.record(
        "API 401 with the current token", "recovered (new token, call retried once)", 2, 2);
  }

  @Test
  void apiRefusesAnOldToken() throws Exception {
    token.then(Fixtures.token("A")).then(Fixtures.token("B"));
    api.then(
            request -> {
              learnAmp.tokens().refresh("A"); // Meanwhile another call had A refused and renewed.
              return Fixtures.json(401, UNAUTHORIZED);
            })
        .forever(request -> user());

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
    token.then(Fixtures.token("A")).then(Fixtures.token("B"));
    api.forever(request -> Fixtures.json(401, UNAUTHORIZED));

    String outcome = outcome(this::call);

    assertThat(outcome).isEqualTo("LearnAmpException: HTTP 401");
    harness.record("API 401 forever", outcome + " (after one renewal)", 2, 2);
  }

  @Test
  void apiForbids() throws Exception {
    token.then(Fixtures.token("A"));
    api.forever(
        request ->
            Fixtures.json(403, "{\"error\":\"You are not authorized to access this page.\"}"));

    String outcome = outcome(this::call);

    assertThat(outcome).isEqualTo("LearnAmpException: HTTP 403");
    harness.record("API 403", outcome + ", nothing renewed", 1, 1);
  }

  @Test
  void refreshTokenRowsDoNotApply() throws Exception {
    token.then(Fixtures.token("A"));

    assertThat(learnAmp.tokens().token().refreshToken()).isNull();
    assertThat(learnAmp.tokens().grant().type()).isEqualTo("client_credentials");
    assertThat(token.count()).isEqualTo(1);
    String why = "client credentials only, no refresh token";
    MATRIX.notApplicable("refresh token revoked, no password to fall back on", why);
    MATRIX.notApplicable("refresh token revoked, password grant to fall back on", why);
  }

  @Test
  void clientRevokedMidRun() throws Exception {
    token
        .then(Fixtures.token("A"))
        .forever(
            request ->
                Fixtures.json(
                    401,
                    "{\"error\":\"invalid_client\",\"error_description\":\"Client authentication"
                        + " failed due to unknown client.\"}"));
    api.then(user()).forever(request -> Fixtures.json(401, UNAUTHORIZED));

    assertThat(outcome(this::call)).isEqualTo(RECOVERED);
    String outcome = outcome(this::call);

    assertThat(outcome).isEqualTo("TokenRequestException: invalid_client, HTTP 401");
    harness.record("client revoked (invalid_client) mid-run", outcome, 2, 2);
  }

  @Test
  void clockJumpsForwardAnHour() throws Exception {
    token.then(Fixtures.token("A")).then(Fixtures.token("B"));
    api.forever(request -> user());

    assertThat(outcome(this::call)).isEqualTo(RECOVERED);
    clock.sleep(TimeUnit.HOURS.toMillis(1));
    assertThat(outcome(this::call)).isEqualTo(RECOVERED);

    assertThat(api.authorizations()).containsExactly("Bearer A", "Bearer A");
    harness.record(
        "clock jumps forward 1 h",
        "recovered (the 2-hour token is still fresh: no token request)",
        1,
        2);
  }
}
