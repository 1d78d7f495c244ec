/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.example.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import com.squareup.moshi.Moshi;
import java.io.File;
import java.net.URL;
import java.util.Collections;
import java.util.List;
import kotlin.KotlinVersion;
import okhttp3.OkHttp;
import okio.Buffer;
import org.jspecify.annotations.NullMarked;
import org.junit.jupiter.api.Test;
import retrofit2.Retrofit;
import retrofit2.converter.moshi.MoshiConverterFactory;

/**
 * What this consumer project runs on: the versions its POM expects ({@code expect.*} system
 * properties, set by its Surefire configuration), and one copy of every library.
 */
class ClasspathTest {
  @Test
  void oneCopyOfOkHttp() throws Exception {
    List<URL> copies =
        Collections.list(
            ClasspathTest.class.getClassLoader().getResources("okhttp3/OkHttpClient.class"));
    assertThat(copies).hasSize(1);
  }

  @Test
  void okHttpVersion() throws Exception {
    // Read at run time: OkHttp.VERSION is a constant, which javac would copy into this class.
    Object version = OkHttp.class.getField("VERSION").get(null);
    assertThat(version).isEqualTo(expected("okhttp"));
  }

  @Test
  void okioVersion() {
    assertThat(jarVersion(Buffer.class, "okio-jvm")).isEqualTo(expected("okio"));
  }

  @Test
  void kotlinStdlibVersion() {
    assertThat(KotlinVersion.CURRENT.toString()).isEqualTo(expected("kotlin"));
    assertThat(jarVersion(KotlinVersion.class, "kotlin-stdlib")).isEqualTo(expected("kotlin"));
  }

  @Test
  void retrofitVersion() {
    assertThat(jarVersion(Retrofit.class, "retrofit")).isEqualTo(expected("retrofit"));
    assertThat(jarVersion(MoshiConverterFactory.class, "converter-moshi"))
        .isEqualTo(expected("retrofit"));
  }

  @Test
  void moshiVersion() {
    assertThat(jarVersion(Moshi.class, "moshi")).isEqualTo(expected("moshi"));
  }

  @Test
  void jspecifyVersion() {
    assertThat(jarVersion(NullMarked.class, "jspecify")).isEqualTo(expected("jspecify"));
  }

  private static String expected(String library) {
    String version = System.getProperty("expect." + library);
    assertThat(version).as("system property expect.%s", library).isNotBlank();
    return version;
  }

  /** Returns the version in the name of the jar that holds {@code type}, such as 3.18.1. */
  private static String jarVersion(Class<?> type, String artifactId) {
    URL location = type.getProtectionDomain().getCodeSource().getLocation();
    String name = new File(location.getPath()).getName();
    assertThat(name).as("jar of %s", type.getName()).startsWith(artifactId + "-").endsWith(".jar");
    return name.substring(artifactId.length() + 1, name.length() - ".jar".length());
  }
}
