/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import okhttp3.Request;
import org.junit.jupiter.api.Test;

final class HotPathBreakdownBenchmarkTest {
  private final HotPathBreakdownBenchmark benchmark = new HotPathBreakdownBenchmark();

  @Test
  void constantHeaderAndTagAddsBoth() throws IOException {
    HotPathBenchmark.Engine engine = new HotPathBenchmark.Engine();
    engine.setUp();
    HotPathBenchmark.Calls calls = new HotPathBenchmark.Calls();
    calls.setUp(engine);
    for (int i = 0; i < 3; i++) {
      Request request = benchmark.constantHeaderAndTag(calls);
      assertThat(request.header("Authorization")).isEqualTo("Bearer token-0");
      assertThat(request.tag(HotPathBreakdownBenchmark.Marker.class)).isNotNull();
    }
  }

  @Test
  void encodedPathIsThePath() {
    assertThat(benchmark.encodedPath()).isEqualTo("/v1/reference-data/urls/checkin-links");
  }
}
