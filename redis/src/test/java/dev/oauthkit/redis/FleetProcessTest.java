/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.redis;

import static dev.oauthkit.redis.FleetTest.assertOneRenewalPerLifetime;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15: instances in separate JVMs ({@link FleetProcess}, launched on the test classpath),
 * sharing one real Redis and one token endpoint that rotates refresh tokens, each usable once.
 */
@Timeout(300)
final class FleetProcessTest {
  @RegisterExtension static final RedisServerExtension redis = new RedisServerExtension();

  @TempDir Path directory;

  private final Map<String, Process> processes = new LinkedHashMap<>();
  private FleetServer server;

  @BeforeEach
  void setUp() throws Exception {
    redis.flushAll();
  }

  @AfterEach
  void tearDown() throws Exception {
    for (Process process : processes.values()) process.destroyForcibly().waitFor();
    if (server != null) server.close();
  }

  @Test
  void processesWithClocksMinutesApartShareOneTokenAndLoseNoRefreshToken() throws Exception {
    // Hour-long tokens until every process runs: a JVM slow to start on a busy machine must not
    // find the first token expired, and with it its refresh token.
    server = new FleetServer(TimeUnit.HOURS.toSeconds(1));
    launch("behind", -TimeUnit.MINUTES.toMillis(4), 10_000);
    launch("on-time", 0, 10_000);
    launch("ahead", TimeUnit.MINUTES.toMillis(7), 10_000);
    awaitReady();

    // Then 3-second tokens: the revocation makes every process renew (the fleet once), and the
    // fleet renews its short-lived tokens twice more.
    server.expiresIn(FleetTest.LIFETIME_SECONDS);
    server.revokeAll();
    server.awaitTokenRequests(4, 180, TimeUnit.SECONDS);
    Map<String, String> results = stopAll();
    String outputs = outputs();
    FleetReport.write(
        "processesWithClocksMinutesApartShareOneTokenAndLoseNoRefreshToken",
        server.tokenRequests(),
        results.toString());

    List<FleetServer.TokenRequest> requests = server.tokenRequests();
    assertThat(requests.get(0).status).as(outputs).isEqualTo(200);
    // From the revocation on (which may come right after the launch): one renewal per lifetime.
    assertOneRenewalPerLifetime(requests.subList(1, requests.size()), outputs);
    // Every refresh token was sent once, the one issued just before: none was lost or reused.
    for (int i = 0; i < requests.size(); i++) {
      assertThat(requests.get(i).grantType).isEqualTo("refresh_token");
      assertThat(requests.get(i).refreshToken).as(requests.toString()).isEqualTo("refresh-" + i);
    }
    for (Map.Entry<String, String> result : results.entrySet()) {
      assertThat(result.getValue())
          .as(result.getKey())
          .endsWith(" failed=0")
          .doesNotStartWith("ok=0 ");
    }
  }

  @Test
  void leaseHolderKilledMidRenewalLosesItsLeaseByTtlAndNoCallFails() throws Exception {
    server = new FleetServer(TimeUnit.HOURS.toSeconds(1));
    launch("first", 0, 2_000);
    launch("second", 0, 2_000);
    launch("third", 0, 2_000);
    awaitReady();

    // The revocation makes the fleet renew; that renewal never gets an answer.
    server.hangTokenRequest(2);
    server.revokeAll();
    server.awaitReceived(2, 180, TimeUnit.SECONDS);
    String holder = awaitProcessWithARequestInFlight();
    processes.remove(holder).destroyForcibly().waitFor(); // Killed holding the lease.

    // Another instance takes the lease once its TTL ran out, and renews with the same refresh
    // token: the server never processed the killed one's request.
    server.awaitTokenRequests(2, 180, TimeUnit.SECONDS);
    Map<String, String> results = stopAll();
    String outputs = outputs();
    FleetReport.write(
        "leaseHolderKilledMidRenewalLosesItsLeaseByTtlAndNoCallFails",
        server.tokenRequests(),
        results.toString());

    List<FleetServer.TokenRequest> requests = server.tokenRequests();
    assertThat(requests).as(outputs).hasSize(2); // The launch, and the survivors' one renewal.
    assertThat(requests.get(1).refreshToken).isEqualTo("refresh-1");
    assertOneRenewalPerLifetime(requests, outputs);
    assertThat(results).hasSize(2);
    for (Map.Entry<String, String> result : results.entrySet()) {
      assertThat(result.getValue())
          .as(result.getKey())
          .endsWith(" failed=0")
          .doesNotStartWith("ok=0 ");
    }
  }

  private void launch(String name, long clockOffsetMillis, long leaseMillis) throws IOException {
    String java =
        System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
    List<String> command =
        new ArrayList<>(
            Arrays.asList(
                java,
                "-Xmx128m",
                "-cp",
                System.getProperty("java.class.path"),
                FleetProcess.class.getName(),
                name,
                redis.uri(),
                server.tokenUrl().toString(),
                Long.toString(clockOffsetMillis),
                "4",
                Long.toString(leaseMillis),
                directory.resolve("stop").toString(),
                directory.resolve(name + ".result").toString()));
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(directory.resolve(name + ".log").toFile());
    Process process = RedisServerExtension.startProcess(builder::start);
    processes.put(name, process);
  }

  /** Waits until every process made a successful call. */
  private void awaitReady() throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
    for (String name : processes.keySet()) {
      while (!output(name).contains("ready\n")) {
        if (System.nanoTime() > deadline) throw new AssertionError(name + " not ready" + outputs());
        Thread.sleep(20);
      }
    }
  }

  /** Returns the process whose output shows a token request started and not yet ended. */
  private String awaitProcessWithARequestInFlight() throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (true) {
      for (String name : processes.keySet()) {
        String output = output(name);
        int started = count(output, "token request start");
        int ended = count(output, "token request end") + count(output, "token request failed");
        if (started > ended) return name;
      }
      if (System.nanoTime() > deadline) throw new AssertionError("no request in flight");
      Thread.sleep(20);
    }
  }

  /** Every process's output, for the message of a failed assertion. */
  private String outputs() throws IOException {
    StringBuilder all = new StringBuilder();
    for (String name : new String[] {"behind", "on-time", "ahead", "first", "second", "third"}) {
      Path log = directory.resolve(name + ".log");
      if (Files.exists(log)) all.append("\n--- ").append(name).append('\n').append(output(name));
    }
    return all.toString();
  }

  private String output(String name) throws IOException {
    return new String(Files.readAllBytes(directory.resolve(name + ".log")), StandardCharsets.UTF_8);
  }

  private static int count(String text, String line) {
    int count = 0;
    for (int i = text.indexOf(line); i >= 0; i = text.indexOf(line, i + 1)) count++;
    return count;
  }

  /** Asks every process to stop; returns each one's result line. */
  private Map<String, String> stopAll() throws Exception {
    Files.createFile(directory.resolve("stop"));
    Map<String, String> results = new LinkedHashMap<>();
    for (Map.Entry<String, Process> entry : processes.entrySet()) {
      boolean exited = entry.getValue().waitFor(120, TimeUnit.SECONDS);
      Path log = directory.resolve(entry.getKey() + ".log");
      String output = new String(Files.readAllBytes(log), StandardCharsets.UTF_8);
      assertThat(exited).as(output).isTrue();
      assertThat(entry.getValue().exitValue()).as(output).isZero();
      Path result = directory.resolve(entry.getKey() + ".result");
      results.put(
          entry.getKey(), new String(Files.readAllBytes(result), StandardCharsets.UTF_8).trim());
    }
    processes.clear();
    return results;
  }
}
