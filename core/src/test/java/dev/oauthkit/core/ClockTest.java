/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.core;

import static dev.oauthkit.core.TestServer.token;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link Clock} has one abstract method, so a lambda is a clock. */
final class ClockTest {
  private final MockWebServer server = new MockWebServer();

  @BeforeEach
  void setUp() throws Exception {
    server.start();
  }

  @AfterEach
  void tearDown() throws Exception {
    server.shutdown();
  }

  @Test
  void aLambdaIsAClock() throws Exception {
    Clock clock = () -> 42L;

    assertThat(clock.currentTimeMillis()).isEqualTo(42L);
    assertThat(Clock.class.getMethod("sleep", long.class).isDefault()).isTrue();
  }

  @Test
  void aLambdaClockTimesTheManagersTokens() throws Exception {
    long now = TimeUnit.DAYS.toMillis(20_000);
    server.enqueue(token("A", 3600));
    TokenManager tokens =
        new TokenManager.Builder(TestServer.endpoint(server).build(), Grant.clientCredentials())
            .addApiBaseUrl(server.url("/"))
            .clock(() -> now)
            .refreshExecutor(new ManualExecutor())
            .build();

    AccessToken token = tokens.token();

    assertThat(token.issuedAtMillis()).isEqualTo(now);
    assertThat(token.expiresAtMillis()).isEqualTo(now + TimeUnit.HOURS.toMillis(1));
    assertThat(tokens.token()).isSameAs(token); // Fresh by the lambda's time: no second request.
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void systemClockReadsTheSystemTime() {
    long before = System.currentTimeMillis();
    long now = Clock.SYSTEM.currentTimeMillis();

    assertThat(now).isBetween(before, System.currentTimeMillis());
    assertThat(Clock.SYSTEM).hasToString("Clock.SYSTEM");
  }
}
