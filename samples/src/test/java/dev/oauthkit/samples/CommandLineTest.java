/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.StringReader;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What the program says when it cannot run: a half-set environment names the missing variable, and
 * a usage error prints the error and the usage only, never a summary line.
 */
final class CommandLineTest {
  /** Every command, with its environment prefix and the arguments it needs to run. */
  static Stream<Arguments> commands() {
    return Stream.of(
        Arguments.of("AMADEUS", new String[] {"amadeus-checkin-links", "--airline", "IB"}),
        Arguments.of("BINDEO", new String[] {"bindeo-refresh"}),
        Arguments.of("LEARNAMP", new String[] {"learnamp"}),
        Arguments.of("GENERIC", new String[] {"generic"}));
  }

  @ParameterizedTest
  @MethodSource("commands")
  void onlyTheClientIdNamesTheMissingSecret(String prefix, String[] args) {
    SampleRun run = SampleRun.run(env(prefix + "_CLIENT_ID", "my-client"), args);

    assertRefused(
        run,
        args[0],
        "error: "
            + prefix
            + "_CLIENT_SECRET is not set, but "
            + prefix
            + "_CLIENT_ID is: set "
            + prefix
            + "_CLIENT_ID and "
            + prefix
            + "_CLIENT_SECRET to call the real API, or neither to run on the embedded sandbox");
  }

  @ParameterizedTest
  @MethodSource("commands")
  void onlyTheSecretNamesTheMissingClientId(String prefix, String[] args) {
    String secret = "secret-canary-2718";
    SampleRun run = SampleRun.run(env(prefix + "_CLIENT_SECRET", secret), args);

    assertRefused(
        run,
        args[0],
        "error: " + prefix + "_CLIENT_ID is not set, but " + prefix + "_CLIENT_SECRET is: ");
    assertThat(run.all()).doesNotContain(secret);
  }

  @ParameterizedTest
  @MethodSource("commands")
  void aBaseUrlWithoutCredentialsIsNotIgnored(String prefix, String[] args) {
    SampleRun run = SampleRun.run(env(prefix + "_BASE_URL", "http://127.0.0.1:9/"), args);

    assertRefused(
        run,
        args[0],
        "error: "
            + prefix
            + "_CLIENT_ID and "
            + prefix
            + "_CLIENT_SECRET are not set, but "
            + prefix
            + "_BASE_URL is: ");
  }

  @ParameterizedTest
  @MethodSource("commands")
  void aRedisUrlThatIsNotOneIsRefused(String prefix, String[] args) {
    SampleRun run = SampleRun.run(env("REDIS_URL", "http://127.0.0.1:6379"), args);

    assertRefused(
        run,
        args[0],
        "error: REDIS_URL is not a Redis URI: redisUri must start with redis://, rediss:// or"
            + " redis-sentinel://");
  }

  @Test
  void aBindeoUserWithoutCredentialsIsNotIgnored() {
    SampleRun run = SampleRun.run(env("BINDEO_USERNAME", "ana@example.com"), "bindeo-refresh");

    assertRefused(
        run,
        "bindeo-refresh",
        "error: BINDEO_CLIENT_ID and BINDEO_CLIENT_SECRET are not set, but BINDEO_USERNAME is: ");
  }

  @Test
  void credentialsWithoutTheBindeoUserNameTheUser() {
    Map<String, String> env = new HashMap<>();
    env.put("BINDEO_CLIENT_ID", "id");
    env.put("BINDEO_CLIENT_SECRET", "secret");

    assertRefused(
        SampleRun.run(env, "bindeo-refresh"),
        "bindeo-refresh",
        "error: BINDEO_USERNAME is not set");
  }

  @Test
  void aMissingOptionPrintsTheErrorAndTheUsageOnly() {
    SampleRun run = SampleRun.run(Collections.<String, String>emptyMap(), "amadeus-checkin-links");

    assertRefused(
        run, "amadeus-checkin-links", "error: --airline is required, such as --airline IB");
  }

  @Test
  void anUnknownOptionPrintsTheErrorAndTheUsageOnly() {
    SampleRun run =
        SampleRun.run(Collections.<String, String>emptyMap(), "learnamp", "--pages", "2");

    assertRefused(run, "learnamp", "error: unknown option --pages");
  }

  @Test
  void aRefusedBaseUrlPrintsTheErrorAndTheUsageOnly() {
    Map<String, String> env = new HashMap<>();
    env.put("GENERIC_CLIENT_ID", "id");
    env.put("GENERIC_CLIENT_SECRET", "secret-canary-1414");
    env.put("GENERIC_BASE_URL", "http://api.example.com");

    SampleRun run = SampleRun.run(env, "generic");

    assertRefused(run, "generic", "error: GENERIC_BASE_URL: ");
    assertThat(run.all()).doesNotContain("secret-canary-1414");
  }

  @Test
  void anUnknownCommandPrintsTheErrorAndTheCommands() {
    SampleRun run = SampleRun.run(Collections.<String, String>emptyMap(), "amadeus");

    assertThat(run.exitCode).isEqualTo(2);
    assertThat(run.out).isEmpty();
    assertThat(lines(run.err))
        .startsWith(
            "error: unknown command amadeus",
            "usage: java -jar oauthkit-samples.jar <command> [options]")
        .anyMatch(line -> line.startsWith("  amadeus-checkin-links "));
  }

  @Test
  void helpListsTheEnvironment() {
    SampleRun run =
        SampleRun.run(Collections.<String, String>emptyMap(), "amadeus-checkin-links", "--help");

    assertThat(run.exitCode).isZero();
    assertThat(run.err).isEmpty();
    assertThat(lines(run.out))
        .contains(
            "environment (with neither client variable set, it runs on an embedded sandbox):",
            "  AMADEUS_CLIENT_ID      your API key",
            "  AMADEUS_CLIENT_SECRET  your API secret",
            "  REDIS_URL              share tokens with other processes through this Redis, such as"
                + " redis://127.0.0.1:6379 (optional)");
  }

  /**
   * Exit code 2, nothing on standard output (no sandbox notice, no summary), and on standard error
   * the error line, then the command's usage and nothing else.
   */
  private static void assertRefused(SampleRun run, String command, String errorStart) {
    assertThat(run.exitCode).isEqualTo(2);
    assertThat(run.out).isEmpty();
    List<String> err = lines(run.err);
    assertThat(err.get(0)).startsWith(errorStart);
    assertThat(err.subList(1, err.size()))
        .startsWith("usage: java -jar oauthkit-samples.jar " + command + " [options]")
        .contains("options:")
        .noneMatch(line -> line.startsWith("error:") || line.contains("summary:"));
    assertThat(err.get(err.size() - 1)).startsWith("  ").contains("_");
  }

  private static List<String> lines(String text) {
    return new BufferedReader(new StringReader(text)).lines().collect(Collectors.toList());
  }

  private static Map<String, String> env(String name, String value) {
    Map<String, String> env = new HashMap<>();
    env.put(name, value);
    return env;
  }
}
