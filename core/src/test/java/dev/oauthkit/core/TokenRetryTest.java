/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.core;

import static dev.oauthkit.core.TestServer.json;
import static dev.oauthkit.core.TestServer.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.text.SimpleDateFormat;
import java.util.Date;
import java.util.Locale;
import java.util.TimeZone;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Guarantee 7: transient token endpoint failures are retried with backoff, others are not. */
final class TokenRetryTest {
  private final MockWebServer server = new MockWebServer();
  private final TestClock clock = new TestClock();
  private final RecordingTokenListener listener = new RecordingTokenListener();
  private TokenManager tokens;

  @BeforeEach
  void setUp() throws Exception {
    server.start();
    tokens = builder().build();
  }

  private TokenManager.Builder builder() {
    return new TokenManager.Builder(TestServer.endpoint(server).build(), Grant.clientCredentials())
        .addApiBaseUrl(server.url("/"))
        .clock(clock)
        .listener(listener)
        .refreshExecutor(new ManualExecutor());
  }

  @AfterEach
  void tearDown() throws Exception {
    server.shutdown();
  }

  @ParameterizedTest
  @ValueSource(ints = {500, 502, 503, 429})
  void transientStatusIsRetriedWithExponentialBackoff(int code) throws Exception {
    server.enqueue(json(code, "{}"));
    server.enqueue(json(code, "{}"));
    server.enqueue(token("A", 3600));

    assertThat(tokens.token().value()).isEqualTo("A");

    assertThat(server.getRequestCount()).isEqualTo(3);
    assertThat(clock.sleeps).hasSize(2);
    assertThat(clock.sleeps.get(0)).isBetween(500L, 1000L);
    assertThat(clock.sleeps.get(1)).isBetween(1000L, 2000L);
    assertThat(listener.count("retry")).isEqualTo(2);
  }

  @Test
  void requestTimeoutIsRetried() throws Exception {
    // OkHttp itself repeats a request once after a 408; the engine retries what remains.
    server.enqueue(json(408, "{}"));
    server.enqueue(json(408, "{}"));
    server.enqueue(token("A", 3600));

    assertThat(tokens.token().value()).isEqualTo("A");
    assertThat(server.getRequestCount()).isEqualTo(3);
    assertThat(clock.sleeps).hasSize(1);
  }

  @Test
  void givesUpAfterThreeAttempts() throws Exception {
    for (int i = 0; i < 3; i++) server.enqueue(json(503, "{}"));
    server.enqueue(token("never", 3600));

    assertThatThrownBy(tokens::token)
        .isInstanceOf(TokenRequestException.class)
        .satisfies(
            e -> {
              TokenRequestException typed = (TokenRequestException) e;
              assertThat(typed.code()).isEqualTo(503);
              assertThat(typed.isTransient()).isTrue();
            });
    assertThat(server.getRequestCount()).isEqualTo(3);
    assertThat(clock.sleeps).hasSize(2);
  }

  @Test
  void retryAfterSecondsIsHonoured() throws Exception {
    server.enqueue(json(429, "{}").setHeader("Retry-After", "7"));
    server.enqueue(token("A", 3600));

    tokens.token();

    assertThat(clock.sleeps).containsExactly(7000L);
  }

  @Test
  void retryAfterHttpDateIsHonoured() throws Exception {
    SimpleDateFormat format = new SimpleDateFormat("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US);
    format.setTimeZone(TimeZone.getTimeZone("GMT"));
    String inFiveSeconds = format.format(new Date(TestClock.START_MILLIS + 5000));
    server.enqueue(json(503, "{}").setHeader("Retry-After", inFiveSeconds));
    server.enqueue(token("A", 3600));

    tokens.token();

    assertThat(clock.sleeps).containsExactly(5000L);
  }

  @Test
  void retryAfterBeyondTheCapFailsAtOnce() throws Exception {
    server.enqueue(json(429, "{\"error\":\"slow_down\"}").setHeader("Retry-After", "3600"));

    assertThatThrownBy(tokens::token)
        .isInstanceOf(TokenRequestException.class)
        .hasMessageContaining("slow_down");
    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(clock.sleeps).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(ints = {400, 401, 403, 404})
  void clientErrorsAreNotRetried(int code) throws Exception {
    server.enqueue(json(code, "{\"error\":\"invalid_request\"}"));

    assertThatThrownBy(tokens::token)
        .isInstanceOf(TokenRequestException.class)
        .satisfies(e -> assertThat(((TokenRequestException) e).isTransient()).isFalse());
    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(clock.sleeps).isEmpty();
  }

  @Test
  void connectionFailureIsRetried() throws Exception {
    server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AT_START));
    server.enqueue(token("A", 3600));

    assertThat(tokens.token().value()).isEqualTo("A");
    assertThat(server.getRequestCount()).isEqualTo(2);
    assertThat(clock.sleeps).hasSize(1);
  }

  @Test
  void readTimeoutIsRetriedThenReportedTyped() throws Exception {
    TokenManager impatient = builder().client(TestServer.timingOutClient()).maxAttempts(2).build();
    // The server never answers either attempt: the read timeout is the only way out.
    server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));
    server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));

    assertThatThrownBy(impatient::token)
        .isInstanceOf(TokenRequestException.class)
        .hasMessageContaining("SocketTimeoutException")
        .satisfies(
            e -> {
              assertThat(((TokenRequestException) e).code()).isZero();
              assertThat(((TokenRequestException) e).isTransient()).isTrue();
            });
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void retryDelaysGrowExponentiallyWithJitter() {
    for (int i = 0; i < 100; i++) {
      assertThat(Attempts.retryDelay(1)).isBetween(500L, 1000L);
      assertThat(Attempts.retryDelay(2)).isBetween(1000L, 2000L);
      assertThat(Attempts.retryDelay(3)).isBetween(2000L, 4000L);
    }
  }
}
