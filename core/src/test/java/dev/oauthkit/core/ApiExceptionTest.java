/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import okhttp3.Headers;
import okhttp3.Request;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** What every provider's exception takes from the error body, whatever the provider's format. */
class ApiExceptionTest {
  private static final String TOKEN = "access-token-canary-9f2c";

  /** A provider's exception: a detail when the body is in its format, null otherwise. */
  static final class TestException extends ApiException {
    private static final long serialVersionUID = 1L;

    TestException(ErrorBody errorBody, @Nullable String detail) {
      super(errorBody, detail);
    }
  }

  @Test
  void aRecognizedBodyGivesTheDetailAndNoExcerpt() {
    ApiException e = new TestException(body(400, "{\"error\":\"Not found\"}"), "Not found");

    assertThat(e).hasMessage("HTTP 400 Not found").hasNoCause();
    assertThat(e.code()).isEqualTo(400);
    assertThat(e.bodyExcerpt()).isNull();
    assertThat(e.isRateLimited()).isFalse();
    assertThat(e.retryAfterMillis()).isEqualTo(-1L);
  }

  @Test
  void aBodyInAnotherShapeKeepsAnExcerpt() {
    ApiException e = new TestException(body(502, "<h1>Bad\nGateway</h1>"), null);

    assertThat(e).hasMessage("HTTP 502 (unexpected body: <h1>Bad Gateway</h1>)");
    assertThat(e.bodyExcerpt()).isEqualTo("<h1>Bad Gateway</h1>");
  }

  @Test
  void anEmptyBodyHasAnEmptyExcerpt() {
    ApiException e = new TestException(body(500, ""), null);

    assertThat(e).hasMessage("HTTP 500 (empty body)");
    assertThat(e.bodyExcerpt()).isEmpty();
  }

  @Test
  void anUnreadableBodyIsTheCause() {
    IOException reset = new IOException("connection reset");
    ErrorBody unreadable = ErrorBody.of(503, Headers.of(), new byte[0], null, 0L, reset);

    ApiException e = new TestException(unreadable, null);

    assertThat(e).hasMessage("HTTP 503 (the error body could not be read)").hasCause(reset);
    assertThat(e.bodyExcerpt()).isNull();
  }

  @Test
  void tooManyRequestsIsRateLimitedWithRetryAfter() {
    ErrorBody body = ErrorBody.of(429, Headers.of("Retry-After", "7"), utf8("{}"), null, 0L, null);

    ApiException e = new TestException(body, "slow down");

    assertThat(e.isRateLimited()).isTrue();
    assertThat(e.retryAfterMillis()).isEqualTo(7000L);
  }

  @Test
  void retryAfterOnAnotherStatusIsKeptButIsNoRateLimit() {
    ErrorBody body = ErrorBody.of(503, Headers.of("Retry-After", "2"), utf8(""), null, 0L, null);

    ApiException e = new TestException(body, null);

    assertThat(e.isRateLimited()).isFalse();
    assertThat(e.retryAfterMillis()).isEqualTo(2000L);
  }

  @Test
  void theMessageIsOneBoundedLineWithoutTheToken() {
    StringBuilder detail = new StringBuilder("line one\nline two " + TOKEN + " ");
    while (detail.length() < 1000) detail.append("more ");
    Request request =
        new Request.Builder()
            .url("https://api.example.com/")
            .header("Authorization", "Bearer " + TOKEN)
            .build();
    ErrorBody echo = ErrorBody.of(400, Headers.of(), utf8("echo " + TOKEN), request, 0L, null);

    ApiException unexpected = new TestException(echo, null);
    ApiException bounded = new TestException(echo, detail.toString().replace(TOKEN, "██"));

    assertThat(unexpected.getMessage()).isEqualTo("HTTP 400 (unexpected body: echo ██)");
    assertThat(bounded.getMessage())
        .hasSize(201)
        .doesNotContain("\n")
        .startsWith("HTTP 400 line one");
  }

  private static ErrorBody body(int code, String text) {
    return ErrorBody.of(code, Headers.of(), utf8(text), null, 0L, null);
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
