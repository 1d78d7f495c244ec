/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.testing;

import static dev.oauthkit.testing.FaultMatrix.outcome;
import static org.assertj.core.api.Assertions.assertThat;

import dev.oauthkit.core.TokenManager;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * The fault matrix through a provider's client, the same rows for every provider: token endpoint
 * and API on one MockWebServer, told apart by path. Each test asserts what the caller of the
 * client's {@code execute} gets and exactly how many requests each endpoint saw, and records its
 * row; the module's table in docs/reliability.md must match. A provider's test extends it with the
 * provider's answers; one that issues refresh tokens adds the refresh-token rows itself.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ProviderFaultMatrixTest {
  /** What {@link #outcome} returns for a call that succeeded. */
  protected static final String RECOVERED = "recovered";

  private final FaultMatrix matrix;
  private final ProviderFixture provider;
  private FaultMatrixServer harness;

  /**
   * @param module the module, whose table in docs/reliability.md the rows must match.
   * @param provider the provider under test.
   */
  protected ProviderFaultMatrixTest(String module, ProviderFixture provider) {
    this.matrix = new FaultMatrix(module);
    this.provider = provider;
  }

  /** Returns true if the provider issues refresh tokens: its test then adds those rows itself. */
  protected boolean issuesRefreshTokens() {
    return false;
  }

  /**
   * Signs in, for a provider that {@link #issuesRefreshTokens issues refresh tokens}, and asserts
   * that the token carries one.
   */
  protected void assertSignInIssuesARefreshToken() throws Exception {
    throw new AssertionError("a provider that issues refresh tokens overrides this");
  }

  /** Returns the provider under test. */
  protected final ProviderFixture provider() {
    return provider;
  }

  /** Returns the server the client under test must be built for. */
  protected final MockWebServer server() {
    return harness.server;
  }

  /** Returns the answers of the token endpoint. */
  protected final Script tokenScript() {
    return harness.token;
  }

  /** Returns the answers of the API. */
  protected final Script apiScript() {
    return harness.api;
  }

  /** Returns the clock the client under test must be built with. */
  protected final TestClock clock() {
    return harness.clock;
  }

  /** Returns the listener the client under test must be built with. */
  protected final RecordingTokenListener listener() {
    return harness.listener;
  }

  /** Asserts the request counts and records {@code row} with {@code outcome}. */
  protected final void record(String row, String outcome, int tokenRequests, int apiRequests) {
    harness.record(row, outcome, tokenRequests, apiRequests);
  }

  /** Records {@code row} as not applicable to the provider, saying {@code why}. */
  protected final void notApplicable(String row, String why) {
    matrix.notApplicable(row, why);
  }

  /** Runs the provider's call and returns {@link #RECOVERED} or the typed failure's description. */
  protected final String outcomeOfCall() {
    return outcome(
        () -> {
          provider.call();
          return RECOVERED;
        });
  }

  private void build(OkHttpClient client) {
    provider.build(
        new ClientSetup(
            "fault-matrix-secret", harness.server, client, harness.listener, harness.clock));
  }

  private MockResponse token(String accessToken) {
    return provider.token(accessToken);
  }

  private MockResponse tokenJson(String json) {
    return provider.tokenJson(json);
  }

  private MockResponse apiOk() {
    return provider.apiOk();
  }

  private MockResponse apiTokenRefused() {
    return provider.apiTokenRefused();
  }

  private TokenManager tokens() {
    return provider.tokens();
  }

  @BeforeEach
  final void startServer() throws IOException {
    harness = new FaultMatrixServer(matrix);
    harness.start(provider.tokenPath());
    build(FaultMatrixServer.client());
  }

  @AfterEach
  final void shutDownServer() throws IOException {
    harness.shutdown();
  }

  @AfterAll
  final void matrixMatchesTheDocument() throws IOException {
    matrix.verifyDocument();
  }

  private static MockResponse status(int code) {
    return new MockResponse()
        .setResponseCode(code)
        .setHeader("Content-Type", "application/json")
        .setBody("{}");
  }

  @Test
  void tokenEndpointNeverAnswers() throws Exception {
    build(FaultMatrixServer.timingOutClient());
    tokenScript().forever(request -> FaultMatrixServer.noResponse());

    String outcome = outcomeOfCall();

    assertThat(outcome)
        .isEqualTo("TokenRequestException: no response (SocketTimeoutException), transient");
    record("token endpoint never answers (read timeout)", outcome, 3, 0);
  }

  @Test
  void tokenEndpointDisconnectsMidBody() throws Exception {
    tokenScript().then(FaultMatrixServer.disconnectedMidBody(token("A"))).then(token("A"));
    apiScript().forever(request -> apiOk());

    assertThat(outcomeOfCall()).isEqualTo(RECOVERED);
    assertThat(listener().count("retry")).isEqualTo(1);
    record("token endpoint disconnects mid-body, then answers", "recovered (1 retry)", 2, 1);
  }

  @Test
  void tokenEndpointAnswersAnHtmlPage() throws Exception {
    tokenScript().forever(request -> FaultMatrixServer.badGatewayPage());

    String outcome = outcomeOfCall();

    assertThat(outcome).isEqualTo("TokenRequestException: HTTP 502, transient");
    record("token endpoint 502 HTML page", outcome, 3, 0);
  }

  @Test
  void tokenEndpointUnavailableTwice() throws Exception {
    tokenScript().then(status(503)).then(status(503)).then(token("A"));
    apiScript().forever(request -> apiOk());

    assertThat(outcomeOfCall()).isEqualTo(RECOVERED);
    assertThat(listener().count("retry")).isEqualTo(2);
    record("token endpoint 503 ×2, then 200", "recovered (2 retries)", 3, 1);
  }

  @Test
  void tokenEndpointUnavailableForever() throws Exception {
    tokenScript().forever(request -> status(503));

    String outcome = outcomeOfCall();

    assertThat(outcome).isEqualTo("TokenRequestException: HTTP 503, transient");
    record("token endpoint 503 forever", outcome, 3, 0);
  }

  @Test
  void tokenEndpointRateLimits() throws Exception {
    tokenScript().then(status(429).setHeader("Retry-After", "2")).then(token("A"));
    apiScript().forever(request -> apiOk());

    assertThat(outcomeOfCall()).isEqualTo(RECOVERED);
    assertThat(listener().events()).contains("retry client_credentials attempt=2 delay=2000");
    record(
        "token endpoint 429 with Retry-After, then 200",
        "recovered (waited the Retry-After 2 s)",
        2,
        1);
  }

  @Test
  void tokenResponseTruncated() throws Exception {
    tokenScript().forever(request -> tokenJson("{\"access_token\":\"A\",\"token_type\":\"Bea"));

    String outcome = outcomeOfCall();

    assertThat(outcome).isEqualTo("TokenRequestException: HTTP 200");
    record("token endpoint 200 with truncated JSON", outcome, 1, 0);
  }

  @Test
  void tokenResponseWithoutExpiresIn() throws Exception {
    tokenScript().then(tokenJson("{\"access_token\":\"A\",\"token_type\":\"Bearer\"}"));
    apiScript().forever(request -> apiOk());

    assertThat(outcomeOfCall()).isEqualTo(RECOVERED);
    clock().sleep(TimeUnit.DAYS.toMillis(1));
    assertThat(outcomeOfCall()).isEqualTo(RECOVERED);
    assertThat(tokens().token().hasExpiry()).isFalse();
    record(
        "token endpoint 200, expires_in missing",
        "recovered (token used until a 401, here a day later)",
        1,
        2);
  }

  @Test
  void tokenResponseWithExpiresInAsAString() throws Exception {
    long lifetime = provider.tokenLifetimeSeconds();
    tokenScript()
        .then(
            tokenJson(
                "{\"access_token\":\"A\",\"token_type\":\"Bearer\",\"expires_in\":\""
                    + lifetime
                    + "\"}"));
    apiScript().forever(request -> apiOk());
    long start = clock().currentTimeMillis();

    assertThat(outcomeOfCall()).isEqualTo(RECOVERED);
    assertThat(tokens().token().expiresAtMillis())
        .isEqualTo(start + TimeUnit.SECONDS.toMillis(lifetime));
    record("token endpoint 200, expires_in a string", "recovered (string read as seconds)", 1, 1);
  }

  @Test
  void tokenResponseWithExpiresInZero() throws Exception {
    tokenScript()
        .forever(
            request ->
                tokenJson("{\"access_token\":\"A\",\"token_type\":\"Bearer\",\"expires_in\":0}"));

    String outcome = outcomeOfCall();

    assertThat(outcome).isEqualTo("TokenRequestException: HTTP 200");
    record("token endpoint 200, expires_in 0", outcome + " (not positive)", 1, 0);
  }

  @Test
  void apiRefusesTheCurrentToken() throws Exception {
    tokenScript().then(token("A")).then(token("B"));
    apiScript().then(apiTokenRefused()).forever(request -> apiOk());

    assertThat(outcomeOfCall()).isEqualTo(RECOVERED);
    assertThat(apiScript().authorizations()).containsExactly("Bearer A", "Bearer B");
    record("API 401 with the current token", "recovered (new token, call retried once)", 2, 2);
  }

  @Test
  void apiRefusesAnOldToken() throws Exception {
    tokenScript().then(token("A")).then(token("B"));
    apiScript()
        .then(
            request -> {
              tokens().refresh("A"); // Meanwhile another call had A refused and renewed.
              return apiTokenRefused();
            })
        .forever(request -> apiOk());

    assertThat(outcomeOfCall()).isEqualTo(RECOVERED);
    assertThat(apiScript().authorizations()).containsExactly("Bearer A", "Bearer B");
    record(
        "API 401 with an old token",
        "recovered (another call had renewed it: retried with its token)",
        2,
        2);
  }

  @Test
  void apiRefusesEveryToken() throws Exception {
    tokenScript().then(token("A")).then(token("B"));
    apiScript().forever(request -> apiTokenRefused());

    String outcome = outcomeOfCall();

    assertThat(outcome).isEqualTo(provider.apiExceptionName() + ": HTTP 401");
    record("API 401 forever", outcome + " (after one renewal)", 2, 2);
  }

  @Test
  void apiForbids() throws Exception {
    tokenScript().then(token("A"));
    apiScript().forever(request -> provider.apiForbidden());

    String outcome = outcomeOfCall();

    assertThat(outcome).isEqualTo(provider.apiExceptionName() + ": HTTP 403");
    record("API 403", outcome + ", nothing renewed", 1, 1);
  }

  @Test
  void refreshTokenRowsApplyOnlyWithRefreshTokens() throws Exception {
    if (issuesRefreshTokens()) {
      // The provider's own test records the refresh-token rows; here it shows they apply.
      assertSignInIssuesARefreshToken();
      return;
    }
    tokenScript().then(token("A"));

    assertThat(tokens().token().refreshToken()).isNull();
    assertThat(tokens().grant().type()).isEqualTo("client_credentials");
    assertThat(tokenScript().count()).isEqualTo(1);
    String why = "client credentials only, no refresh token";
    notApplicable("refresh token revoked, no password to fall back on", why);
    notApplicable("refresh token revoked, password grant to fall back on", why);
  }

  @Test
  void clientRevokedMidRun() throws Exception {
    tokenScript().then(token("A")).forever(request -> provider.invalidClient("unknown client"));
    apiScript().then(apiOk()).forever(request -> apiTokenRefused());

    assertThat(outcomeOfCall()).isEqualTo(RECOVERED);
    String outcome = outcomeOfCall();

    assertThat(outcome).isEqualTo("TokenRequestException: invalid_client, HTTP 401");
    record("client revoked (invalid_client) mid-run", outcome, 2, 2);
  }

  @Test
  void clockJumpsForwardAnHour() throws Exception {
    tokenScript().then(token("A")).then(token("B"));
    apiScript().forever(request -> apiOk());

    assertThat(outcomeOfCall()).isEqualTo(RECOVERED);
    clock().sleep(TimeUnit.HOURS.toMillis(1));
    assertThat(outcomeOfCall()).isEqualTo(RECOVERED);

    if (provider.tokenLifetimeSeconds() <= TimeUnit.HOURS.toSeconds(1)) {
      assertThat(apiScript().authorizations()).containsExactly("Bearer A", "Bearer B");
      record(
          "clock jumps forward 1 h",
          "recovered (the expired token was replaced before the call)",
          2,
          2);
    } else {
      assertThat(apiScript().authorizations()).containsExactly("Bearer A", "Bearer A");
      record(
          "clock jumps forward 1 h",
          "recovered (the token is still fresh: no token request)",
          1,
          2);
    }
  }
}
