/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import kotlin.KotlinVersion;
import org.junit.jupiter.api.Test;

/**
 * Proves which OkHttp the tests run on. The default Surefire run uses OkHttp 4.12 (the version the
 * modules are compiled against); the {@code okhttp5} execution of the parent POM swaps in
 * okhttp-jvm 5.x and sets {@code -Doauthkit.test.okhttp=5}. Both runs must see exactly one copy of
 * okhttp3.*, okio and the Kotlin stdlib.
 */
final class OkHttpRuntimeTest {
  private static boolean okhttp5Run() {
    return "5".equals(System.getProperty("oauthkit.test.okhttp"));
  }

  @Test
  void runsOnTheOkHttpThisExecutionSelected() throws Exception {
    // Read reflectively: OkHttp 4's VERSION is a compile-time constant, which javac would inline.
    String version = (String) Class.forName("okhttp3.OkHttp").getField("VERSION").get(null);
    if (okhttp5Run()) {
      assertThat(version).startsWith("5.");
    } else {
      assertThat(version).startsWith("4.12.");
    }
    assertThat(OkHttpVersionCheck.runtimeVersion()).isEqualTo(version);
  }

  @Test
  void legacyMockWebServerComesFromTheSameOkHttpLine() throws Exception {
    boolean shim = resources("mockwebserver3/MockWebServer.class").size() == 1;
    assertThat(shim).isEqualTo(okhttp5Run());
    assertThat(resources("okhttp3/mockwebserver/MockWebServer.class")).hasSize(1);
  }

  @Test
  void exactlyOneCopyOfOkHttpOkioAndKotlin() throws IOException {
    assertThat(resources("okhttp3/OkHttpClient.class")).hasSize(1);
    assertThat(resources("okhttp3/logging/HttpLoggingInterceptor.class")).hasSize(1);
    assertThat(resources("okio/Buffer.class")).hasSize(1);
    assertThat(resources("kotlin/Unit.class")).hasSize(1);
    // okhttp-jvm 5.5.1 is built against kotlin-stdlib 2.1.21; okhttp 4.12 needs 1.8+
    assertThat(KotlinVersion.CURRENT.isAtLeast(2, 1, 21)).isTrue();
  }

  private static List<URL> resources(String name) throws IOException {
    ClassLoader loader = OkHttpRuntimeTest.class.getClassLoader();
    return new ArrayList<>(Collections.list(loader.getResources(name)));
  }
}
