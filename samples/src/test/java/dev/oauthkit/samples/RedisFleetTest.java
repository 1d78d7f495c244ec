/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.samples;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.oauthkit.sandbox.AmadeusSandbox;
import dev.oauthkit.sandbox.Sandbox;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code REDIS_URL}: several runs of a command, each with its own client and store as separate
 * processes would have, share one token through a real Redis; without it each requests its own.
 */
final class RedisFleetTest {
  private static final Pattern TOKEN_REQUESTS =
      Pattern.compile("summary: calls=5 ok=5 failed=0 token_requests=(\\d+) elapsed=.*");

  private static @Nullable TestRedis redis;

  @BeforeAll
  static void startRedis() throws Exception {
    redis = new TestRedis();
  }

  @AfterAll
  static void stopRedis() throws Exception {
    if (redis != null) redis.close();
  }

  @Test
  void runsSideBySideShareOneTokenThroughRedis() throws Exception {
    try (AmadeusSandbox sandbox = new AmadeusSandbox()) {
      sandbox.start();
      sandbox.tokenLifetime(1, TimeUnit.HOURS); // No run outlives its token.
      Map<String, String> env = amadeusEnv(sandbox);
      env.put("REDIS_URL", redis().url());

      List<Output> runs = sideBySide(env, 3);

      int total = 0;
      for (Output run : runs) {
        assertThat(run.exitCode).as(run.toString()).isZero();
        assertThat(run.err()).as(run.toString()).isEmpty();
        assertThat(run.lines())
            .as(run.toString())
            .startsWith(
                "Sharing tokens through Redis at " + redis().url() + " (key prefix oauthkit:).");
        total += tokenRequests(run);
      }
      assertThat(total).isEqualTo(1);
      assertThat(sandbox.tokenRequests()).isEqualTo(1);
      assertThat(sandbox.apiCalls()).isEqualTo(15);
    }
  }

  @Test
  void withoutRedisEachRunRequestsItsOwnToken() throws Exception {
    try (AmadeusSandbox sandbox = new AmadeusSandbox()) {
      sandbox.start();
      sandbox.tokenLifetime(1, TimeUnit.HOURS);

      List<Output> runs = sideBySide(amadeusEnv(sandbox), 3);

      for (Output run : runs) {
        assertThat(run.exitCode).as(run.toString()).isZero();
        assertThat(run.out()).doesNotContain("Redis");
        assertThat(tokenRequests(run)).isEqualTo(1);
      }
      assertThat(sandbox.tokenRequests()).isEqualTo(3);
    }
  }

  /** Every command, with the arguments it needs to run. */
  static Stream<Arguments> commands() {
    return Stream.of(
        Arguments.of((Object) new String[] {"amadeus-checkin-links", "--airline", "IB"}),
        Arguments.of((Object) new String[] {"bindeo-refresh"}),
        Arguments.of((Object) new String[] {"learnamp"}),
        Arguments.of((Object) new String[] {"generic"}));
  }

  @ParameterizedTest
  @MethodSource("commands")
  void everyCommandKeepsItsTokenInRedis(String[] args) {
    List<String> before = entries();

    SampleRun run = SampleRun.run(Collections.singletonMap("REDIS_URL", redis().url()), args);

    assertThat(run.exitCode).as(run.all()).isZero();
    assertThat(run.err).isEmpty();
    assertThat(run.outLines().get(1))
        .isEqualTo("Sharing tokens through Redis at " + redis().url() + " (key prefix oauthkit:).");
    // Its own sandbox, on a port of its own: a token endpoint, and so a key, of its own.
    List<String> added = entries();
    added.removeAll(before); // An entry of an earlier test may have expired meanwhile.
    assertThat(added).hasSize(1);
  }

  /** Returns the store entries in Redis, without the leases. */
  private static List<String> entries() {
    List<String> entries = new ArrayList<>(redis().keys("oauthkit:*"));
    entries.removeIf(key -> key.endsWith(":lease"));
    return entries;
  }

  @Test
  void anUnreachableRedisLeavesTheTokenInTheProcess() {
    String password = "redis-password-canary-31337";
    String url = "redis://:" + password + "@127.0.0.1:" + TestRedis.freePort();

    SampleRun run =
        SampleRun.run(
            Collections.singletonMap("REDIS_URL", url),
            "amadeus-checkin-links",
            "--airline",
            "IB",
            "--requests",
            "5");

    assertThat(run.exitCode).isZero();
    // Every line it printed, so no token among them: said once, however often the store failed.
    assertThat(run.err)
        .matches("Redis unavailable, tokens stay in this process: [^\n]+\n")
        .doesNotContain(password);
    List<String> lines = run.outLines();
    assertThat(lines.get(1))
        .isEqualTo(
            "Sharing tokens through Redis at "
                + url.replace(":" + password + "@", "***@")
                + " (key prefix oauthkit:).");
    assertThat(lines.subList(2, lines.size()))
        .hasSize(3)
        .startsWith(
            "Web https://www.iberia.com/gb/online-checkin/",
            "Mobile https://www.iberia.com/gb/online-checkin/?channel=mobile");
    assertThat(run.lastLine()).startsWith("summary: calls=5 ok=5 failed=0 token_requests=1 ");
    assertThat(run.all()).doesNotContain(password);
  }

