/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BearerTokenTest {
  @Test
  void parsesTheTokenOfAnyCaseOfTheScheme() {
    assertThat(BearerToken.parse("Bearer abc.def")).isEqualTo("abc.def");
    assertThat(BearerToken.parse("bearer abc.def")).isEqualTo("abc.def");
    assertThat(BearerToken.parse("BEARER  abc.def ")).isEqualTo("abc.def");
  }

  @Test
  void anotherSchemeOrNoHeaderHasNoToken() {
    assertThat(BearerToken.parse("Basic dXNlcjpwYXNz")).isNull();
    assertThat(BearerToken.parse("Bearer")).isNull();
    assertThat(BearerToken.parse("Bearerabc")).isNull();
    assertThat(BearerToken.parse(null)).isNull();
  }

  @Test
  void headerIsParsedBack() {
    assertThat(BearerToken.header("abc.def")).isEqualTo("Bearer abc.def");
    assertThat(BearerToken.parse(BearerToken.header("abc.def"))).isEqualTo("abc.def");
  }
}
