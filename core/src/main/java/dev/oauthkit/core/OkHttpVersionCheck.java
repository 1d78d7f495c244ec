/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.core;

import org.jspecify.annotations.Nullable;

/**
 * Fails fast, naming the fix, when the OkHttp on the classpath is older than oauthkit supports.
 *
 * <p>Retrofit 2.x depends on OkHttp 3.14.9. In a Maven build without oauthkit's BOM, nearest-wins
 * can resolve that version over ours, and core would otherwise break halfway through a token
 * request with a {@link NoSuchMethodError}. The version is read once, when this class loads, by
 * reflection only (nothing that itself fails on OkHttp 3.x is called): {@code
 * okhttp3.OkHttp.VERSION} on OkHttp 4.x and 5.x, {@code okhttp3.internal.Version.userAgent()} on
 * OkHttp 3.x. When neither can be read (a shrinker renamed them, say), nothing fails: an app is
 * never stopped on a guess.
 */
final class OkHttpVersionCheck {
  /** The oldest supported OkHttp line: major and minor. */
  private static final int MIN_MAJOR = 4;

  private static final int MIN_MINOR = 12;

  private static final @Nullable String PROBLEM =
      problem(runtimeVersion(OkHttpVersionCheck.class.getClassLoader()));

  /**
   * Throws if the OkHttp on the classpath is older than 4.12.
   *
   * @throws IllegalStateException naming the version found and the fix.
   */
  static void verify() {
    check(PROBLEM);
  }

  /** Throws an {@link IllegalStateException} with {@code problem} unless it is null. */
  static void check(@Nullable String problem) {
    if (problem != null) throw new IllegalStateException(problem);
  }

  /** Returns the version of the OkHttp this class runs with, or null if it cannot be read. */
  static @Nullable String runtimeVersion() {
    return runtimeVersion(OkHttpVersionCheck.class.getClassLoader());
  }

  /** Returns the version of the OkHttp {@code loader} sees, or null if it cannot be read. */
  static @Nullable String runtimeVersion(@Nullable ClassLoader loader) {
    try {
      // OkHttp 4.x and 5.x. Reflection, because 4.x's VERSION is a constant javac would inline.
      Object version = Class.forName("okhttp3.OkHttp", true, loader).getField("VERSION").get(null);
      if (version instanceof String) return (String) version;
    } catch (ReflectiveOperationException | LinkageError | RuntimeException ignored) {
      // not 4.x or 5.x: try 3.x below
    }
    try {
      // OkHttp 3.x has no okhttp3.OkHttp; its user agent is "okhttp/3.14.9".
      Object userAgent =
          Class.forName("okhttp3.internal.Version", true, loader)
              .getMethod("userAgent")
              .invoke(null);
      if (userAgent instanceof String && ((String) userAgent).startsWith("okhttp/")) {
        return ((String) userAgent).substring("okhttp/".length());
      }
    } catch (ReflectiveOperationException | LinkageError | RuntimeException ignored) {
      // unknown
    }
    return null;
  }

  /**
   * Returns the message to fail with for OkHttp {@code version}, or null if it is supported or
   * unknown (null or not of the form major.minor...).
   */
  static @Nullable String problem(@Nullable String version) {
    if (version == null) return null;
    int major = number(version, 0);
    int dot = version.indexOf('.');
    int minor = dot < 0 ? -1 : number(version, dot + 1);
    if (major < 0 || minor < 0) return null;
    if (major > MIN_MAJOR || (major == MIN_MAJOR && minor >= MIN_MINOR)) return null;
    return message(version);
  }

  /** The message, stable so that build output and support answers can quote it. */
  static String message(String version) {
    return "oauthkit needs OkHttp 4.12 or newer, but found OkHttp "
        + version
        + " on the classpath. An old OkHttp usually comes from Retrofit 2.x, which depends on"
        + " com.squareup.okhttp3:okhttp 3.14.9; Maven's nearest-wins can pick it over the 4.12.1"
        + " that oauthkit depends on. Fix: import the BOM dev.oauthkit:oauthkit-bom"
        + " (Maven: <dependencyManagement> with <type>pom</type> and <scope>import</scope>;"
        + " Gradle: implementation(platform(\"dev.oauthkit:oauthkit-bom:<version>\"))),"
        + " or declare com.squareup.okhttp3:okhttp 4.12.1 or newer yourself"
        + " (OkHttp 5 in Maven: com.squareup.okhttp3:okhttp-jvm 5.x).";
  }

  /** Parses the decimal digits of {@code s} from {@code start}, or returns -1 if there are none. */
  private static int number(String s, int start) {
    int end = start;
    while (end < s.length() && end - start < 9 && s.charAt(end) >= '0' && s.charAt(end) <= '9')
      end++;
    return end == start ? -1 : Integer.parseInt(s.substring(start, end));
  }

  private OkHttpVersionCheck() {}
}
