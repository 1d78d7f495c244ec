/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oauthkit.core.AccessToken;
import java.io.IOException;
import java.util.Collections;
import org.junit.jupiter.api.Test;

final class PayloadTest {
  /**
   * Extras come from any {@code TokenResponseParser}: one that JSON cannot hold fails the write
   * with an IOException (the store's contract), never an unchecked exception, and shows no token.
   */
  @Test
  void extrasThatJsonCannotHoldAreAnIOException() {
    for (Object value : new Object[] {Double.NaN, java.time.Instant.EPOCH}) {
      AccessToken token =
          new AccessToken.Builder()
              .value("at-canary")
              .refreshToken("rt-canary")
              .issuedAtMillis(0L)
              .extras(Collections.singletonMap("odd", value))
              .build();
      assertThatThrownBy(() -> Payload.encode(token))
          .isInstanceOf(IOException.class)
          .satisfies(
              e -> {
                assertThat(e.getMessage()).doesNotContain("canary");
                assertThat(e.getCause()).isNull();
              });
    }
  }
}
