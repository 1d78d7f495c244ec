/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.bindeo;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.oauthkit.testing.FuzzedResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Any error response of the Bindeo API yields a {@link BindeoException}, never another exception,
 * with a bounded message that never shows the request's token.
 *
 * <p>{@code mvn verify} replays the seeds in {@code BindeoExceptionFuzzTestInputs}; {@code
 * JAZZER_FUZZ=1 mvn -pl bindeo -am test -Dtest=BindeoExceptionFuzzTest
 * -Dsurefire.failIfNoSpecifiedTests=false} fuzzes for {@code maxDuration}. Input format: {@link
 * FuzzedResponse}.
 */
final class BindeoExceptionFuzzTest {
  @FuzzTest(maxDuration = "60s")
  void anyErrorResponseIsABindeoException(byte[] input) {
    FuzzedResponse fuzzed = FuzzedResponse.parse(input);
    if (fuzzed == null) return;

    BindeoException e = BindeoException.from(fuzzed.response);

    fuzzed.assertSafe(e);
    if (e.error() == null && e.errorMessage() == null) {
      assertThat(e.bodyExcerpt()).isNotNull();
      assertThat(e.hint()).isNull();
    } else {
      assertThat(e.bodyExcerpt()).isNull();
    }
  }

  /**
   * What fuzzing found in {@link BindeoException}, reduced and kept as regressions: a token the
   * server echoes (in {@code message}, {@code hint} or a non-JSON body) must be masked, and a long
   * {@code error} string must not make the message unbounded.
   */
  @ParameterizedTest
  @MethodSource("knownFindingInputs")
  void knownFindings(String input) {
    anyErrorResponseIsABindeoException(input.getBytes(StandardCharsets.UTF_8));
  }

  static List<String> knownFindingInputs() {
    String longError = new String(new char[1000]).replace('\0', 'x');
    return Arrays.asList(
        "401\n\n{\"error\":\"access_denied\",\"message\":\"denied\",\"hint\":\"token @@ revoked\"}",
        "401\n\n{\"error\":\"access_denied\",\"message\":\"token @@ revoked\"}",
        "401\n\nBearer @@ is not a valid token",
        "400\n\n{\"error\":\"" + longError + "\"}");
  }
}
