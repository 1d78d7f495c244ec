/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.core;

import static dev.oauthkit.core.TestServer.json;
import static dev.oauthkit.core.TestServer.token;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Guarantees 1, 2 and 4: FRESH, STALE and EXPIRED tokens, refresh ahead and its backoff. */
final class TokenFreshnessTest {
  private final MockWebServer server = new MockWebServer();
  private final TestClock clock = new TestClock();
  private final ManualExecutor executor = new ManualExecutor();
  private final RecordingTokenListener listener = new RecordingTokenListener();
  private TokenManager tokens;

  @BeforeEach
  void setUp() throws Exception {
    server.start();
    tokens =
        new TokenManager.Builder(TestServer.endpoint(server).build(), Grant.clientCredentials())
            .addApiBaseUrl(server.url("/"))
            .clock(clock)
            .refreshExecutor(executor)
            .listener(listener)
            .maxAttempts(1)
            .build();
  }

  @AfterEach
  void tearDown() throws Exception {
    server.shutdown();
  }

  @Test
  void freshTokenIsServedWithoutARequest() throws Exception {
    server.enqueue(token("A", 3600));

    assertThat(tokens.token().value()).isEqualTo("A");
    clock.advance(3600 - 121, TimeUnit.SECONDS);
    assertThat(tokens.token().value()).isEqualTo("A");

    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(executor.size()).isZero();
  }

  @Test
  void expiryIsRequestTimePlusExpiresIn() throws Exception {
    server.enqueue(token("A", 1799));

    AccessToken token = tokens.token();

    assertThat(token.issuedAtMillis()).isEqualTo(TestClock.START_MILLIS);
    assertThat(token.expiresAtMillis()).isEqualTo(TestClock.START_MILLIS + 1_799_000L);
  }

  @Test
  void staleTokenIsServedAtOnceAndRenewedOnceInTheBackground() throws Exception {
    server.enqueue(token("A", 3600));
    tokens.token();
    clock.advance(3600 - 100, TimeUnit.SECONDS); // Inside the 2-minute refresh-ahead window.

    for (int i = 0; i < 5; i++) {
      assertThat(tokens.token().value()).isEqualTo("A");
    }
    assertThat(executor.size()).isEqualTo(1);
    assertThat(server.getRequestCount()).isEqualTo(1);

    server.enqueue(token("B", 3600));
    assertThat(executor.runAll()).isEqualTo(1);

    assertThat(tokens.token().value()).isEqualTo("B");
    assertThat(server.getRequestCount()).isEqualTo(2);
    assertThat(executor.size()).isZero();
  }

  @Test
  void expiredTokenBlocksForANewOne() throws Exception {
    server.enqueue(token("A", 3600));
    tokens.token();
    clock.advance(3600 - 20, TimeUnit.SECONDS); // Inside the 30-second expiry skew.

    server.enqueue(token("B", 3600));
    assertThat(tokens.token().value()).isEqualTo("B");

    assertThat(server.getRequestCount()).isEqualTo(2);
    assertThat(executor.size()).isZero();
  }

