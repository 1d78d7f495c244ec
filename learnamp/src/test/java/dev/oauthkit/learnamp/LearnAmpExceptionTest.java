/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.learnamp;

import static dev.oauthkit.learnamp.Fixtures.CLIENT_SECRET;
import static dev.oauthkit.learnamp.Fixtures.json;
import static dev.oauthkit.learnamp.Fixtures.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import dev.oauthkit.learnamp.model.User;
import dev.oauthkit.testing.TestClock;
import dev.oauthkit.testing.UnreadableResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import retrofit2.Call;
import retrofit2.Callback;
import retrofit2.Response;

/** Every documented error body, and malformed ones, become a {@link LearnAmpException}. */
class LearnAmpExceptionTest {
  private static final String ACCESS_TOKEN = "access-token-canary-1234";

  private final TestClock clock = new TestClock();
  @AutoClose private final MockWebServer server = new MockWebServer();
  private LearnAmp learnAmp;

  @BeforeEach
  void setUp() throws IOException {
    server.enqueue(token(ACCESS_TOKEN));
    learnAmp = Fixtures.learnAmp(server, clock).build();
  }

  private LearnAmpException failWith(MockResponse response) {
    server.enqueue(response);
    try {
      learnAmp.execute(learnAmp.api().user(1));
    } catch (LearnAmpException e) {
      assertThat(e.getMessage()).doesNotContain(CLIENT_SECRET).doesNotContain(ACCESS_TOKEN);
      assertThat(e.toString()).doesNotContain(CLIENT_SECRET).doesNotContain(ACCESS_TOKEN);
      return e;
    } catch (IOException e) {
      throw new AssertionError("expected LearnAmpException", e);
    }
    throw new AssertionError("expected LearnAmpException, got a body");
  }

  @Test
  void notFound() {
    LearnAmpException e = failWith(json(404, "{\"error\":\"Not found\"}"));

    assertThat(e.code()).isEqualTo(404);
    assertThat(e.error()).isEqualTo("Not found");
    assertThat(e.fullErrors()).isEmpty();
    assertThat(e.bodyExcerpt()).isNull();
    assertThat(e.retryAfterMillis()).isEqualTo(-1L);
    assertThat(e.isRateLimited()).isFalse();
    assertThat(e).hasMessage("HTTP 404 Not found");
  }

  @Test
  void validationErrorsByField() {
    LearnAmpException e =
        failWith(
            json(
                400,
                "{\"error\":\"email is missing, email is empty\","
                    + "\"fullErrors\":{\"email\":[\"is missing\",\"is empty\"]}}"));

    assertThat(e.code()).isEqualTo(400);
    assertThat(e.error()).isEqualTo("email is missing, email is empty");
    assertThat(e.fullErrors())
        .containsExactly(entry("email", Arrays.asList("is missing", "is empty")));
    assertThat(e.bodyExcerpt()).isNull();
  }

  @Test
  void unprocessableEntity() {
    LearnAmpException e =
        failWith(
            json(
                422,
                "{\"error\":\"occupationRole does not match an existing role in your company\"}"));

    assertThat(e.code()).isEqualTo(422);
    assertThat(e.error())
        .isEqualTo("occupationRole does not match an existing role in your company");
  }

  @Test
  void tooManyRequestsIsRateLimitedWithRetryAfter() {
    LearnAmpException e =
        failWith(json(429, "{\"error\":\"Too Many Requests\"}").setHeader("Retry-After", "7"));

    assertThat(e.code()).isEqualTo(429);
    assertThat(e.isRateLimited()).isTrue();
    assertThat(e.retryAfterMillis()).isEqualTo(7_000L);
  }

