/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.amadeus;

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
 * The fault matrix through {@link Amadeus}: token endpoint and API on one MockWebServer, told apart
 * by path. Each test asserts what the caller of {@link Amadeus#execute} gets and exactly how many
 * requests each endpoint saw, and records its row; the table in docs/reliability.md must match.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class AmadeusFaultMatrixTest {
  private static final FaultMatrix MATRIX = new FaultMatrix("amadeus");
  private static final String RECOVERED = "recovered";
  private static final String TOKEN_EXPIRED =
      "{\"errors\":[{\"code\":38192,\"title\":\"Access token expired\",\"status\":401}]}";

  private final FaultMatrixServer harness = new FaultMatrixServer(MATRIX);
  private final MockWebServer server = harness.server;
  private final Script token = harness.token;
  private final Script api = harness.api;
  private final TestClock clock = harness.clock;
  private final RecordingTokenListener listener = harness.listener;
  private Amadeus amadeus;

  @BeforeEach
  void setUp() throws IOException {
    harness.start("/" + AmadeusAuth.TOKEN_PATH);
    amadeus = build(FaultMatrixServer.client());
  }

  private Amadeus build(OkHttpClient client) {
    return Fixtures.amadeus(server, clock).client(client).tokenListener(listener).build();
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
    assertThat(amadeus.execute(amadeus.api().airlines("BA")).data).isNotEmpty();
    return RECOVERED;
  }

  private static MockResponse airlines() throws IOException {
    return Fixtures.amadeus(200, Fixtures.read("airlines.json"));
  }

  private static MockResponse tokenJson(String json) {
    return Fixtures.response(200, "application/json", json);
  }

  private static MockResponse status(int code) {
    return Fixtures.response(code, "application/json", "{}");
  }

  @Test
  void tokenEndpointNeverAnswers() throws Exception {
    amadeus = build(FaultMatrixServer.timingOutClient());
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
    api.forever(request -> airlines());

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
    api.forever(request -> airlines());

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
    api.forever(request -> airlines());

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
    token.forever(request -> tokenJson("{\"type\":\"amadeusOAuth2Token\",\"access_token\":\"A"));

    String outcome = outcome(this::call);

    assertThat(outcome).isEqualTo("TokenRequestException: HTTP 200");
    harness.record("token endpoint 200 with truncated JSON", outcome, 1, 0);
  }

  @Test
  void tokenResponseWithoutExpiresIn() throws Exception {
    token.then(tokenJson("{\"access_token\":\"A\",\"token_type\":\"Bearer\"}"));
    api.forever(request -> airlines());

    assertThat(outcome(this::call)).isEqualTo(RECOVERED);
    clock.sleep(TimeUnit.DAYS.toMillis(1));
    assertThat(outcome(this::call)).isEqualTo(RECOVERED);
    assertThat(amadeus.tokens().token().hasExpiry()).isFalse();
    harness.record(
        "token endpoint 200, expires_in missing",
        "recovered (token used until a 401, here a day later)",
        1,
        2);
  }

  @Test
  void tokenResponseWithExpiresInAsAString() throws Exception {
    token.then(
        tokenJson("{\"access_token\":\"A\",\"token_type\":\"Bearer\",\"expires_in\":\"1799\"}"));
    api.forever(request -> airlines());

    assertThat(outcome(this::call)).isEqualTo(RECOVERED);
    assertThat(amadeus.tokens().token().expiresAtMillis())
        .isEqualTo(TestClock.START_MILLIS + TimeUnit.SECONDS.toMillis(1799));
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
    api.then(Fixtures.amadeus(401, TOKEN_EXPIRED)).forever(request -> airlines());

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
              amadeus.tokens().refresh("A"); // Meanwhile another call had A refused and renewed.
              return Fixtures.amadeus(401, TOKEN_EXPIRED);
            })
        .forever(request -> airlines());

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
    api.forever(request -> Fixtures.amadeus(401, TOKEN_EXPIRED));

    String outcome = outcome(this::call);

    assertThat(outcome).isEqualTo("AmadeusException: HTTP 401");
    harness.record("API 401 forever", outcome + " (after one renewal)", 2, 2);
  }

  @Test
  void apiForbids() throws Exception {
    token.then(Fixtures.token("A"));
    api.forever(
        request ->
            Fixtures.amadeus(
                403, "{\"errors\":[{\"status\":403,\"code\":38197,\"title\":\"Forbidden\"}]}"));

    String outcome = outcome(this::call);

    assertThat(outcome).isEqualTo("AmadeusException: HTTP 403");
    harness.record("API 403", outcome + ", nothing renewed", 1, 1);
  }

  @Test
  void refreshTokenRowsDoNotApply() throws Exception {
    token.then(Fixtures.token("A"));

    assertThat(amadeus.tokens().token().refreshToken()).isNull();
    assertThat(amadeus.tokens().grant().type()).isEqualTo("client_credentials");
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
                Fixtures.response(
                    401, "application/json", Fixtures.read("token-error-invalid-client.json")));
    api.then(airlines()).forever(request -> Fixtures.amadeus(401, TOKEN_EXPIRED));

    assertThat(outcome(this::call)).isEqualTo(RECOVERED);
    String outcome = outcome(this::call);

    assertThat(outcome).isEqualTo("TokenRequestException: invalid_client, HTTP 401");
    harness.record("client revoked (invalid_client) mid-run", outcome, 2, 2);
  }

  @Test
  void clockJumpsForwardAnHour() throws Exception {
    token.then(Fixtures.token("A")).then(Fixtures.token("B"));
    api.forever(request -> airlines());

    assertThat(outcome(this::call)).isEqualTo(RECOVERED);
    clock.sleep(TimeUnit.HOURS.toMillis(1));
    assertThat(outcome(this::call)).isEqualTo(RECOVERED);

    assertThat(api.authorizations()).containsExactly("Bearer A", "Bearer B");
    harness.record(
        "clock jumps forward 1 h",
        "recovered (the 30-min token was replaced before the call)",
        2,
        2);
  }
}
