/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The forms in which {@link Redactor} finds a secret. */
class RedactorTest {
  @Test
  void findsEachFormAndMixesOfThem() {
    Redactor redactor = new Redactor(Collections.singletonList("a\\b\"c/d é%e f"));

    for (String echo :
        new String[] {
          "a\\b\"c/d é%e f",
          "a\\\\b\\\"c/d é%e f",
          "a\\\\b\\\"c\\/d \\u00e9%e f",
          "a\\u005Cb\\u0022c\\u002fd\\u0020\\u00E9\\u0025e\\u0020f",
          "a%5Cb%22c%2Fd+%C3%A9%25e+f",
          "a%5cb%22c%2fd%20%c3%a9%25e%20f",
          "a\\\\b%22c/d \\u00e9%e+f",
        }) {
      assertThat(redactor.redact("<" + echo + ">")).as(echo).isEqualTo("<██>");
    }
  }

  @Test
  void findsSupplementaryCharactersAsSurrogateEscapes() {
    Redactor redactor = new Redactor(Collections.singletonList("x\uD83D\uDE00y"));

    assertThat(redactor.redact("[x\\ud83d\\ude00y]")).isEqualTo("[██]");
    assertThat(redactor.redact("[x\\uD83D\uDE00y]")).isEqualTo("[██]");
    assertThat(redactor.redact("[x%F0%9F%98%80y]")).isEqualTo("[██]");
  }

  @Test
  void leavesOtherTextAlone() {
    Redactor redactor = new Redactor(Arrays.asList("secret-1", "abc", ""));

    assertThat(redactor.redact("secret-2 abc \\u0073ecret-"))
        .isEqualTo("secret-2 abc \\u0073ecret-");
    assertThat(redactor.redact("secret-1secret-1 x")).isEqualTo("████ x");
  }

  @Test
  void redactsNamesAndValuesOfJson() {
    Redactor redactor = new Redactor(Collections.singletonList("secret-1"));
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("secret-1", Arrays.asList("is secret-1", 1.0));

    assertThat(redactor.redactValue(json).toString()).isEqualTo("{██=[is ██, 1.0]}");
  }
}
