/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.amadeus;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.oauthkit.amadeus.model.Issue;
import dev.oauthkit.testing.FuzzedResponse;

/**
 * Any error response of an Amadeus API yields an {@link AmadeusException}, never another exception,
 * with a bounded message that never shows the request's token.
 *
 * <p>{@code mvn verify} replays the seeds in {@code AmadeusExceptionFuzzTestInputs}; {@code
 * JAZZER_FUZZ=1 mvn -pl amadeus -am test -Dtest=AmadeusExceptionFuzzTest
 * -Dsurefire.failIfNoSpecifiedTests=false} fuzzes for {@code maxDuration}. Input format: {@link
 * FuzzedResponse}.
 */
final class AmadeusExceptionFuzzTest {
  @FuzzTest(maxDuration = "60s")
  void anyErrorResponseIsAnAmadeusException(byte[] input) {
    FuzzedResponse fuzzed = FuzzedResponse.parse(input);
    if (fuzzed == null) return;

    AmadeusException e = AmadeusException.from(fuzzed.response);

    fuzzed.assertSafe(e);
    for (Issue issue : e.errors()) {
      assertThat(issue.status).isBetween(0, Integer.MAX_VALUE);
      e.hasErrorCode(String.valueOf(issue.code));
    }
    if (e.isQuotaExceeded()) assertThat(e.hasErrorCode("38195")).isTrue();
  }
}
