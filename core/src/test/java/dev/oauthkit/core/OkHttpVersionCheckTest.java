/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URL;
import java.net.URLClassLoader;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;

/**
 * The startup check that names the fix for an OkHttp older than 4.12 (e.g. Retrofit 2's 3.14.9).
 */
final class OkHttpVersionCheckTest {
  @Test
  void okHttp3FromRetrofit2IsRefusedWithTheFix() {
    assertThat(OkHttpVersionCheck.problem("3.14.9"))
        .isEqualTo(
            "oauthkit needs OkHttp 4.12 or newer, but found OkHttp 3.14.9 on the classpath. An old"
                + " OkHttp usually comes from Retrofit 2.x, which depends on"
                + " com.squareup.okhttp3:okhttp 3.14.9; Maven's nearest-wins can pick it over the"
                + " 4.12.1 that oauthkit depends on. Fix: import the BOM dev.oauthkit:oauthkit-bom"
                + " (Maven: <dependencyManagement> with <type>pom</type> and <scope>import</scope>;"
                + " Gradle: implementation(platform(\"dev.oauthkit:oauthkit-bom:<version>\"))), or"
                + " declare com.squareup.okhttp3:okhttp 4.12.1 or newer yourself (OkHttp 5 in"
                + " Maven: com.squareup.okhttp3:okhttp-jvm 5.x).");
  }

  @Test
  void olderThan412IsRefused() {
    assertThat(OkHttpVersionCheck.problem("4.11.0")).contains("found OkHttp 4.11.0");
    assertThat(OkHttpVersionCheck.problem("4.9.3")).contains("found OkHttp 4.9.3");
    assertThat(OkHttpVersionCheck.problem("3.12.13")).contains("found OkHttp 3.12.13");
    assertThat(OkHttpVersionCheck.problem("2.7.5")).contains("found OkHttp 2.7.5");
  }

  @Test
  void supportedVersionsPass() {
    assertThat(OkHttpVersionCheck.problem("4.12.0")).isNull(); // what Retrofit 3.0.0 declares
    assertThat(OkHttpVersionCheck.problem("4.12.1")).isNull();
    assertThat(OkHttpVersionCheck.problem("4.13.0")).isNull();
    assertThat(OkHttpVersionCheck.problem("5.5.1")).isNull();
    assertThat(OkHttpVersionCheck.problem("5.0.0-alpha.14")).isNull();
    assertThat(OkHttpVersionCheck.problem("6.0.0-SNAPSHOT")).isNull();
  }

  @Test
  void unknownVersionNeverFailsAnApp() {
    // a shrinker renamed both probes, or the class is missing: no guess, no failure
    assertThat(OkHttpVersionCheck.problem(null)).isNull();
    assertThat(OkHttpVersionCheck.problem("")).isNull();
    assertThat(OkHttpVersionCheck.problem("unknown")).isNull();
    assertThat(OkHttpVersionCheck.problem("4")).isNull();
    assertThat(OkHttpVersionCheck.problem("4.x")).isNull();
  }

  @Test
  void missingClassesReadAsUnknown() throws Exception {
    // a loader that sees neither okhttp3.OkHttp (4.x, 5.x) nor okhttp3.internal.Version (3.x)
    try (URLClassLoader empty = new URLClassLoader(new URL[0], null)) {
      assertThat(OkHttpVersionCheck.runtimeVersion(empty)).isNull();
    }
  }

  @Test
  void theRunningOkHttpIsReadAndAccepted() {
    String version = OkHttpVersionCheck.runtimeVersion();
    assertThat(version).matches("[45]\\.\\d+\\.\\d+.*");
    assertThat(OkHttpVersionCheck.problem(version)).isNull();
  }

  @Test
  void okHttp3IsReadFromItsUserAgent() throws Exception {
    // okhttp3.internal.Version in this module's test classes answers like OkHttp 3.14.9's; the
    // loader sees only the test classes, so okhttp3.OkHttp (4.x, 5.x) is missing, as on OkHttp 3.x
    URL testClasses =
        OkHttpVersionCheckTest.class.getProtectionDomain().getCodeSource().getLocation();
    try (URLClassLoader okHttp3 = new URLClassLoader(new URL[] {testClasses}, null)) {
      assertThat(OkHttpVersionCheck.runtimeVersion(okHttp3)).isEqualTo("3.14.9");
    }
  }

  @Test
  void aProblemIsThrownAsIllegalStateException() {
    assertThatThrownBy(() -> OkHttpVersionCheck.check(OkHttpVersionCheck.problem("3.14.9")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("oauthkit needs OkHttp 4.12 or newer, but found OkHttp 3.14.9 ")
        .hasMessageContaining("dev.oauthkit:oauthkit-bom");
    OkHttpVersionCheck.check(null); // supported or unknown: silent
  }

  @Test
  void buildersRunTheCheckAndPassOnThisOkHttp() {
    OkHttpVersionCheck.verify();
    TokenEndpoint endpoint =
        new TokenEndpoint.Builder()
            .url(HttpUrl.get("https://auth.example.com/token"))
            .clientId("id")
            .clientSecret("secret")
            .build();
    assertThat(endpoint.url()).isEqualTo(HttpUrl.get("https://auth.example.com/token"));
  }
}
