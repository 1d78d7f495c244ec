/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.core;

import static dev.oauthkit.core.FaultMatrix.outcome;
import static dev.oauthkit.core.TestServer.json;
import static dev.oauthkit.core.TestServer.token;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The fault matrix of the engine: a token endpoint and an API on two MockWebServers, a client with
 * {@link TokenInterceptor} and {@link TokenAuthenticator}, and one fault per test. Each test
 * asserts what the caller gets and exactly how many requests each server saw, and records its row;
 * the table in docs/reliability.md must match (see {@link FaultMatrix}).
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
final class FaultMatrixTest {
  private static final FaultMatrix MATRIX = new FaultMatrix("core");
  private static final String RECOVERED = "HTTP 200";

  private final MockWebServer tokenServer = new MockWebServer();
  private final MockWebServer apiServer = new MockWebServer();
  private final Script token = new Script();
  private final Script api = new Script();
  private final TestClock clock = new TestClock();
  private final RecordingTokenListener listener = new RecordingTokenListener();

  /** OkHttp's default 10-second timeouts: only the never-answering row uses a shorter one. */
  private final OkHttpClient defaultClient = new OkHttpClient();

  private TokenManager tokens;
  private OkHttpClient client;

  @BeforeEach
  void setUp() throws IOException {
    tokenServer.setDispatcher(token);
    apiServer.setDispatcher(api);
    tokenServer.start();
    apiServer.start();
    use(Grant.clientCredentials());
  }

  private void use(Grant grant) {
    use(grant, defaultClient);
  }

  private void use(Grant grant, OkHttpClient base) {
    tokens =
        new TokenManager.Builder(TestServer.endpoint(tokenServer).build(), grant)
            .client(base)
            .clock(clock)
            .listener(listener)
            .refreshExecutor(new ManualExecutor())
            .addApiBaseUrl(apiServer.url("/"))
            .build();
    TokenInterceptor interceptor = new TokenInterceptor(tokens);
    client =
        base.newBuilder()
            .addInterceptor(interceptor)
            .addNetworkInterceptor(interceptor)
            .authenticator(new TokenAuthenticator(tokens))
            .build();
  }

  @AfterEach
  void tearDown() throws IOException {
    tokenServer.shutdown();
    apiServer.shutdown();
  }

  @AfterAll
  static void matrixMatchesTheDocument() throws IOException {
    MATRIX.verifyDocument();
  }

  /** One API call; "HTTP 200" when it succeeded. */
  private String call() throws IOException {
    Request request = new Request.Builder().url(apiServer.url("/resource")).build();
    try (Response response = client.newCall(request).execute()) {
      return "HTTP " + response.code();
    }
  }

  private void record(String row, String outcome, int tokenRequests, int apiRequests) {
    assertThat(token.count()).as("token requests").isEqualTo(tokenRequests);
    assertThat(api.count()).as("API requests").isEqualTo(apiRequests);
    MATRIX.record(row, outcome, tokenRequests, apiRequests);
  }

  private static MockResponse ok() {
    return new MockResponse().setBody("{}");
  }

  private static MockResponse status(int code) {
    return new MockResponse().setResponseCode(code).setBody("{}");
  }

  @Test
  void tokenEndpointNeverAnswers() throws Exception {
    // The server reads each request and never answers, until the client hangs up: the read
    // timeout is the only way out, whatever its length.
    use(Grant.clientCredentials(), TestServer.timingOutClient());
    token.forever(request -> new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));

    String outcome = outcome(this::call);

