/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.amadeus;

import static dev.oauthkit.amadeus.Fixtures.ACCESS_TOKEN;
import static dev.oauthkit.amadeus.Fixtures.CLIENT_ID;
import static dev.oauthkit.amadeus.Fixtures.CLIENT_SECRET;
import static dev.oauthkit.amadeus.Fixtures.amadeus;
import static dev.oauthkit.amadeus.Fixtures.take;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import dev.oauthkit.amadeus.model.Airline;
import dev.oauthkit.amadeus.model.DataList;
import dev.oauthkit.core.AccessToken;
import dev.oauthkit.core.TokenInterceptor;
import dev.oauthkit.core.TokenRequestException;
import dev.oauthkit.testing.TestClock;
import java.io.IOException;
import java.net.URLEncoder;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The token request on the wire, the token response, and when a 401 renews the token. */
class AmadeusAuthTest {
  private final TestClock clock = new TestClock();
  @AutoClose private final MockWebServer server = new MockWebServer();

  @Test
  void tokenRequestIsFormEncodedClientCredentialsWithCredentialsInTheBodyOnly() throws Exception {
    server.enqueue(Fixtures.token());
    Amadeus amadeus = amadeus(server, clock).build();

    amadeus.tokens().token();

    RecordedRequest request = take(server);
    assertThat(request.getMethod()).isEqualTo("POST");
    assertThat(request.getPath()).isEqualTo("/v1/security/oauth2/token");
    assertThat(request.getRequestUrl().querySize()).isZero();
    assertThat(request.getHeader("Content-Type")).isEqualTo("application/x-www-form-urlencoded");
    assertThat(request.getHeader("Authorization")).isNull();
    assertThat(request.getBody().readUtf8())
        .isEqualTo(
            "grant_type=client_credentials&client_id="
                + CLIENT_ID
                + "&client_secret="
                + URLEncoder.encode(CLIENT_SECRET, "UTF-8"));
    assertThat(request.getHeaders().toString())
        .doesNotContain(CLIENT_SECRET)
        .doesNotContain(CLIENT_ID);
  }

  @Test
  void tokenResponseKeepsAmadeusFieldsAsExtras() throws Exception {
    server.enqueue(Fixtures.token());
    Amadeus amadeus = amadeus(server, clock).build();

    AccessToken token = amadeus.tokens().token();

    assertThat(token.value()).isEqualTo(ACCESS_TOKEN);
    assertThat(token.tokenType()).isEqualTo("Bearer");
    assertThat(token.expiresAtMillis())
        .isEqualTo(TestClock.START_MILLIS + TimeUnit.SECONDS.toMillis(1799));
    assertThat(token.extras())
        .contains(
            entry("type", "amadeusOAuth2Token"),
            entry("username", "foo@bar.com"),
            entry("application_name", "BetaTest_foobar"),
            entry("client_id", "3sY9VNvXIjyJYd5mmOtOzJLuL1BzJBBp"),
            entry("state", "approved"));
    assertThat(token.toString()).doesNotContain(ACCESS_TOKEN);
  }

  @Test
  void apiCallsCarryTheBearerTokenAndTheAmadeusAcceptHeader() throws Exception {
    server.enqueue(Fixtures.token());
    server.enqueue(Fixtures.amadeus(200, Fixtures.read("airlines.json")));
    Amadeus amadeus = amadeus(server, clock).build();

    amadeus.execute(amadeus.api().airlines("BA"));

    take(server); // Token.
    RecordedRequest api = take(server);
    assertThat(api.getHeader("Authorization")).isEqualTo("Bearer " + ACCESS_TOKEN);
    assertThat(api.getHeader("Accept")).isEqualTo("application/json, application/vnd.amadeus+json");
  }