  @Test
  void fourSecondTokensAreFreshThenStaleThenExpired() throws Exception {
    server.enqueue(token("A", 4));
    tokens.token();

    clock.advance(1999, TimeUnit.MILLISECONDS);
    assertThat(tokens.token().value()).isEqualTo("A");
    assertThat(executor.size()).isZero();

    clock.advance(1, TimeUnit.MILLISECONDS); // 2 s: half the lifetime, stale.
    assertThat(tokens.token().value()).isEqualTo("A");
    assertThat(executor.size()).isEqualTo(1);

    clock.advance(1, TimeUnit.SECONDS); // 3 s: a quarter of the lifetime left, expired.
    server.enqueue(token("B", 4));
    assertThat(tokens.token().value()).isEqualTo("B");
    assertThat(server.getRequestCount()).isEqualTo(2);

    // The queued background renewal finds B fresh and sends nothing.
    executor.runAll();
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void failedBackgroundRenewalKeepsServingTheTokenAndBacksOff() throws Exception {
    server.enqueue(token("A", 3600));
    tokens.token();
    clock.advance(3600 - 100, TimeUnit.SECONDS);

    tokens.token();
    server.enqueue(json(500, "{}"));
    executor.runAll();
    assertThat(server.getRequestCount()).isEqualTo(2);

    // Backing off for 5 s: the token is served, no renewal is scheduled.
    assertThat(tokens.token().value()).isEqualTo("A");
    clock.advance(4999, TimeUnit.MILLISECONDS);
    assertThat(tokens.token().value()).isEqualTo("A");
    assertThat(executor.size()).isZero();

    clock.advance(1, TimeUnit.MILLISECONDS);
    assertThat(tokens.token().value()).isEqualTo("A");
    assertThat(executor.size()).isEqualTo(1);
    server.enqueue(json(503, "{}"));
    executor.runAll();

    // The second failure doubles the backoff to 10 s.
    clock.advance(9999, TimeUnit.MILLISECONDS);
    assertThat(tokens.token().value()).isEqualTo("A");
    assertThat(executor.size()).isZero();
    clock.advance(1, TimeUnit.MILLISECONDS);
    tokens.token();
    assertThat(executor.size()).isEqualTo(1);

    server.enqueue(token("B", 3600));
    executor.runAll();
    assertThat(tokens.token().value()).isEqualTo("B");
    assertThat(server.getRequestCount()).isEqualTo(4);
  }

  @Test
  void backoffIsCappedAtSixtySeconds() throws Exception {
    server.enqueue(token("A", 3600));
    tokens = rebuildWithRefreshAhead(30);
    tokens.token();
    clock.advance(3600 - 29 * 60, TimeUnit.SECONDS); // Stale for the next 29 minutes.

    long[] expected = {5, 10, 20, 40, 60, 60};
    for (long backoffSeconds : expected) {
      tokens.token();
      assertThat(executor.size()).isEqualTo(1);
      server.enqueue(json(500, "{}"));
      executor.runAll();
      clock.advance(backoffSeconds * 1000 - 1, TimeUnit.MILLISECONDS);
      tokens.token();
      assertThat(executor.size()).isZero();
      clock.advance(1, TimeUnit.MILLISECONDS);
    }
  }

  @Test
  void clockJumpingAnHourForwardFetchesANewToken() throws Exception {
    server.enqueue(token("A", 1799));
    tokens.token();

    clock.advance(1, TimeUnit.HOURS);
    server.enqueue(token("B", 1799));

    assertThat(tokens.token().value()).isEqualTo("B");
    assertThat(executor.size()).isZero();
  }

  @Test
  void tokenWithoutExpiresInLivesUntilA401() throws Exception {
    server.enqueue(json(200, "{\"access_token\":\"A\",\"token_type\":\"Bearer\"}"));
    assertThat(tokens.token().hasExpiry()).isFalse();

    clock.advance(30, TimeUnit.DAYS);
    assertThat(tokens.token().value()).isEqualTo("A");
    assertThat(server.getRequestCount()).isEqualTo(1);

    server.enqueue(token("B", 3600));
    assertThat(tokens.refresh("A").value()).isEqualTo("B");
  }

  @Test
  void marginsAreConfigurable() throws Exception {
    tokens = rebuildWithRefreshAhead(10);
    server.enqueue(token("A", 3600));
    tokens.token();

    clock.advance(3600 - 11 * 60, TimeUnit.SECONDS);
    tokens.token();
    assertThat(executor.size()).isZero();
    clock.advance(1, TimeUnit.MINUTES);
    tokens.token();
    assertThat(executor.size()).isEqualTo(1);
  }

  private TokenManager rebuildWithRefreshAhead(long minutes) {
    return new TokenManager.Builder(TestServer.endpoint(server).build(), Grant.clientCredentials())
        .addApiBaseUrl(server.url("/"))
        .clock(clock)
        .refreshExecutor(executor)
        .refreshAhead(minutes, TimeUnit.MINUTES)
        .maxAttempts(1)
        .build();
  }
}
