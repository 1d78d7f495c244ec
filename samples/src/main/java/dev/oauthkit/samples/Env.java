/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.samples;

import dev.oauthkit.sandbox.Sandbox;
import java.io.Closeable;
import java.io.IOException;
import java.io.PrintStream;
import java.util.Map;
import okhttp3.HttpUrl;
import org.jspecify.annotations.Nullable;

/** Reads a flow's configuration from environment variables named {@code <PREFIX>_<NAME>}. */
final class Env {
  private final Map<String, String> env;
  private final String prefix;

  Env(Map<String, String> env, String prefix) {
    this.env = env;
    this.prefix = prefix;
  }

  @Nullable String get(String name) {
    String value = env.get(prefix + "_" + name);
    return value == null || value.trim().isEmpty() ? null : value.trim();
  }

  /** True when both the client id and the client secret are set. */
  boolean hasCredentials() {
    return get("CLIENT_ID") != null && get("CLIENT_SECRET") != null;
  }

  String require(String name) {
    String value = get(name);
    if (value == null) throw new Options.UsageException(prefix + "_" + name + " is not set");
    return value;
  }

  /**
   * Fails when one of the named variables is set but the client id or secret is not: the run would
   * otherwise go to the sandbox and silently ignore it. The message names the missing variable.
   */
  void requireCredentialsWith(String... names) {
    if (hasCredentials()) return;
    for (String name : names) {
      if (get(name) == null) continue;
      String missing =
          get("CLIENT_ID") == null && get("CLIENT_SECRET") == null
              ? prefix + "_CLIENT_ID and " + prefix + "_CLIENT_SECRET are not set"
              : prefix
                  + (get("CLIENT_ID") == null ? "_CLIENT_ID" : "_CLIENT_SECRET")
                  + " is not set";
      throw new Options.UsageException(
          missing
              + ", but "
              + prefix
              + "_"
              + name
              + " is: set "
              + prefix
              + "_CLIENT_ID and "
              + prefix
              + "_CLIENT_SECRET to call the real API, or neither to run on the embedded sandbox");
    }
  }

  /** Returns {@code <PREFIX>_BASE_URL}, a host root such as {@code http://127.0.0.1:8080}. */
  @Nullable HttpUrl baseUrl() {
    String value = get("BASE_URL");
    if (value == null) return null;
    HttpUrl url = HttpUrl.parse(value);
    if (url == null) throw new Options.UsageException(prefix + "_BASE_URL is not a URL: " + value);
    return url.newBuilder("/").build();
  }

  /**
   * Returns where the flow runs: the API and credentials named by the environment, or, when neither
   * the client id nor the secret is set, {@code sandbox} started on loopback with its credentials
   * (saying so on {@code out} first).
   *
   * @throws Options.UsageException naming the missing variable when only one of the client id and
   *     secret is set, or naming {@code <PREFIX>_BASE_URL} when it is set without them.
   */
  Target target(PrintStream out, String provider, Sandbox sandbox) throws IOException {
    return target(
        out,
        provider,
        sandbox,
        () -> {
          sandbox.start();
          return sandbox.baseUrl();
        });
  }

  /**
   * Like {@link #target(PrintStream, String, Sandbox)}, for a sandbox that is not one of
   * oauthkit-sandbox's (the seed-003 one): {@code start} starts it and returns its host root.
   */
  Target target(PrintStream out, String provider, Closeable sandbox, Start start)
      throws IOException {
    if (hasCredentials()) {
      return new Target(baseUrl(), require("CLIENT_ID"), require("CLIENT_SECRET"), null);
    }
    requireCredentialsWith("CLIENT_ID", "CLIENT_SECRET", "BASE_URL");
    out.println(sandboxNotice(provider));
    return new Target(start.start(), Sandbox.CLIENT_ID, Sandbox.CLIENT_SECRET, sandbox);
  }

  /** Starts a sandbox and returns its host root. */
  interface Start {
    HttpUrl start() throws IOException;
  }

  /** Where a flow runs. */
  static final class Target {
    /** The host root, or null for the provider's default. */
    final @Nullable HttpUrl baseUrl;

    final String clientId;
    final String clientSecret;

    /** The started sandbox, or null when the flow calls a real server. */
    final @Nullable Closeable sandbox;

    Target(
        @Nullable HttpUrl baseUrl,
        String clientId,
        String clientSecret,
        @Nullable Closeable sandbox) {
      this.baseUrl = baseUrl;
      this.clientId = clientId;
      this.clientSecret = clientSecret;
      this.sandbox = sandbox;
    }
  }

  /** The line that opens a run on the sandbox: what it is and how to use real credentials. */
  String sandboxNotice(String provider) {
    return "Running on the embedded "
        + provider
        + " sandbox (no "
        + prefix
        + "_CLIENT_ID/"
        + prefix
        + "_CLIENT_SECRET set). Set them, and "
        + prefix
        + "_BASE_URL if needed, to call the real API.";
  }
}