  @Test
  void htmlBodyKeepsAnExcerpt() {
    LearnAmpException e =
        failWith(
            new MockResponse()
                .setResponseCode(502)
                .setHeader("Content-Type", "text/html")
                .setBody("<html>\n<body><h1>502 Bad Gateway</h1></body>\n</html>"));

    assertThat(e.code()).isEqualTo(502);
    assertThat(e.error()).isNull();
    assertThat(e.fullErrors()).isEmpty();
    assertThat(e.bodyExcerpt()).isEqualTo("<html> <body><h1>502 Bad Gateway</h1></body> </html>");
    assertThat(e.getMessage()).startsWith("HTTP 502 (unexpected body: <html>");
  }

  @Test
  void emptyBody() {
    LearnAmpException e = failWith(new MockResponse().setResponseCode(503));

    assertThat(e.code()).isEqualTo(503);
    assertThat(e.error()).isNull();
    assertThat(e.bodyExcerpt()).isEmpty();
    assertThat(e).hasMessage("HTTP 503 (empty body)");
  }

  @Test
  void errorOfTheWrongTypeKeepsAnExcerpt() {
    LearnAmpException object = failWith(json(500, "{\"error\":{\"code\":1}}"));
    LearnAmpException array = failWith(json(500, "[\"error\"]"));

    assertThat(object.error()).isNull();
    assertThat(object.bodyExcerpt()).isEqualTo("{\"error\":{\"code\":1}}");
    assertThat(array.error()).isNull();
    assertThat(array.bodyExcerpt()).isEqualTo("[\"error\"]");
  }

  @Test
  void fullErrorsOfTheWrongTypesAreReadLeniently() {
    LearnAmpException notAnObject = failWith(json(400, "{\"error\":\"bad\",\"fullErrors\":[1]}"));
    LearnAmpException mixed =
        failWith(
            json(
                400,
                "{\"error\":\"bad\",\"fullErrors\":{\"email\":\"is missing\",\"n\":[1,null,{}]}}"));

    assertThat(notAnObject.error()).isEqualTo("bad");
    assertThat(notAnObject.fullErrors()).isEmpty();
    assertThat(mixed.fullErrors())
        .containsExactly(
            entry("email", Arrays.asList("is missing")), entry("n", Arrays.asList("1")));
    assertThat(mixed.bodyExcerpt()).isNull();
  }

  @Test
  void echoedAccessTokenIsMasked() {
    LearnAmpException parsed =
        failWith(json(400, "{\"error\":\"token " + ACCESS_TOKEN + " is not allowed\"}"));
    LearnAmpException unparsed = failWith(json(500, "oops Bearer " + ACCESS_TOKEN));

    assertThat(parsed.error()).isEqualTo("token ██ is not allowed");
    assertThat(unparsed.bodyExcerpt()).isEqualTo("oops Bearer ██");
  }

  @Test
  void fromReadsTheErrorBodyOfAnAsyncResponse() throws Exception {
    server.enqueue(json(404, "{\"error\":\"Not found\"}"));
    CompletableFuture<LearnAmpException> result = new CompletableFuture<>();

    learnAmp
        .api()
        .user(99)
        .enqueue(
            new Callback<User>() {
              @Override
              public void onResponse(Call<User> call, Response<User> response) {
                result.complete(LearnAmpException.from(response));
              }

              @Override
              public void onFailure(Call<User> call, Throwable t) {
                result.completeExceptionally(t);
              }
            });

    LearnAmpException e = result.get(10, TimeUnit.SECONDS);
    assertThat(e.code()).isEqualTo(404);
    assertThat(e.error()).isEqualTo("Not found");
  }

  @Test
  void fromAnUnreadableBodyKeepsTheFailureAsItsCause() {
    LearnAmpException e = LearnAmpException.from(UnreadableResponse.of(503));

    UnreadableResponse.assertKeptAsCause(e, 503);
    assertThat(e.error()).isNull();
    assertThat(e.fullErrors()).isEmpty();
  }

  @Test
  void fromRejectsASuccessfulResponse() {
    assertThatThrownBy(() -> LearnAmpException.from(Response.success("ok")))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