  @Test
  void invalidClientFailsWithTheTokenErrorAndIsNotRetried() throws Exception {
    server.enqueue(
        Fixtures.response(
            401, "application/json", Fixtures.read("token-error-invalid-client.json")));
    Amadeus amadeus = amadeus(server, clock).build();

    TokenRequestException e =
        (TokenRequestException) catchIo(() -> amadeus.execute(amadeus.api().airlines("BA")));

    assertThat(e.code()).isEqualTo(401);
    assertThat(e.error()).isEqualTo("invalid_client");
    assertThat(e.errorDescription()).isEqualTo("Client credentials are invalid");
    assertThat(e.errorBody())
        .containsEntry("code", 38187.0)
        .containsEntry("title", "Invalid parameters");
    assertThat(e.isTransient()).isFalse();
    assertThat(e.getMessage()).doesNotContain(CLIENT_SECRET);
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"errors\":[{\"code\":38190,\"title\":\"Invalid access token\",\"status\":401}]}",
        "{\"errors\":[{\"code\":\"38190\",\"title\":\"Invalid access token\",\"status\":\"401\"}]}",
        "{\"errors\":[{\"code\":38192,\"title\":\"Access token expired\",\"status\":401}]}",
        "{\"errors\":[{\"code\":\"38192\",\"title\":\"Access token expired\",\"status\":\"401\"}]}",
        "{\"errors\":[{\"code\":38193,\"title\":\"Access token revoked\",\"status\":401}]}",
        "{\"errors\":[{\"code\":\"38193\",\"title\":\"Access token revoked\",\"status\":\"401\"}]}",
      })
  void renewsTheTokenAndRetriesOnceOnATokenErrorCode(String body) throws Exception {
    server.enqueue(Fixtures.token("first-token"));
    server.enqueue(Fixtures.amadeus(401, body));
    server.enqueue(Fixtures.token("second-token"));
    server.enqueue(Fixtures.amadeus(200, Fixtures.read("airlines.json")));
    Amadeus amadeus = amadeus(server, clock).build();

    DataList<Airline> airlines = amadeus.execute(amadeus.api().airlines("BA"));

    assertThat(airlines.data).hasSize(1);
    assertThat(take(server).getPath()).isEqualTo("/v1/security/oauth2/token");
    assertThat(take(server).getHeader("Authorization")).isEqualTo("Bearer first-token");
    assertThat(take(server).getPath()).isEqualTo("/v1/security/oauth2/token");
    RecordedRequest retried = take(server);
    assertThat(retried.getPath()).isEqualTo("/v1/reference-data/airlines?airlineCodes=BA");
    assertThat(retried.getHeader("Authorization")).isEqualTo("Bearer second-token");
    assertThat(amadeus.tokens().token().value()).isEqualTo("second-token");
  }

  @ParameterizedTest
  @ValueSource(strings = {"error-invalid-header.json", "api-key-invalid"})
  void doesNotRenewOnA401ThatANewTokenCannotFix(String fixture) throws Exception {
    String body =
        fixture.endsWith(".json")
            ? Fixtures.read(fixture)
            : "{\"errors\":[{\"code\":39686,\"title\":\"Invalid API key\",\"status\":401}]}";
    server.enqueue(Fixtures.token());
    server.enqueue(Fixtures.amadeus(401, body));
    Amadeus amadeus = amadeus(server, clock).build();

    AmadeusException e =
        (AmadeusException) catchIo(() -> amadeus.execute(amadeus.api().airlines("BA")));

    assertThat(e.code()).isEqualTo(401);
    assertThat(e.errors()).hasSize(1);
    assertThat(server.getRequestCount()).isEqualTo(2); // One token, one API call.
  }

  @Test
  void renewsOnceOnA401WithAnUnparseableBodyThenGivesUp() throws Exception {
    server.enqueue(Fixtures.token("first-token"));
    server.enqueue(Fixtures.response(401, "text/html", "<html>Unauthorized</html>"));
    server.enqueue(Fixtures.token("second-token"));
    server.enqueue(Fixtures.response(401, "text/html", "<html>Unauthorized</html>"));
    Amadeus amadeus = amadeus(server, clock).build();

    AmadeusException e =
        (AmadeusException) catchIo(() -> amadeus.execute(amadeus.api().airlines("BA")));

    assertThat(e.code()).isEqualTo(401);
    assertThat(e.errors()).isEmpty();
    assertThat(e.bodyExcerpt()).isEqualTo("<html>Unauthorized</html>");
    assertThat(server.getRequestCount()).isEqualTo(4);
  }

  @Test
  void renewalPolicyReadsCodesAsNumbersOrStrings() throws Exception {
    assertThat(shouldRenew("{\"errors\":[{\"code\":38192.0}]}")).isTrue();
    assertThat(shouldRenew("{\"errors\":[{\"code\":\"38191\"},{\"code\":\"38190\"}]}")).isTrue();
    assertThat(shouldRenew("{\"errors\":[{\"code\":\"38191\"}]}")).isFalse();
    assertThat(shouldRenew("{\"errors\":[{\"code\":39683}]}")).isFalse();
    assertThat(shouldRenew("")).isTrue();
    assertThat(shouldRenew("{\"errors\":[]}")).isTrue();
    assertThat(shouldRenew("{\"message\":\"Unauthorized\"}")).isTrue();
  }

  @Test
  void forbiddenIsReturnedWithoutRenewal() throws Exception {
    server.enqueue(Fixtures.token());
    server.enqueue(
        Fixtures.amadeus(
            403, "{\"errors\":[{\"code\":\"38197\",\"title\":\"Forbidden\",\"status\":\"403\"}]}"));
    Amadeus amadeus = amadeus(server, clock).build();

    AmadeusException e =
        (AmadeusException) catchIo(() -> amadeus.execute(amadeus.api().airlines(null)));

    assertThat(e.code()).isEqualTo(403);
    assertThat(e.hasErrorCode("38197")).isTrue();
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void customBaseUrlWithAPathScopesTheTokenToThatPath() throws Exception {
    server.enqueue(Fixtures.token());
    server.enqueue(Fixtures.amadeus(200, Fixtures.read("airlines.json")));
    Amadeus amadeus = amadeus(server, clock).baseUrl(server.url("/gateway/amadeus/")).build();

    amadeus.execute(amadeus.api().airlines("BA"));

    assertThat(take(server).getPath()).isEqualTo("/gateway/amadeus/v1/security/oauth2/token");
    assertThat(take(server).getPath())
        .isEqualTo("/gateway/amadeus/v1/reference-data/airlines?airlineCodes=BA");

    // Another path on the same host does not get the token.
    server.enqueue(Fixtures.response(200, "text/plain", "ok"));
    OkHttpClient client =
        new OkHttpClient.Builder()
            .addInterceptor(new TokenInterceptor(amadeus.tokens()))
            .addNetworkInterceptor(new TokenInterceptor(amadeus.tokens()))
            .build();
    Request elsewhere = new Request.Builder().url(server.url("/other")).build();
    try (Response response = client.newCall(elsewhere).execute()) {
      assertThat(response.code()).isEqualTo(200);
    }
    assertThat(take(server).getHeader("Authorization")).isNull();
  }

  @Test
  void builderDefaultsToTheTestEnvironment() {
    Amadeus amadeus = Amadeus.builder().clientId(CLIENT_ID).clientSecret(CLIENT_SECRET).build();

    assertThat(amadeus.baseUrl().toString()).isEqualTo("https://test.api.amadeus.com/");
    assertThat(
            Amadeus.builder()
                .clientId(CLIENT_ID)
                .clientSecret(CLIENT_SECRET)
                .environment(Amadeus.Environment.PRODUCTION)
                .build()
                .baseUrl()
                .toString())
        .isEqualTo("https://api.amadeus.com/");
  }

  @Test
  void builderValidates() {
    assertThatThrownBy(() -> Amadeus.builder().clientSecret(CLIENT_SECRET).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("clientId required.");
    assertThatThrownBy(() -> Amadeus.builder().clientId(CLIENT_ID).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("clientSecret required.");
    assertThatThrownBy(() -> Amadeus.builder().baseUrl("http://api.example.com/"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("plain http");
    assertThatThrownBy(() -> Amadeus.builder().baseUrl("https://api.example.com/amadeus"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must end in /");
    // Loopback http is allowed, for test servers.
    assertThat(Amadeus.builder().baseUrl("http://localhost:8080/")).isNotNull();
  }

  @Test
  void toStringsNeverShowTheSecretOrToken() throws Exception {
    server.enqueue(Fixtures.token());
    Amadeus amadeus = amadeus(server, clock).build();
    amadeus.tokens().token();

    assertThat(amadeus.toString()).doesNotContain(CLIENT_SECRET).doesNotContain(ACCESS_TOKEN);
    assertThat(amadeus.tokens().toString())
        .doesNotContain(CLIENT_SECRET)
        .doesNotContain(ACCESS_TOKEN);
    assertThat(AmadeusAuth.RENEWAL_POLICY.toString()).isEqualTo("AmadeusAuth.RENEWAL_POLICY");
  }

  private static boolean shouldRenew(String body) throws IOException {
    Response response =
        new Response.Builder()
            .request(new Request.Builder().url("https://test.api.amadeus.com/v1/x").build())
            .protocol(Protocol.HTTP_1_1)
            .code(401)
            .message("Unauthorized")
            .body(ResponseBody.create(body, null))
            .build();
    return AmadeusAuth.RENEWAL_POLICY.shouldRenew(response);
  }

  interface IoCall {
    Object call() throws IOException;
  }

  static IOException catchIo(IoCall call) {
    try {
      call.call();
    } catch (IOException e) {
      return e;
    }
    throw new AssertionError("expected an IOException");
  }
}