  @Test
  void aRedisUrlThatIsNotOneIsAUsageError() {
    SampleRun run =
        SampleRun.run(
            Collections.singletonMap("REDIS_URL", "not-a-url"),
            "amadeus-checkin-links",
            "--airline",
            "IB");

    assertThat(run.exitCode).isEqualTo(2);
    assertThat(run.out).isEmpty();
    assertThat(run.err)
        .startsWith(
            "error: REDIS_URL is not a Redis URI: redisUri must start with redis://, rediss:// or"
                + " redis-sentinel://")
        .contains("\nusage: java -jar oauthkit-samples.jar amadeus-checkin-links [options]\n")
        .doesNotContain("summary:");
  }

  @Test
  void aMalformedRedisUrlNeverShowsItsPassword() {
    String password = "redis-password-canary-2718";
    SampleRun run =
        SampleRun.run(
            Collections.singletonMap(
                "REDIS_URL", "redis://:" + password + "@127.0.0.1:6379/notadb"),
            "learnamp");

    assertThat(run.exitCode).isEqualTo(2);
    assertThat(run.err).startsWith("error: REDIS_URL is not a Redis URI: ");
    assertThat(run.all()).doesNotContain(password);
  }

  @Test
  void redactsTheUserAndPassword() {
    assertThat(SharedStore.redact("redis://127.0.0.1:6379")).isEqualTo("redis://127.0.0.1:6379");
    assertThat(SharedStore.redact("rediss://user:p4ss@redis.internal:6380/2"))
        .isEqualTo("rediss://***@redis.internal:6380/2");
    assertThat(SharedStore.redact("redis://:p@ss/w?rd@host:6379?timeout=5s"))
        .isEqualTo("redis://***@host:6379");
    assertThat(SharedStore.redact("redis-sentinel://:pw@h1:26379,h2:26379/0#mymaster"))
        .isEqualTo("redis-sentinel://***@h1:26379,h2:26379/0#mymaster");
  }

  private static TestRedis redis() {
    TestRedis started = redis;
    if (started == null) throw new IllegalStateException("redis not started");
    return started;
  }

  private static Map<String, String> amadeusEnv(Sandbox sandbox) {
    Map<String, String> env = new HashMap<>();
    env.put("AMADEUS_CLIENT_ID", Sandbox.CLIENT_ID);
    env.put("AMADEUS_CLIENT_SECRET", Sandbox.CLIENT_SECRET);
    env.put("AMADEUS_BASE_URL", sandbox.baseUrl().toString());
    return env;
  }

  /**
   * Starts {@code count} runs of {@code amadeus-checkin-links} together, each making 5 calls from 2
   * threads with a client and store of its own, as separate processes would, and waits for them.
   */
  private static List<Output> sideBySide(Map<String, String> env, int count) throws Exception {
    String[] args = {
      "amadeus-checkin-links", "--airline", "BA", "--requests", "5", "--threads", "2"
    };
    CountDownLatch go = new CountDownLatch(1);
    List<Output> outputs = new ArrayList<>();
    List<FutureTask<Integer>> executions = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Output output = new Output();
      Main.Run run =
          new Main.Run(
              args,
              new HashMap<>(env),
              new PrintStream(output.out, true, "UTF-8"),
              new PrintStream(output.err, true, "UTF-8"));
      FutureTask<Integer> execution =
          new FutureTask<>(
              () -> {
                go.await();
                return run.execute();
              });
      new Thread(execution, "samples-run-" + (i + 1)).start();
      outputs.add(output);
      executions.add(execution);
    }
    go.countDown();
    for (int i = 0; i < count; i++) {
      outputs.get(i).exitCode = executions.get(i).get(60, TimeUnit.SECONDS);
    }
    return outputs;
  }

  private static int tokenRequests(Output run) {
    List<String> lines = run.lines();
    Matcher summary = TOKEN_REQUESTS.matcher(lines.get(lines.size() - 1));
    assertThat(summary.matches()).as(run.toString()).isTrue();
    return Integer.parseInt(summary.group(1));
  }

  /** What one run printed. */
  private static final class Output {
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exitCode = -1;

    String out() {
      return new String(out.toByteArray(), UTF_8);
    }

    String err() {
      return new String(err.toByteArray(), UTF_8);
    }

    /** The lines of standard output, without progress lines. */
    List<String> lines() {
      List<String> lines = new ArrayList<>();
      for (String line : out().split("\n")) {
        if (!line.startsWith("progress: ")) lines.add(line);
      }
      return lines;
    }

    @Override
    public String toString() {
      return "exit " + exitCode + ", out:\n" + out() + "err:\n" + err();
    }
  }
}
