/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oauthkit.core.AccessToken;
import java.io.IOException;
import okhttp3.Request;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The CI smoke of the micro benchmarks: each benchmark method, called directly a few times (no JMH
 * fork, no timing), does what it claims to measure.
 */
final class HotPathBenchmarkTest {
  private static final int CALLS = 3;

  private final HotPathBenchmark benchmark = new HotPathBenchmark();
  private final HotPathBenchmark.Engine engine = new HotPathBenchmark.Engine();
  private final HotPathBenchmark.Calls calls = new HotPathBenchmark.Calls();

  @BeforeEach
  void setUp() throws IOException {
    engine.setUp();
    calls.setUp(engine);
  }

  @Test
  void baselineNoopPassesTheRequestOnUnchanged() throws IOException {
    for (int i = 0; i < CALLS; i++) {
      Request request = benchmark.baselineNoop(calls);
      assertThat(request.url()).isEqualTo(HotPathBenchmark.API_URL);
      assertThat(request.header("Authorization")).isNull();
      assertThat(calls.chain.authorization).isNull();
    }
  }

  @Test
  void baselineConstantHeaderAddsTheConstant() throws IOException {
    for (int i = 0; i < CALLS; i++) {
      Request request = benchmark.baselineConstantHeader(calls);
      assertThat(request.header("Authorization")).isEqualTo("Bearer token-0");
      assertThat(calls.chain.authorization).isEqualTo("Bearer token-0");
    }
  }

  @Test
  void tokenInterceptorAttachesTheCachedToken() throws IOException {
    for (int i = 0; i < CALLS; i++) {
      Request request = benchmark.tokenInterceptor(engine, calls);
      assertThat(request.url()).isEqualTo(HotPathBenchmark.API_URL);
      assertThat(request.header("Authorization")).isEqualTo("Bearer token-2");
      assertThat(calls.chain.authorization).isEqualTo("Bearer token-2");
    }
    // token-1 in setup, token-2 for the 401 path; nothing in the measured calls.
    assertThat(engine.freshSource.fetches()).isEqualTo(2);
  }

  @Test
  void clockReadReadsTheSystemClock() {
    long before = System.currentTimeMillis();
    assertThat(benchmark.clockRead()).isBetween(before, System.currentTimeMillis());
  }

  @Test
  void tokenManagerTokenReturnsTheCachedToken() throws IOException {
    for (int i = 0; i < CALLS; i++) {
      AccessToken token = benchmark.tokenManagerToken(engine);
      assertThat(token.value()).isEqualTo("token-2");
    }
    assertThat(engine.freshSource.fetches()).isEqualTo(2);
  }

  @Test
  void staleTokenIsServedWhileOneRenewalIsPending() throws IOException {
    for (int i = 0; i < CALLS; i++) {
      Request request = benchmark.staleTokenInterceptor(engine, calls);
      assertThat(request.header("Authorization")).isEqualTo("Bearer token-1");
      assertThat(benchmark.staleTokenManagerToken(engine).value()).isEqualTo("token-1");
    }
    // The renewal was handed to the executor once (which keeps it pending), never run.
    assertThat(engine.staleRenewals.submitted()).isEqualTo(1);
    assertThat(engine.staleSource.fetches()).isEqualTo(1);
  }

  @Test
  void authenticatorRetriesWithTheCurrentTokenWithoutATokenRequest() throws IOException {
    assertThat(engine.unauthorized.request().header("Authorization")).isEqualTo("Bearer token-1");
    for (int i = 0; i < CALLS; i++) {
      Request retry = benchmark.authenticator401(engine);
      assertThat(retry).isNotNull();
      assertThat(retry.url()).isEqualTo(HotPathBenchmark.API_URL);
      assertThat(retry.header("Authorization")).isEqualTo("Bearer token-2");
    }
    assertThat(engine.freshSource.fetches()).isEqualTo(2);
  }
}