    assertThat(outcome)
        .isEqualTo("TokenRequestException: no response (SocketTimeoutException), transient");
    assertThat(listener.count("retry")).isEqualTo(2);
    record("token endpoint never answers (read timeout)", outcome, 3, 0);
  }

  @Test
  void tokenEndpointDisconnectsMidBody() throws Exception {
    // Headers and half the body, then the server closes the connection: nothing is timed.
    token.then(token("A", 3600).setSocketPolicy(SocketPolicy.DISCONNECT_DURING_RESPONSE_BODY));
    token.then(token("A", 3600));
    api.forever(request -> ok());

    String outcome = outcome(this::call);

    assertThat(outcome).isEqualTo(RECOVERED);
    assertThat(listener.count("retry")).isEqualTo(1);
    record("token endpoint disconnects mid-body, then answers", "recovered (1 retry)", 2, 1);
  }

  @Test
  void tokenEndpointAnswersAnHtmlPage() throws Exception {
    token.forever(
        request ->
            new MockResponse()
                .setResponseCode(502)
                .setHeader("Content-Type", "text/html")
                .setBody("<html><body><h1>502 Bad Gateway</h1></body></html>"));

    String outcome = outcome(this::call);

    assertThat(outcome).isEqualTo("TokenRequestException: HTTP 502, transient");
    record("token endpoint 502 HTML page", outcome, 3, 0);
  }

  @Test
  void tokenEndpointUnavailableTwice() throws Exception {
    token.then(status(503)).then(status(503)).then(token("A", 3600));
    api.forever(request -> ok());

    assertThat(outcome(this::call)).isEqualTo(RECOVERED);
    assertThat(clock.sleeps).hasSize(2);
    record("token endpoint 503 ×2, then 200", "recovered (2 retries)", 3, 1);
  }

  @Test
  void tokenEndpointUnavailableForever() throws Exception {
    token.forever(request -> status(503));

    String outcome = outcome(this::call);

    assertThat(outcome).isEqualTo("TokenRequestException: HTTP 503, transient");
    record("token endpoint 503 forever", outcome, 3, 0);
  }

  @Test
  void tokenEndpointRateLimits() throws Exception {
    token.then(status(429).setHeader("Retry-After", "2")).then(token("A", 3600));
    api.forever(request -> ok());

    assertThat(outcome(this::call)).isEqualTo(RECOVERED);
    assertThat(clock.sleeps).containsExactly(2000L);
    record(
        "token endpoint 429 with Retry-After, then 200",
        "recovered (waited the Retry-After 2 s)",
        2,
        1);
  }

  @Test
  void tokenResponseTruncated() throws Exception {
    token.forever(request -> json(200, "{\"access_token\":\"A\",\"token_type\":\"Bearer\",\"exp"));

    String outcome = outcome(this::call);

    assertThat(outcome).isEqualTo("TokenRequestException: HTTP 200");
    record("token endpoint 200 with truncated JSON", outcome, 1, 0);
  }

  @Test
  void tokenResponseWithoutExpiresIn() throws Exception {
    token.then(json(200, "{\"access_token\":\"A\",\"token_type\":\"Bearer\"}"));
    api.forever(request -> ok());

    assertThat(outcome(this::call)).isEqualTo(RECOVERED);
    clock.advance(1, TimeUnit.DAYS);
    assertThat(outcome(this::call)).isEqualTo(RECOVERED);
    assertThat(tokens.token().hasExpiry()).isFalse();
    record(
        "token endpoint 200, expires_in missing",
        "recovered (token used until a 401, here a day later)",
        1,
        2);
  }

  @Test
  void tokenResponseWithExpiresInAsAString() throws Exception {
    token.then(
        json(200, "{\"access_token\":\"A\",\"token_type\":\"Bearer\",\"expires_in\":\"3600\"}"));
    api.forever(request -> ok());

    assertThat(outcome(this::call)).isEqualTo(RECOVERED);
    assertThat(tokens.token().expiresAtMillis())
        .isEqualTo(TestClock.START_MILLIS + TimeUnit.HOURS.toMillis(1));
    record("token endpoint 200, expires_in a string", "recovered (string read as seconds)", 1, 1);
  }

  @Test
  void tokenResponseWithExpiresInZero() throws Exception {
    token.forever(
        request ->
            json(200, "{\"access_token\":\"A\",\"token_type\":\"Bearer\",\"expires_in\":0}"));

    String outcome = outcome(this::call);

    assertThat(outcome).isEqualTo("TokenRequestException: HTTP 200");
    record("token endpoint 200, expires_in 0", outcome + " (not positive)", 1, 0);
  }

  @Test
  void apiRefusesTheCurrentToken() throws Exception {
    token.then(token("A", 3600)).then(token("B", 3600));
    api.then(status(401)).forever(request -> ok());

    assertThat(outcome(this::call)).isEqualTo(RECOVERED);
    assertThat(api.authorizations()).containsExactly("Bearer A", "Bearer B");
    record("API 401 with the current token", "recovered (new token, call retried once)", 2, 2);
  }

  @Test
  void apiRefusesAnOldToken() throws Exception {
    token.then(token("A", 3600)).then(token("B", 3600));
    api.then(
            request -> {
              tokens.refresh("A"); // Meanwhile another call had A refused and renewed it.
              return status(401);
            })
        .forever(request -> ok());

    assertThat(outcome(this::call)).isEqualTo(RECOVERED);
    assertThat(api.authorizations()).containsExactly("Bearer A", "Bearer B");
    record(
        "API 401 with an old token",
        "recovered (another call had renewed it: retried with its token)",
        2,
        2);
  }

  @Test
  void apiRefusesEveryToken() throws Exception {
    token.then(token("A", 3600)).then(token("B", 3600));
    api.forever(request -> status(401));

    String outcome = outcome(this::call);

    assertThat(outcome).isEqualTo("HTTP 401");
    record("API 401 forever", "the second 401 is returned to the caller", 2, 2);
  }

  @Test
  void apiForbids() throws Exception {
    token.then(token("A", 3600));
    api.forever(request -> status(403));

    assertThat(outcome(this::call)).isEqualTo("HTTP 403");
    record("API 403", "the 403 is returned to the caller, nothing renewed", 1, 1);
  }

  @Test
  void refreshTokenRevokedWithoutFallback() throws Exception {
    use(Grant.refreshToken("R0"));
    token.then(token("A", 3600, "R1")).then(json(400, "{\"error\":\"invalid_grant\"}"));
    api.forever(request -> ok());

    assertThat(outcome(this::call)).isEqualTo(RECOVERED);
    clock.advance(1, TimeUnit.HOURS);
    String outcome = outcome(this::call);

    assertThat(outcome).isEqualTo("SignInRequiredException: invalid_grant, HTTP 400");
    record("refresh token revoked, no password to fall back on", outcome, 2, 1);
  }

  @Test
  void refreshTokenRevokedWithPasswordFallback() throws Exception {
    use(Grant.password("ana", "password"));
    token
        .then(token("A", 3600, "R1"))
        .then(json(400, "{\"error\":\"invalid_grant\"}"))
        .then(token("B", 3600, "R2"));
    api.forever(request -> ok());

    assertThat(outcome(this::call)).isEqualTo(RECOVERED);
    clock.advance(1, TimeUnit.HOURS);
    assertThat(outcome(this::call)).isEqualTo(RECOVERED);

    assertThat(listener.events())
        .filteredOn(e -> e.startsWith("start"))
        .containsExactly("start password", "start refresh_token", "start password");
    record(
        "refresh token revoked, password grant to fall back on",
        "recovered (password grant once)",
        3,
        2);
  }

  @Test
  void clientRevokedMidRun() throws Exception {
    token.then(token("A", 3600)).forever(request -> json(401, "{\"error\":\"invalid_client\"}"));
    api.then(ok()).forever(request -> status(401));

    assertThat(outcome(this::call)).isEqualTo(RECOVERED);
    String outcome = outcome(this::call);

    assertThat(outcome).isEqualTo("TokenRequestException: invalid_client, HTTP 401");
    record("client revoked (invalid_client) mid-run", outcome, 2, 2);
  }

  @Test
  void clockJumpsForwardAnHour() throws Exception {
    token.then(token("A", 3600)).then(token("B", 3600));
    api.forever(request -> ok());

    assertThat(outcome(this::call)).isEqualTo(RECOVERED);
    clock.advance(1, TimeUnit.HOURS);
    assertThat(outcome(this::call)).isEqualTo(RECOVERED);

    assertThat(api.authorizations()).containsExactly("Bearer A", "Bearer B");
    record("clock jumps forward 1 h", "recovered (expired token replaced before the call)", 2, 2);
  }
}
