/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.UnsupportedEncodingException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One run of the samples program, with everything it printed. */
final class SampleRun {
  /**
   * The line the program prints after a call once a second of real time has passed since the last
   * one: how many a run prints depends on how busy the machine is.
   */
  private static final Pattern PROGRESS =
      Pattern.compile(
          "progress: calls=\\d+ ok=\\d+ failed=\\d+ token_requests=\\d+ elapsed=\\d+\\.\\ds");

  /** What a token line says of the token's lifetime: the seconds left on the wall clock. */
  private static final Pattern EXPIRES_IN = Pattern.compile("^(token: .* expires_in=)(\\d+)s$");

  final int exitCode;
  final String out;
  final String err;

  /** How long the run took on the wall clock, which the program's token lines use. */
  final long elapsedMillis;

  private SampleRun(int exitCode, String out, String err, long elapsedMillis) {
    this.exitCode = exitCode;
    this.out = out;
    this.err = err;
    this.elapsedMillis = elapsedMillis;
  }

  static SampleRun run(Map<String, String> env, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try {
      PrintStream outStream = new PrintStream(out, true, "UTF-8");
      PrintStream errStream = new PrintStream(err, true, "UTF-8");
      long start = System.currentTimeMillis();
      int exit = Main.run(args, env, outStream, errStream);
      long elapsed = System.currentTimeMillis() - start;
      return new SampleRun(exit, out.toString("UTF-8"), err.toString("UTF-8"), elapsed);
    } catch (UnsupportedEncodingException e) {
      throw new AssertionError(e);
    }
  }

  /** The lines printed to standard output, without the progress lines that a slow run adds. */
  List<String> outLines() {
    List<String> lines = new ArrayList<>();
    for (String line : out.split("\n")) {
      if (!PROGRESS.matcher(line).matches()) lines.add(line);
    }
    return lines;
  }

  /**
   * {@link #outLines}, with the {@code expires_in=Ns} of each token line checked and shown as
   * {@code lifetimeSeconds}. A token line shows the seconds left when the token arrived, measured
   * on the wall clock from the start of the token request, so on a busy machine it may show fewer
   * than the lifetime; never more, and never fewer than the lifetime less the whole run.
   */
  List<String> outLinesWithLifetime(long lifetimeSeconds) {
    long least = lifetimeSeconds - (elapsedMillis + 999) / 1000;
    List<String> lines = new ArrayList<>();
    for (String line : outLines()) {
      Matcher matcher = EXPIRES_IN.matcher(line);
      if (matcher.matches()) {
        assertThat(Long.parseLong(matcher.group(2)))
            .as("%s, in a run of %d ms", line, elapsedMillis)
            .isBetween(least, lifetimeSeconds);
        line = matcher.group(1) + lifetimeSeconds + "s";
      }
      lines.add(line);
    }
    return lines;
  }

  String lastLine() {
    List<String> lines = outLines();
    return lines.get(lines.size() - 1);
  }

  String all() {
    return out + err;
  }
}
