/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.amadeus;

import static dev.oauthkit.amadeus.AmadeusAuthTest.catchIo;
import static dev.oauthkit.amadeus.Fixtures.ACCESS_TOKEN;
import static dev.oauthkit.amadeus.Fixtures.CLIENT_SECRET;
import static dev.oauthkit.amadeus.Fixtures.amadeus;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oauthkit.amadeus.model.Airline;
import dev.oauthkit.amadeus.model.DataList;
import dev.oauthkit.amadeus.model.Issue;
import dev.oauthkit.core.ApiException;
import dev.oauthkit.testing.TestClock;
import dev.oauthkit.testing.UnreadableResponse;
import java.io.IOException;
import java.util.Date;
import okhttp3.Headers;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import retrofit2.Response;

/** Every Amadeus error shape, and bodies in no shape at all, become an {@link AmadeusException}. */
class AmadeusExceptionTest {
  private final TestClock clock = new TestClock();
  @AutoClose private final MockWebServer server = new MockWebServer();
  private Amadeus amadeus;

  @BeforeEach
  void setUp() throws IOException {
    server.enqueue(Fixtures.token());
    amadeus = amadeus(server, clock).build();
  }

  @Test
  void validationErrorWithNumericCodeAndSource() throws Exception {
    AmadeusException e = fail(Fixtures.amadeus(400, Fixtures.read("error-invalid-format.json")));

    assertThat(e).isInstanceOf(ApiException.class);
    assertThat(e.isRateLimited()).isFalse();
    assertThat(e.code()).isEqualTo(400);
    assertThat(e.bodyExcerpt()).isNull();
    assertThat(e.errors()).hasSize(1);
    Issue error = e.errors().get(0);
    assertThat(error.status).isEqualTo(400);
    assertThat(error.code).isEqualTo("477");
    assertThat(error.title).isEqualTo("INVALID FORMAT");
    assertThat(error.detail).isEqualTo("invalid query parameter format");
    assertThat(error.source.parameter).isEqualTo("airlineCodes");
    assertThat(error.source.example).isEqualTo("BA");
    assertThat(error.source.pointer).isNull();
    assertThat(e.hasErrorCode("477")).isTrue();
    assertThat(e.getMessage())
        .isEqualTo(
            "HTTP 400 477 INVALID FORMAT: invalid query parameter format (parameter airlineCodes)");
  }

  @Test
  void gatewayErrorWithStringCodeAndStatus() throws Exception {
    AmadeusException e = fail(Fixtures.amadeus(401, Fixtures.read("error-invalid-header.json")));

    Issue error = e.errors().get(0);
    assertThat(error.status).isEqualTo(401);
    assertThat(error.code).isEqualTo("38191");
    assertThat(error.title).isEqualTo("Invalid HTTP header");
    assertThat(error.source).isNull();
    assertThat(e.getMessage())
        .isEqualTo(
            "HTTP 401 38191 Invalid HTTP header: Missing or invalid format for mandatory"
                + " Authorization header");
  }

  @Test
  void everyErrorIsKept() throws Exception {
    AmadeusException e =
        fail(
            Fixtures.amadeus(
                400,
                "{\"errors\":[{\"status\":400,\"code\":32171,\"title\":\"MANDATORY DATA MISSING\","
                    + "\"detail\":null,\"source\":{\"pointer\":\"/keyword\"}},"
                    + "{\"status\":400,\"code\":572,\"title\":\"INVALID OPTION\"}]}"));

    assertThat(e.errors()).extracting(error -> error.code).containsExactly("32171", "572");
    assertThat(e.errors().get(0).detail).isNull();
    assertThat(e.errors().get(0).source.pointer).isEqualTo("/keyword");
    assertThat(e.getMessage()).isEqualTo("HTTP 400 32171 MANDATORY DATA MISSING and 1 more");
  }

  @Test
  void tooManyRequestsIsRateLimitedWithRetryAfterSeconds() throws Exception {
    AmadeusException e =
        fail(
            Fixtures.amadeus(429, Fixtures.read("error-too-many-requests.json"))
                .setHeader("Retry-After", "2"));

    assertThat(e.isRateLimited()).isTrue();
    assertThat(e.retryAfterMillis()).isEqualTo(2000L);
    assertThat(e.isQuotaExceeded()).isFalse();
    assertThat(e.hasErrorCode("38194")).isTrue();
    assertThat(server.getRequestCount()).isEqualTo(2); // Not retried.
  }

  @Test
  @SuppressWarnings("JavaUtilDate") // OkHttp's header API.
  void retryAfterAsHttpDateIsMeasuredWithTheClock() throws Exception {
    Headers retryAfter =
        new Headers.Builder().add("Retry-After", new Date(TestClock.START_MILLIS + 5000L)).build();
    AmadeusException e =
        fail(
            Fixtures.amadeus(429, Fixtures.read("error-too-many-requests.json"))
                .setHeader("Retry-After", retryAfter.get("Retry-After")));

    assertThat(e.retryAfterMillis()).isEqualTo(5000L);
  }

