/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.samples;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl-C during a {@code --duration} run: the shutdown hook stops the callers and the run still
 * ends with its summary line, printed once.
 */
final class InterruptTest {
  private static final Pattern SUMMARY =
      Pattern.compile(
          "summary: calls=(\\d+) ok=(\\d+) failed=0 token_requests=\\d+ elapsed=\\d+\\.\\ds");

  private static final String[] ENDLESS_RUN = {
    "amadeus-checkin-links", "--airline", "IB", "--duration", "3600", "--threads", "2"
  };

  @Test
  void interruptingARunEndsItWithItsSummary() throws Exception {
    FirstLine mobile = new FirstLine("Mobile ");
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Main.Run run =
        new Main.Run(
            ENDLESS_RUN,
            Collections.<String, String>emptyMap(),
            new PrintStream(mobile, true, "UTF-8"),
            new PrintStream(err, true, "UTF-8"));
    FutureTask<Integer> execution = new FutureTask<>(run::execute);
    new Thread(execution, "samples-main").start();
    assertThat(mobile.seen.await(60, TimeUnit.SECONDS)).as("the first call's output").isTrue();

    run.interrupt(); // What the shutdown hook does on Ctrl-C; it returns once the run has ended.

    assertThat(execution.get(60, TimeUnit.SECONDS)).isZero();
    List<String> lines = lines(mobile.text());
    assertThat(lines.get(0)).startsWith("Running on the embedded Amadeus sandbox");
    assertSummaryOnce(lines);
    assertThat(err.toString("UTF-8")).isEqualTo("interrupted: stopped after the calls in flight\n");

    run.interrupt(); // A second signal, or the hook at exit: nothing more.
    assertThat(lines(mobile.text())).isEqualTo(lines);
  }

  @Test
  void theHookAddsNothingToARunThatEnded() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Main.Run run =
        new Main.Run(
            new String[] {"learnamp", "--requests", "2"},
            Collections.<String, String>emptyMap(),
            new PrintStream(out, true, "UTF-8"),
            new PrintStream(err, true, "UTF-8"));
    assertThat(run.execute()).isZero();
    String printed = out.toString("UTF-8");

    run.interrupt(); // The hook runs at every exit.

    assertThat(out.toString("UTF-8")).isEqualTo(printed).contains("summary: calls=2 ok=2 ");
    assertThat(err.toString("UTF-8")).isEmpty();
  }

  @Test
  void theHookPrintsNothingBeforeTheCallsStart() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Main.Run run =
        new Main.Run(
            ENDLESS_RUN,
            Collections.<String, String>emptyMap(),
            new PrintStream(out, true, "UTF-8"),
            new PrintStream(out, true, "UTF-8"));

    run.interrupt(); // Ctrl-C while the JVM starts, or at the exit after a usage error.

    assertThat(out.size()).isZero();
  }

  /**
   * The real program in a JVM of its own, ended by a signal once its first call has printed. The
   * signal is SIGTERM, which runs the shutdown hooks as Ctrl-C's SIGINT does; SIGINT itself stays
   * ignored in a JVM started from a shell script's background job, as a build may be. {@code kill}
   * sends it, because {@link Process#destroy()} would also close the output still to be read.
   */
  @Test
  @EnabledOnOs({OS.LINUX, OS.MAC})
  @Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void aSignalledProgramStillPrintsItsSummary(@TempDir Path dir) throws Exception {
    String java =
        System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
    List<String> command =
        new ArrayList<>(
            Arrays.asList(
                java, "-cp", System.getProperty("java.class.path"), Main.class.getName()));
    command.addAll(Arrays.asList(ENDLESS_RUN));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().keySet().removeIf(name -> name.startsWith("AMADEUS_"));
    File errFile = dir.resolve("stderr.txt").toFile();
    builder.redirectError(errFile);
    Process process = builder.start();
    try {
      List<String> lines = new ArrayList<>();
      try (BufferedReader out =
          new BufferedReader(new InputStreamReader(process.getInputStream(), UTF_8))) {
        String line;
        while ((line = out.readLine()) != null) {
          lines.add(line);
          if (line.startsWith("Mobile ")) break;
        }
        assertThat(line).as("stdout %s, stderr %s", lines, errFile).isNotNull();

        long pid = (Long) Process.class.getMethod("pid").invoke(process); // Java 9+; we run on 17.
        assertThat(new ProcessBuilder("kill", "-TERM", Long.toString(pid)).start().waitFor())
            .isZero();

        while ((line = out.readLine()) != null) lines.add(line);
      }
      process.waitFor();

      assertSummaryOnce(lines);
      String err = new String(Files.readAllBytes(errFile.toPath()), UTF_8);
      assertThat(err).contains("interrupted: stopped after the calls in flight\n");
      assertThat(process.exitValue()).isEqualTo(128 + 15); // Ended by SIGTERM.
    } finally {
      process.destroyForcibly();
    }
  }

  /** The last line, after any progress lines, is the summary; no other line is one. */
  private static void assertSummaryOnce(List<String> lines) {
    String last = lines.get(lines.size() - 1);
    Matcher summary = SUMMARY.matcher(last);
    assertThat(summary.matches()).as("last line of %s", lines).isTrue();
    assertThat(summary.group(2)).isEqualTo(summary.group(1));
    assertThat(Integer.parseInt(summary.group(1))).isPositive();
    assertThat(lines.subList(0, lines.size() - 1)).noneMatch(line -> line.startsWith("summary:"));
  }

  private static List<String> lines(String text) {
    return new BufferedReader(new StringReader(text)).lines().collect(Collectors.toList());
  }

  /** Collects what is written, and opens a latch once a line starting with a prefix is complete. */
  private static final class FirstLine extends OutputStream {
    final CountDownLatch seen = new CountDownLatch(1);
    private final String prefix;
    private final ByteArrayOutputStream all = new ByteArrayOutputStream();

    FirstLine(String prefix) {
      this.prefix = prefix;
    }

    @Override
    public synchronized void write(int b) {
      all.write(b);
      if (b == '\n' && seen.getCount() > 0) {
        for (String line : lines(text())) {
          if (line.startsWith(prefix)) seen.countDown();
        }
      }
    }

    synchronized String text() {
      return new String(all.toByteArray(), UTF_8);
    }
  }
}
