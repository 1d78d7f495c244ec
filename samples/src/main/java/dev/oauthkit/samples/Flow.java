/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.samples;

import dev.oauthkit.core.TokenListener;
import java.io.Closeable;
import java.io.IOException;
import java.io.PrintStream;
import java.util.Map;

/** One command of the samples program. */
interface Flow {
  /** The command name, such as {@code generic}. */
  String name();

  /** One line: what the command shows. */
  String summary();

  /** The command's own options with their help text, as lines for {@code --help}. */
  String[] optionHelp();

  /** The names of the command's own options. */
  String[] optionNames();

  /**
   * Builds the client from the environment (or starts the sandbox when no credentials are set) and
   * returns the call to make.
   */
  Setup setUp(Options options, Map<String, String> env, PrintStream out, TokenListener listener)
      throws IOException;

  /** A prepared flow: the call, and what to close afterwards. */
  final class Setup implements Closeable {
    final LoadRunner.Call call;
    private final Closeable[] resources;

    Setup(LoadRunner.Call call, Closeable... resources) {
      this.call = call;
      this.resources = resources;
    }

    @Override
    public void close() throws IOException {
      for (Closeable resource : resources) {
        if (resource != null) resource.close();
      }
    }
  }
}