  @Test
  void quotaUsedUpIsRateLimitedWithoutRetryAfter() throws Exception {
    AmadeusException e = fail(Fixtures.amadeus(429, Fixtures.read("error-quota.json")));

    assertThat(e.isRateLimited()).isTrue();
    assertThat(e.retryAfterMillis()).isEqualTo(-1L);
    assertThat(e.isQuotaExceeded()).isTrue();
  }

  @Test
  void rateLimitWithAnHtmlBodyIsStillRateLimited() throws Exception {
    AmadeusException e = fail(Fixtures.response(429, "text/html", "<h1>Slow down</h1>"));

    assertThat(e.isRateLimited()).isTrue();
    assertThat(e.errors()).isEmpty();
    assertThat(e.bodyExcerpt()).isEqualTo("<h1>Slow down</h1>");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "<html><body><h1>502 Bad Gateway</h1></body></html>",
        "",
        "{\"errors\":\"boom\"}",
        "{\"errors\":[42,\"x\"]}",
        "{\"errors\":[]}",
        "[1,2,3]",
        "{\"errors\":[{\"code\":\"38189\"",
        "null",
      })
  void bodiesInAnotherShapeGiveTheTypedExceptionWithAnExcerpt(String body) throws Exception {
    AmadeusException e = fail(Fixtures.response(502, "text/html", body));

    assertThat(e.code()).isEqualTo(502);
    assertThat(e.errors()).isEmpty();
    assertThat(e.bodyExcerpt()).isEqualTo(body);
    assertThat(e.getMessage())
        .isEqualTo(
            body.isEmpty() ? "HTTP 502 (empty body)" : "HTTP 502 (unexpected body: " + body + ")");
  }

  @Test
  void fieldsOfTheWrongTypeAreReadLeniently() throws Exception {
    AmadeusException e =
        fail(
            Fixtures.amadeus(
                500,
                "{\"errors\":[{\"status\":\"five hundred\",\"code\":{\"x\":1},\"title\":true,"
                    + "\"detail\":[\"a\"],\"source\":\"query\"}]}"));

    Issue error = e.errors().get(0);
    assertThat(error.status).isZero();
    assertThat(error.code).isNull();
    assertThat(error.title).isEqualTo("true");
    assertThat(error.detail).isNull();
    assertThat(error.source).isNull();
    assertThat(e.bodyExcerpt()).isNull();
  }

  @Test
  void longBodiesAreCutInTheExcerpt() throws Exception {
    StringBuilder html = new StringBuilder("<html>");
    for (int i = 0; i < 1000; i++) html.append("<p>line ").append(i).append("</p>\n");
    AmadeusException e = fail(Fixtures.response(503, "text/html", html.toString()));

    assertThat(e.bodyExcerpt()).hasSizeLessThanOrEqualTo(201).doesNotContain("\n");
  }

  @Test
  void anEchoedAccessTokenIsRedacted() throws Exception {
    AmadeusException e =
        fail(
            Fixtures.response(
                500,
                "text/plain",
                "upstream said: Authorization: Bearer " + ACCESS_TOKEN + " was bad"));
    AmadeusException parsed =
        fail(
            Fixtures.amadeus(
                500,
                "{\"errors\":[{\"code\":141,\"title\":\"SYSTEM ERROR HAS OCCURRED\","
                    + "\"detail\":\"token "
                    + ACCESS_TOKEN
                    + "\"}]}"));

    assertThat(e.bodyExcerpt()).contains("upstream said").doesNotContain(ACCESS_TOKEN);
    assertThat(parsed.getMessage()).contains("SYSTEM ERROR").doesNotContain(ACCESS_TOKEN);
    assertThat(parsed.errors().get(0).detail).doesNotContain(ACCESS_TOKEN);
    for (AmadeusException each : new AmadeusException[] {e, parsed}) {
      assertThat(String.valueOf(each)).doesNotContain(ACCESS_TOKEN).doesNotContain(CLIENT_SECRET);
    }
  }

  @Test
  void fromRetrofitResponse() throws Exception {
    server.enqueue(Fixtures.amadeus(400, Fixtures.read("error-invalid-format.json")));

    Response<DataList<Airline>> response = amadeus.api().airlines("B").execute();
    AmadeusException e = AmadeusException.from(response);

    assertThat(e.code()).isEqualTo(400);
    assertThat(e.errors().get(0).code).isEqualTo("477");
  }

  @Test
  void fromRetrofitResponseRefusesASuccess() throws Exception {
    server.enqueue(Fixtures.amadeus(200, Fixtures.read("airlines.json")));

    Response<DataList<Airline>> response = amadeus.api().airlines("BA").execute();

    assertThatThrownBy(() -> AmadeusException.from(response))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void fromAnUnreadableBodyKeepsTheFailureAsItsCause() {
    AmadeusException e = AmadeusException.from(UnreadableResponse.of(500));

    UnreadableResponse.assertKeptAsCause(e, 500);
    assertThat(e.errors()).isEmpty();
  }

  private AmadeusException fail(okhttp3.mockwebserver.MockResponse response) {
    server.enqueue(response);
    return (AmadeusException) catchIo(() -> amadeus.execute(amadeus.api().airlines("BA")));
  }
}
