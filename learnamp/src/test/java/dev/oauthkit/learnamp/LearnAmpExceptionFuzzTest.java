/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.learnamp;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.oauthkit.testing.FuzzedResponse;
import java.util.List;
import java.util.Map;

/**
 * Any error response of the Learn Amp API yields a {@link LearnAmpException}, never another
 * exception, with a bounded message that never shows the request's token.
 *
 * <p>{@code mvn verify} replays the seeds in {@code LearnAmpExceptionFuzzTestInputs}; {@code
 * JAZZER_FUZZ=1 mvn -pl learnamp -am test -Dtest=LearnAmpExceptionFuzzTest
 * -Dsurefire.failIfNoSpecifiedTests=false} fuzzes for {@code maxDuration}. Input format: {@link
 * FuzzedResponse}.
 */
final class LearnAmpExceptionFuzzTest {
  @FuzzTest(maxDuration = "60s")
  void anyErrorResponseIsALearnAmpException(byte[] input) {
    FuzzedResponse fuzzed = FuzzedResponse.parse(input);
    if (fuzzed == null) return;

    LearnAmpException e = LearnAmpException.from(fuzzed.response);

    fuzzed.assertSafe(e);
    if (e.error() == null) {
      assertThat(e.fullErrors()).isEmpty();
    } else {
      assertThat(e.bodyExcerpt()).isNull();
    }
    for (Map.Entry<String, List<String>> field : e.fullErrors().entrySet()) {
      assertThat(field.getKey()).isNotNull();
      assertThat(field.getValue()).doesNotContainNull();
    }
  }
}
