/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.benchmarks.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CI smoke of the load harness: every client for 0.6 s per scenario at 2 threads. Asserts that
 * things happened, never how fast: CI machines are small and busy.
 */
class LoadHarnessSmokeTest {
  @TempDir Path dir;

  @Test
  void everyClientMakesCallsAndTheServerIssuesTokens() throws Exception {
    LoadHarness.Results results = LoadHarness.run(LoadHarness.Settings.smoke(dir.toFile()));

    assertThat(results.clients()).hasSize(6);
    for (String client : results.clients()) {
      assertThat(results.successes(client)).as(client + " successful calls").isPositive();
      if (results.managesTokens(client)) {
        assertThat(results.tokenRequests(client)).as(client + " token requests").isPositive();
      }
    }
    assertThat(results.markdown())
        .contains("## Steady load", "## Cold start", "## Revocation", "oauthkit-amadeus");
    assertThat(new File(dir.toFile(), "load-results.md")).isFile();
    assertThat(results.charts()).hasSize(2);
    for (File chart : results.charts()) {
      assertThat(chart).isFile();
      assertThat(chart.length()).isPositive();
    }
  }
}
