/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.example.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.oauthkit.amadeus.Amadeus;
import dev.oauthkit.bindeo.Bindeo;
import dev.oauthkit.learnamp.LearnAmp;
import java.io.File;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

/**
 * Retrofit 2.11 declared first and no BOM: Maven picks OkHttp 3.14.9. Building any client fails at
 * once with an {@link IllegalStateException} that says what was found and how to fix it.
 */
class OldOkHttpTest {
  /** Never reached: the clients fail before they send anything. */
  private static final HttpUrl UNUSED = HttpUrl.get("http://127.0.0.1:9/");

  @Test
  void mavenResolvedRetrofit2sOkHttp() {
    String jar =
        new File(OkHttpClient.class.getProtectionDomain().getCodeSource().getLocation().getPath())
            .getName();
    assertThat(jar).isEqualTo("okhttp-3.14.9.jar");
  }

  @Test
  void amadeusNamesTheFix() {
    assertNamesTheFix(
        catchThrowable(
            () -> Amadeus.builder().clientId("id").clientSecret("secret").baseUrl(UNUSED).build()));
  }

  @Test
  void learnAmpNamesTheFix() {
    assertNamesTheFix(
        catchThrowable(
            () ->
                LearnAmp.builder().clientId("id").clientSecret("secret").baseUrl(UNUSED).build()));
  }

  @Test
  void bindeoNamesTheFix() {
    assertNamesTheFix(
        catchThrowable(
            () ->
                Bindeo.builder()
                    .clientId("id")
                    .clientSecret("secret")
                    .password("user", "password")
                    .baseUrl(UNUSED)
                    .build()));
  }

  private static void assertNamesTheFix(Throwable thrown) {
    // Not a LinkageError (NoSuchMethodError, NoClassDefFoundError) from deep inside a request.
    assertThat(thrown).isExactlyInstanceOf(IllegalStateException.class);
    assertThat(thrown.getMessage()).contains("3.14.9", "4.12", "oauthkit-bom");
  }
}
