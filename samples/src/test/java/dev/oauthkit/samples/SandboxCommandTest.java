/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.samples;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The {@code sandbox} command: the three provider sandboxes until interrupted, with the {@code
 * export} lines that point the other commands at them, and its counts at the end.
 */
final class SandboxCommandTest {
  @Test
  void servesTheFlowsItsExportLinesNameAndPrintsItsCountsWhenInterrupted() throws Exception {
    Serving serving = new Serving();
    Main.Run run =
        new Main.Run(
            new String[] {"sandbox", "--port", "0", "--token-lifetime", "20"},
            Collections.<String, String>emptyMap(),
            new PrintStream(serving, true, "UTF-8"),
            new PrintStream(serving.err, true, "UTF-8"));
    FutureTask<Integer> execution = new FutureTask<>(run::execute);
    new Thread(execution, "samples-sandbox").start();
    assertThat(serving.ready.await(60, TimeUnit.SECONDS)).as("the sandboxes' lines").isTrue();

    List<String> lines = serving.lines();
    assertThat(lines).hasSize(5);
    assertThat(lines.get(0)).startsWith("The sandboxes accept the client sandbox-client / ");
    assertThat(lines.get(1))
        .matches(
            "export AMADEUS_CLIENT_ID=sandbox-client AMADEUS_CLIENT_SECRET=sandbox-secret"
                + " AMADEUS_BASE_URL=http://127\\.0\\.0\\.1:\\d+");
    assertThat(lines.get(2)).startsWith("export LEARNAMP_CLIENT_ID=sandbox-client ");
    assertThat(lines.get(3))
        .startsWith("export BINDEO_CLIENT_ID=sandbox-client ")
        .contains(" BINDEO_USERNAME=sandbox.user@example.com BINDEO_PASSWORD=sandbox-password ");

    // Each command, run with the variables of its line, calls the sandbox: no sandbox of its own.
    SampleRun amadeus =
        SampleRun.run(exports(lines.get(1)), "amadeus-checkin-links", "--airline", "IB");
    SampleRun learnAmp = SampleRun.run(exports(lines.get(2)), "learnamp");
    SampleRun bindeo = SampleRun.run(exports(lines.get(3)), "bindeo-refresh");
    for (SampleRun flow : Arrays.asList(amadeus, learnAmp, bindeo)) {
      assertThat(flow.exitCode).as(flow.all()).isZero();
      assertThat(flow.out).doesNotContain("embedded");
    }
    assertThat(bindeo.outLinesWithLifetime(20))
        .contains(
            "token: grant=password expires_in=20s", "token: grant=refresh_token expires_in=20s");

    run.interrupt(); // What the shutdown hook does on Ctrl-C or SIGTERM.

    assertThat(execution.get(60, TimeUnit.SECONDS)).isZero();
    assertThat(serving.lines().subList(5, serving.lines().size()))
        .containsExactly(
            "summary: amadeus token_requests=1 api_calls=1",
            "summary: learnamp token_requests=1 api_calls=1",
            "summary: bindeo token_requests=2 api_calls=2");
    assertThat(serving.err.toString("UTF-8")).isEmpty();

    run.interrupt(); // A second signal: nothing more.
    assertThat(serving.lines()).hasSize(8);
  }

  @Test
  void aTakenPortFailsTheStartAndFreesTheOthers() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      int port = taken.getLocalPort();
      // Amadeus gets port - 2, Learn Amp port - 1, and Bindeo the taken one.
      SampleRun run =
          SampleRun.run(
              Collections.<String, String>emptyMap(),
              "sandbox",
              "--port",
              Integer.toString(port - 2));

      assertThat(run.exitCode).isEqualTo(1);
      assertThat(run.out).isEmpty();
      assertThat(run.err).startsWith("error: cannot start the sandboxes: BindException: ");
      try (ServerSocket freed = new ServerSocket(port - 2, 50, InetAddress.getLoopbackAddress())) {
        assertThat(freed.getLocalPort()).isEqualTo(port - 2);
      }
    }
  }

  @Test
  void misuseIsAUsageError() {
    Map<String, String> env = Collections.emptyMap();
    for (String[] args :
        Arrays.asList(
            new String[] {"sandbox", "--port", "65534"},
            new String[] {"sandbox", "--token-lifetime", "0.5"},
            new String[] {"sandbox", "--requests", "3"})) {
      SampleRun run = SampleRun.run(env, args);

      assertThat(run.exitCode).as(run.all()).isEqualTo(2);
      assertThat(run.out).isEmpty();
      assertThat(run.err)
          .startsWith("error: ")
          .contains("\nusage: java -jar oauthkit-samples.jar sandbox [options]\n");
    }
    SampleRun help = SampleRun.run(env, "sandbox", "--help");
    assertThat(help.exitCode).isZero();
    assertThat(help.out).contains("--port P", "--token-lifetime S");

    assertThat(SampleRun.run(env, "--help").out)
        .contains("\n  sandbox                runs the Amadeus, Learn Amp and Bindeo sandboxes");
  }

  /** Returns the variables of an {@code export A=1 B=2} line. */
  private static Map<String, String> exports(String line) {
    assertThat(line).startsWith("export ");
    Map<String, String> env = new HashMap<>();
    for (String assignment : line.substring("export ".length()).split(" ")) {
      int equals = assignment.indexOf('=');
      env.put(assignment.substring(0, equals), assignment.substring(equals + 1));
    }
    return env;
  }

  /** Collects standard output, and opens a latch once the line that says it serves is complete. */
  private static final class Serving extends OutputStream {
    final CountDownLatch ready = new CountDownLatch(1);
    final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final ByteArrayOutputStream all = new ByteArrayOutputStream();

    @Override
    public synchronized void write(int b) {
      all.write(b);
      if (b == '\n' && new String(all.toByteArray(), UTF_8).contains("\nServing until Ctrl-C")) {
        ready.countDown();
      }
    }

    synchronized List<String> lines() {
      List<String> lines = new ArrayList<>();
      for (String line : new String(all.toByteArray(), UTF_8).split("\n")) {
        if (!line.isEmpty()) lines.add(line);
      }
      return lines;
    }
  }
}
