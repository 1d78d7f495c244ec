/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.core;

import static dev.oauthkit.core.TokenResponseParsingTest.tokenFailure;
import static org.assertj.core.api.Assertions.assertThat;

import dev.oauthkit.core.internal.HttpBodies;
import dev.oauthkit.core.internal.Redactor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Token endpoint answers that are not a token: each becomes a typed {@link TokenRequestException}
 * whose message names the problem and carries no secret and no token.
 */
class TokenErrorResponseTest {
  private static final String BAD_GATEWAY_PAGE =
      "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n"
          + "<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n"
          + "</body>\r\n</html>\r\n";

  private final TestClock clock = new TestClock();
  private final ManualExecutor executor = new ManualExecutor();
  private final RecordingTokenListener listener = new RecordingTokenListener();
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
  void htmlBadGatewayIsTransientAndNamesTheStatus() throws Exception {
    server.enqueue(html(502, BAD_GATEWAY_PAGE));

    TokenRequestException e = tokenFailure(manager().maxAttempts(1).build());

    assertThat(e.code()).isEqualTo(502);
    assertThat(e.isTransient()).isTrue();
    assertThat(e.error()).isNull();
    assertThat(e.getMessage()).contains("HTTP 502").contains("text/html").doesNotContain("<html>");
    assertThat(e.bodyExcerpt()).contains("502 Bad Gateway").doesNotContain("\n", "\r");
    assertThat(e.errorBody()).isEmpty();
    assertSafe(e);
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void htmlBadGatewayIsRetriedBeforeItFails() throws Exception {
    server.enqueue(html(502, BAD_GATEWAY_PAGE));
    server.enqueue(html(502, BAD_GATEWAY_PAGE));
    server.enqueue(html(502, BAD_GATEWAY_PAGE));

    TokenRequestException e = tokenFailure(manager().build());

    assertThat(e.code()).isEqualTo(502);
    assertThat(e.isTransient()).isTrue();
    assertThat(server.getRequestCount()).isEqualTo(3);
    assertThat(listener.count("start client_credentials")).isEqualTo(3);
    assertThat(listener.count("retry client_credentials")).isEqualTo(2);
    // Waited through the test clock, with backoff: attempt 2 after 0.5–1 s, attempt 3 after 1–2 s.
    assertThat(clock.sleeps).hasSize(2);
    assertThat(clock.sleeps.get(0)).isBetween(500L, 1000L);
    assertThat(clock.sleeps.get(1)).isBetween(1000L, 2000L);
    assertSafe(e);
  }

  @Test
  void emptySuccessBodyIsMalformed() throws Exception {
    server.enqueue(TestServer.json(200, ""));

    TokenRequestException e = tokenFailure(manager().build());

    assertThat(e.code()).isEqualTo(200);
    assertThat(e.isTransient()).isFalse();
    assertThat(e.getMessage()).contains("malformed token response").contains("empty");
    assertSafe(e);
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void successWithoutAccessTokenIsMalformed() throws Exception {
    server.enqueue(
        TestServer.json(
            200, "{\"token\":\"tok-canary-7a1e\",\"token_type\":\"Bearer\",\"expires_in\":3600}"));

    TokenRequestException e = tokenFailure(manager().build());

    assertThat(e.code()).isEqualTo(200);
    assertThat(e.isTransient()).isFalse();
    assertThat(e.getMessage()).contains("malformed token response").contains("no access_token");
    assertSafe(e, "tok-canary-7a1e");
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void numericAccessTokenIsMalformed() throws Exception {
    server.enqueue(
        TestServer.json(
            200,
            "{\"access_token\":987654321,\"token_type\":\"Bearer\",\"expires_in\":3600,"
                + "\"refresh_token\":\"rt-canary-n1\"}"));

    TokenRequestException e = tokenFailure(manager().build());

    assertThat(e.code()).isEqualTo(200);
    assertThat(e.getMessage()).contains("access_token is not a string");
    assertSafe(e, "987654321", "rt-canary-n1");
  }

  @ParameterizedTest
  @ValueSource(strings = {"-60", "0", "\"soon\""})
  void unusableExpiresInIsMalformed(String expiresIn) throws Exception {
    server.enqueue(
        TestServer.json(
            200,
            "{\"access_token\":\"at-canary-ex9\",\"token_type\":\"Bearer\",\"expires_in\":"
                + expiresIn
                + ",\"refresh_token\":\"rt-canary-ex9\"}"));

    TokenRequestException e = tokenFailure(manager().build());

    assertThat(e.code()).isEqualTo(200);
    assertThat(e.isTransient()).isFalse();
    assertThat(e.getMessage()).contains("malformed token response").contains("expires_in");
    assertSafe(e, "at-canary-ex9", "rt-canary-ex9");
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void jsonArrayBodyIsMalformed() throws Exception {
    server.enqueue(TestServer.json(200, "[{\"access_token\":\"at-canary-arr\"}]"));

    TokenRequestException e = tokenFailure(manager().build());

    assertThat(e.code()).isEqualTo(200);
    assertThat(e.getMessage()).contains("not a JSON object");
    assertSafe(e, "at-canary-arr");
  }

  @ParameterizedTest
  @CsvSource({
    "invalid_client, 401, Client authentication failed",
    "invalid_grant, 400, The provided authorization grant is invalid",
    "invalid_scope, 400, The requested scope is invalid",
    "unauthorized_client, 400, The client is not authorized to use this grant type",
  })
  void rfcErrorIsExposedAndNotRetried(String error, int code, String description) throws Exception {
    String uri = "https://auth.example.com/errors/" + error;
    server.enqueue(
        TestServer.json(
            code,
            "{\"error\":\""
                + error
                + "\",\"error_description\":\""
                + description
                + "\",\"error_uri\":\""
                + uri
                + "\"}"));

    TokenRequestException e = tokenFailure(manager().build());

    assertThat(e.code()).isEqualTo(code);
    assertThat(e.error()).isEqualTo(error);
    assertThat(e.errorDescription()).isEqualTo(description);
    assertThat(e.errorUri()).isEqualTo(uri);
    assertThat(e.isTransient()).isFalse();
    assertThat(e.bodyExcerpt()).isNull();
    assertThat(e.errorBody()).containsEntry("error", error);
    assertThat(e.getMessage()).startsWith(error + ": " + description).contains("HTTP " + code);
    assertSafe(e);
    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(listener.count("retry")).isZero();
  }

  @Test
  void messageFieldOfNonRfcBodyIsTheDescription() throws Exception {
    server.enqueue(TestServer.json(400, "{\"message\":\"Something broke\"}"));

    TokenRequestException e = tokenFailure(manager().build());

    assertThat(e.code()).isEqualTo(400);
    assertThat(e.error()).isNull();
    assertThat(e.errorDescription()).isEqualTo("Something broke");
    assertThat(e.getMessage()).contains("HTTP 400").contains("Something broke");
    assertSafe(e);
  }

  @Test
  void longTextBodyIsCutToAShortExcerpt() throws Exception {
    StringBuilder body = new StringBuilder("Internal error at line 1.");
    for (int line = 2; body.length() <= 1500; line++) {
      body.append("\nstack frame ").append(line).append(" at some.Framework.method");
    }
    server.enqueue(
        new MockResponse()
            .setResponseCode(400)
            .setHeader("Content-Type", "text/plain")
            .setBody(body.toString()));

    TokenRequestException e = tokenFailure(manager().build());

    assertThat(e.code()).isEqualTo(400);
    assertThat(e.bodyExcerpt()).startsWith("Internal error at line 1. stack frame 2");
    assertThat(e.bodyExcerpt().length()).isLessThanOrEqualTo(201);
    assertThat(e.getMessage()).contains("HTTP 400").contains("text/plain");
    assertThat(e.getMessage().length()).isLessThan(200);
    assertSafe(e);
  }

  @Test
  void errorBodyOverTheBodyLimitIsCutNotRefused() throws Exception {
    server.enqueue(
        new MockResponse()
            .setResponseCode(400)
            .setHeader("Content-Type", "text/plain")
            .setBody("Bad request. " + padding(HttpBodies.MAX_BODY_BYTES * 4)));

    TokenRequestException e = tokenFailure(manager().build());

    assertThat(e.code()).isEqualTo(400);
    assertThat(e.isTransient()).isFalse();
    assertThat(e.bodyExcerpt()).startsWith("Bad request. xxxx");
    assertThat(e.getMessage()).contains("HTTP 400").doesNotContain("larger than");
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void tokenResponseOverTheBodyLimitIsRefused() throws Exception {
    server.enqueue(
        TestServer.json(
            200,
            "{\"access_token\":\"tok-canary-big\",\"token_type\":\"Bearer\",\"expires_in\":3600,"
                + "\"padding\":\""
                + padding(HttpBodies.MAX_BODY_BYTES)
                + "\"}"));

    TokenRequestException e = tokenFailure(manager().build());

    assertThat(e.code()).isEqualTo(200);
    assertThat(e.isTransient()).isFalse();
    assertThat(e.getMessage())
        .isEqualTo("token response (HTTP 200) is larger than " + (64 * 1024) + " bytes");
    assertSafe(e, "tok-canary-big");
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void tokenResponseJustUnderTheBodyLimitIsRead() throws Exception {
    String head = "{\"access_token\":\"at-big\",\"expires_in\":3600,\"padding\":\"";
    server.enqueue(
        TestServer.json(
            200, head + padding(HttpBodies.MAX_BODY_BYTES - head.length() - 2) + "\"}"));

    AccessToken token = manager().build().token();

    assertThat(token.value()).isEqualTo("at-big");
    assertThat(String.valueOf(token.extras().get("padding")))
        .hasSize(64 * 1024 - head.length() - 2);
  }

  private static String padding(int length) {
    char[] chars = new char[length];
    java.util.Arrays.fill(chars, 'x');
    return new String(chars);
  }

  @Test
  void echoedClientSecretIsRedactedFromExcerptAndMessage() throws Exception {
    server.enqueue(
        html(
            400,
            "<html><body><h1>Bad Request</h1><p>Unknown client secret "
                + TestServer.CLIENT_SECRET
                + " for client "
                + TestServer.CLIENT_ID
                + "</p></body></html>"));

    TokenRequestException e = tokenFailure(manager().build());

    assertThat(e.code()).isEqualTo(400);
    assertThat(e.bodyExcerpt()).contains("Bad Request").contains(Redactor.REDACTED);
    assertSafe(e);
  }

  @Test
  void echoedFormEncodedClientSecretIsRedacted() throws Exception {
    String secret = "p+ss%w:rd é€ secret";
    server.enqueue(
        html(400, "<p>client_secret=" + OAuth2TokenSource.formUrlEncode(secret) + " is wrong</p>"));

    TokenRequestException e = tokenFailure(manager().clientSecret(secret).build());

    assertThat(e.bodyExcerpt())
        .contains(Redactor.REDACTED)
        .doesNotContain(secret, OAuth2TokenSource.formUrlEncode(secret));
  }

  @Test
  void echoedClientSecretInJsonDescriptionIsRedactedFromMessage() throws Exception {
    server.enqueue(
        TestServer.json(
            401,
            "{\"error\":\"invalid_client\",\"error_description\":\"secret "
                + TestServer.CLIENT_SECRET
                + " is not valid\"}"));

    TokenRequestException e = tokenFailure(manager().build());

    assertThat(e.error()).isEqualTo("invalid_client");
    assertThat(e.errorDescription()).isEqualTo("secret ██ is not valid");
    assertSafe(e);
  }

  /**
   * A secret that straddles the excerpt limit must not leak its first characters: redaction has to
   * happen before the body is cut.
   */
  @Test
  void secretCutAtTheExcerptLimitLeaksNoPrefix() throws Exception {
    StringBuilder page = new StringBuilder("<html><body><p>");
    while (page.length() < dev.oauthkit.core.internal.Json.EXCERPT_CHARS - 12) page.append('x');
    page.append(TestServer.CLIENT_SECRET).append("</p></body></html>");
    server.enqueue(html(400, page.toString()));

    TokenRequestException e = tokenFailure(manager().build());

    assertThat(e.bodyExcerpt()).isNotNull();
    assertThat(e.bodyExcerpt()).doesNotContain(TestServer.CLIENT_SECRET.substring(0, 8));
    assertSafe(e);
  }

  /** A debug page that echoes the request headers shows the Basic credentials, base64-encoded. */
  @Test
  void echoedBasicCredentialsAreRedacted() throws Exception {
    String basic =
        Base64.getEncoder()
            .encodeToString(
                (TestServer.CLIENT_ID + ":" + TestServer.CLIENT_SECRET)
                    .getBytes(StandardCharsets.UTF_8));
    server.enqueue(
        html(
            400,
            "<html><body><h1>400 Bad Request</h1><pre>Authorization: Basic "
                + basic
                + "</pre></body></html>"));

    TokenRequestException e = tokenFailure(manager().build());

    assertThat(e.bodyExcerpt()).contains("400 Bad Request").doesNotContain(basic);
    assertThat(e.getMessage()).doesNotContain(basic);
  }

  @Test
  void errorNamedOnlyInTheChallengeIsRead() throws Exception {
    server.enqueue(
        TestServer.json(401, "{\"statusCode\":401}")
            .setHeader(
                "WWW-Authenticate",
                "Bearer, error=\"invalid_credentials\","
                    + " error_description=\"Invalid credentials supplied\""));

    TokenRequestException e =
        tokenFailure(
            manager()
                .clientAuthentication(ClientAuthentication.REQUEST_BODY)
                .encoding(TokenEndpoint.Encoding.JSON)
                .build());

    assertThat(e.code()).isEqualTo(401);
    assertThat(e.error()).isEqualTo("invalid_credentials");
    assertThat(e.errorDescription()).isEqualTo("Invalid credentials supplied");
    assertThat(e.errorBody()).containsEntry("statusCode", 401.0);
    assertThat(e.isTransient()).isFalse();
    assertThat(e.getMessage()).startsWith("invalid_credentials: Invalid credentials supplied");
    assertSafe(e);
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void amadeusFlatErrorKeepsItsOwnFields() throws Exception {
    server.enqueue(
        TestServer.json(
            401,
            "{\"error\":\"invalid_client\",\"error_description\":\"Client credentials are"
                + " invalid\",\"code\":38187,\"title\":\"Invalid parameters\"}"));

    TokenRequestException e = tokenFailure(manager().build());

    assertThat(e.code()).isEqualTo(401);
    assertThat(e.error()).isEqualTo("invalid_client");
    assertThat(e.errorDescription()).isEqualTo("Client credentials are invalid");
    assertThat(e.errorBody().get("code")).isEqualTo(38187.0);
    assertThat(e.errorBody()).containsEntry("title", "Invalid parameters");
    assertThat(e.getMessage()).startsWith("invalid_client: Client credentials are invalid");
    assertSafe(e);
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  /** A manager builder whose endpoint can still be adjusted. */
  private ManagerBuilder manager() {
    return new ManagerBuilder();
  }

  private final class ManagerBuilder {
    private final TokenEndpoint.Builder endpoint = TestServer.endpoint(server);
    private int maxAttempts = 3;

    ManagerBuilder maxAttempts(int maxAttempts) {
      this.maxAttempts = maxAttempts;
      return this;
    }

    ManagerBuilder clientSecret(String secret) {
      endpoint.clientSecret(secret);
      return this;
    }

    ManagerBuilder clientAuthentication(ClientAuthentication clientAuthentication) {
      endpoint.clientAuthentication(clientAuthentication);
      return this;
    }

    ManagerBuilder encoding(TokenEndpoint.Encoding encoding) {
      endpoint.encoding(encoding);
      return this;
    }

    TokenManager build() {
      return new TokenManager.Builder(endpoint.build(), Grant.clientCredentials())
          .addApiBaseUrl(server.url("/"))
          .clock(clock)
          .refreshExecutor(executor)
          .listener(listener)
          .maxAttempts(maxAttempts)
          .build();
    }
  }

  private static MockResponse html(int code, String body) {
    return new MockResponse()
        .setResponseCode(code)
        .setHeader("Content-Type", "text/html; charset=utf-8")
        .setBody(body);
  }

  /** Asserts that nothing the exception says contains the client secret or {@code values}. */
  private static void assertSafe(TokenRequestException e, String... values) {
    for (String text : new String[] {e.getMessage(), e.toString(), e.bodyExcerpt()}) {
      if (text == null) continue;
      assertThat(text).doesNotContain(TestServer.CLIENT_SECRET);
      for (String value : values) assertThat(text).doesNotContain(value);
    }
  }
}
