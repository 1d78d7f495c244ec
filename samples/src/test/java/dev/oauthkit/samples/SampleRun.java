/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.samples;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.UnsupportedEncodingException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** One run of the samples program, with everything it printed. */
final class SampleRun {
  final int exitCode;
  final String out;
  final String err;

  private SampleRun(int exitCode, String out, String err) {
    this.exitCode = exitCode;
    this.out = out;
    this.err = err;
  }

  static SampleRun run(Map<String, String> env, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try {
      PrintStream outStream = new PrintStream(out, true, "UTF-8");
      PrintStream errStream = new PrintStream(err, true, "UTF-8");
      int exit = Main.run(args, env, outStream, errStream);
      return new SampleRun(exit, out.toString("UTF-8"), err.toString("UTF-8"));
    } catch (UnsupportedEncodingException e) {
      throw new AssertionError(e);
    }
  }

  List<String> outLines() {
    return Arrays.asList(out.split("\n"));
  }

  String lastLine() {
    List<String> lines = outLines();
    return lines.get(lines.size() - 1);
  }

  String all() {
    return out + err;
  }
}
