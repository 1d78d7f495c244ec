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
import org.jspecify.annotations.Nullable;

/** One command of the samples program: its name, its help, and how it sets up its calls. */
abstract class Flow {
  private final String name;
  private final String summary;
  private final String[] optionNames;
  private final String[] optionHelp;

  /**
   * @param options the command's own options, each as a name then its help line.
   */
  Flow(String name, String summary, String... options) {
    this.name = name;
    this.summary = summary;
    this.optionNames = new String[options.length / 2];
    this.optionHelp = new String[options.length / 2];
    for (int i = 0; i < optionNames.length; i++) {
      optionNames[i] = options[2 * i];
      optionHelp[i] = options[2 * i + 1];
    }
  }

  /** The command name, such as {@code generic}. */
  final String name() {
    return name;
  }

  /** One line: what the command shows. */
  final String summary() {
    return summary;
  }

  /** The command's own options with their help text, as lines for {@code --help}. */
  final String[] optionHelp() {
    return optionHelp.clone();
  }

  /** The names of the command's own options. */
  final String[] optionNames() {
    return optionNames.clone();
  }

  /**
   * The environment variables the command reads, with their help text, as lines for {@code --help}.
   */
  abstract String[] environmentHelp();

  /**
   * Builds the client from the environment (or starts the sandbox when no credentials are set) and
   * returns the call to make.
   */
  abstract Setup setUp(
      Options options, Map<String, String> env, PrintStream out, TokenListener listener)
      throws IOException;

  /** A prepared flow: the call, and what to close afterwards. */
  static final class Setup implements Closeable {
    final LoadRunner.Call call;
    private final @Nullable Closeable[] resources;

    Setup(LoadRunner.Call call, @Nullable Closeable... resources) {
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
