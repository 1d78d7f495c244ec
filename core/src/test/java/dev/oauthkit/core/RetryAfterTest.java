/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.core;

import static dev.oauthkit.core.TestServer.json;
import static dev.oauthkit.core.TestServer.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oauthkit.core.internal.HttpBodies;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.Headers;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A {@code Retry-After} too large to be counted in milliseconds means "not soon", never a negative
 * or a short delay. Found by fuzzing the providers' error parsers, which share {@link HttpBodies}.
 */
final class RetryAfterTest {
  private final MockWebServer server = new MockWebServer();
  private final TestClock clock = new TestClock();

  @BeforeEach
  void setUp() throws Exception {
    server.start();
  }

  @AfterEach
  void tearDown() throws Exception {
    server.shutdown();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "666666666666666666",
        "9223372036854775807",
        "18446744073709552",
        "99999999999999999999999"
      })
  void hugeSecondsSaturate(String seconds) {
    assertThat(HttpBodies.retryAfterMillis(Headers.of("Retry-After", seconds), 0L))
        .isEqualTo(Long.MAX_VALUE);
  }

  @Test
  void ordinarySecondsAreMilliseconds() {
    assertThat(HttpBodies.retryAfterMillis(Headers.of("Retry-After", "120"), 0L))
        .isEqualTo(120_000L);
    assertThat(HttpBodies.retryAfterMillis(Headers.of("Retry-After", "-1"), 0L)).isEqualTo(-1L);
  }

  /** 18446744073709552 s × 1000 overflowed to 384 ms: the engine retried almost at once. */
  @Test
  void hugeRetryAfterFailsAtOnceInsteadOfRetryingSoon() throws Exception {
    TokenManager tokens =
        new TokenManager.Builder(TestServer.endpoint(server).build(), Grant.clientCredentials())
            .addApiBaseUrl(server.url("/"))
            .clock(clock)
            .refreshExecutor(new ManualExecutor())
            .build();
    // 429: OkHttp 4.12 itself throws NumberFormatException for a 503 with such a Retry-After.
    server.enqueue(json(429, "{}").setHeader("Retry-After", "18446744073709552"));
    server.enqueue(token("A", 3600));

    assertThatThrownBy(tokens::token)
        .isInstanceOf(TokenRequestException.class)
        .satisfies(e -> assertThat(((TokenRequestException) e).code()).isEqualTo(429));
    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(clock.sleeps).isEmpty();
  }

  @Test
  void retryAfterOfAServerAnswerIsExposed() {
    TokenManager tokens =
        new TokenManager.Builder(TestServer.endpoint(server).build(), Grant.clientCredentials())
            .addApiBaseUrl(server.url("/"))
            .clock(clock)
            .maxAttempts(1)
            .refreshExecutor(new ManualExecutor())
            .build();
    server.enqueue(json(429, "{}").setHeader("Retry-After", "2"));

    TokenRequestException e = TokenResponseParsingTest.tokenFailure(tokens);

    assertThat(e.retryAfterMillis()).isEqualTo(2_000L);
    assertThat(
            new TokenRequestException("refused", 400, "invalid_grant", null, false)
                .retryAfterMillis())
        .isEqualTo(-1L);
  }

  @Test
  void customSourceRetryAfterIsHonoured() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    TokenSource busyOnce =
        grant -> {
          if (calls.incrementAndGet() == 1) {
            throw new TokenRequestException(
                "backend busy", 503, "temporarily_unavailable", null, true, 7_000L);
          }
          return new AccessToken.Builder()
              .value("from-backend")
              .issuedAtMillis(clock.currentTimeMillis())
              .expiresAtMillis(clock.currentTimeMillis() + 3_600_000L)
              .build();
        };
    TokenManager tokens = customSourceManager(busyOnce);

    assertThat(tokens.token().value()).isEqualTo("from-backend");

    assertThat(calls.get()).isEqualTo(2);
    assertThat(clock.sleeps).containsExactly(7_000L);
  }

  @Test
  void customSourceRetryAfterBeyondTheWaitBudgetFailsAtOnce() {
    TokenRequestException busy =
        new TokenRequestException("backend busy", 429, null, null, true, 60_000L);
    AtomicInteger calls = new AtomicInteger();
    TokenManager tokens =
        customSourceManager(
            grant -> {
              calls.incrementAndGet();
              throw busy;
            });

    assertThat(TokenResponseParsingTest.tokenFailure(tokens)).isSameAs(busy);
    assertThat(busy.retryAfterMillis()).isEqualTo(60_000L);
    assertThat(calls.get()).isEqualTo(1);
    assertThat(clock.sleeps).isEmpty();
  }

  @Test
  void retryAfterMillisBelowMinusOneIsRefused() {
    assertThatThrownBy(() -> new TokenRequestException("busy", 503, null, null, true, -2L))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("retryAfterMillis < -1: -2");
    assertThat(new TokenRequestException("busy", 503, null, null, true, -1L).retryAfterMillis())
        .isEqualTo(-1L);
  }

  private TokenManager customSourceManager(TokenSource source) {
    return new TokenManager.Builder(source, Grant.clientCredentials())
        .clock(clock)
        .addApiBaseUrl(server.url("/"))
        .refreshExecutor(new ManualExecutor())
        .build();
  }
}
