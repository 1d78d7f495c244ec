/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.kotlintests

import org.assertj.core.api.Assertions.assertThat
import org.junit.jupiter.api.Test

/**
 * These tests run twice: on OkHttp 4.12 and, in Surefire's `okhttp5` execution, on OkHttp 5. Checks
 * that each run has the OkHttp it claims, once.
 */
class OkHttpRuntimeTest {
  @Test
  fun runsOnTheSelectedOkHttp() {
    // Read reflectively: OkHttp's VERSION is a constant that the compiler would inline.
    val version = Class.forName("okhttp3.OkHttp").getField("VERSION").get(null) as String
    val okhttp5 = System.getProperty("oauthkit.test.okhttp") == "5"

    assertThat(version).startsWith(if (okhttp5) "5." else "4.12.")
    val loader = javaClass.classLoader
    assertThat(loader.getResources("okhttp3/OkHttpClient.class").toList()).hasSize(1)
    assertThat(loader.getResources("kotlinx/coroutines/CoroutineScope.class").toList()).hasSize(1)
  }
}
