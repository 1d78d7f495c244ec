/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URL;
import java.util.Collections;
import java.util.List;
import okhttp3.OkHttp;
import org.junit.jupiter.api.Test;

/**
 * This module runs oauthkit-core (compiled against OkHttp 4.12) on OkHttp 5, the version the
 * servers need. Guard the set-up: one copy of {@code okhttp3.*}, and it is 5.x.
 */
final class OkHttpClasspathTest {
  @Test
  void coreRunsOnOkHttp5() {
    assertThat(OkHttp.VERSION).startsWith("5.");
  }

  @Test
  void exactlyOneCopyOfOkHttpOnTheClasspath() throws IOException {
    ClassLoader loader = OkHttpClasspathTest.class.getClassLoader();
    List<URL> copies = Collections.list(loader.getResources("okhttp3/OkHttpClient.class"));
    assertThat(copies).hasSize(1);
    assertThat(copies.get(0).toString()).contains("okhttp-jvm");
  }
}
