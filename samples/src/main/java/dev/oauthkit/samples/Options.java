/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.samples;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The command line of one command: {@code --name value} options and {@code --flag}s. */
final class Options {
  final Map<String, String> values = new LinkedHashMap<>();
  final int requests;
  final int threads;
  final double durationSeconds;
  final boolean verbose;
  final boolean help;

  private Options(String[] args, int from) {
    for (int i = from; i < args.length; i++) {
      String arg = args[i];
      if (!arg.startsWith("--")) throw new UsageException("unexpected argument: " + arg);
      String name = arg.substring(2);
      if (name.equals("help") || name.equals("verbose")) {
        values.put(name, "true");
      } else if (i + 1 < args.length) {
        values.put(name, args[++i]);
      } else {
        throw new UsageException("--" + name + " needs a value");
      }
    }
    help = values.containsKey("help");
    verbose = values.containsKey("verbose");
    requests = positiveInt("requests", 1);
    threads = positiveInt("threads", 1);
    String duration = values.get("duration");
    try {
      durationSeconds = duration != null ? Double.parseDouble(duration) : 0;
    } catch (NumberFormatException e) {
      throw new UsageException("--duration must be a number of seconds: " + duration);
    }
    if (durationSeconds < 0) throw new UsageException("--duration must not be negative");
  }

  static Options parse(String[] args, int from) {
    return new Options(args, from);
  }

  @Nullable String get(String name) {
    return values.get(name);
  }

  /** Fails on options that the command, a flow with the load options, does not know. */
  void checkKnown(String... commandOptions) {
    checkAmong(new String[] {"requests", "threads", "duration", "verbose", "help"}, commandOptions);
  }

  /**
   * Fails on options other than {@code --help} and the command's own, for a command without load.
   */
  void checkOnly(String... commandOptions) {
    checkAmong(new String[] {"help"}, commandOptions);
  }

  private void checkAmong(String[] common, String[] commandOptions) {
    outer:
    for (String name : values.keySet()) {
      for (String known : common) {
        if (known.equals(name)) continue outer;
      }
      for (String known : commandOptions) {
        if (known.equals(name)) continue outer;
      }
      throw new UsageException("unknown option --" + name);
    }
  }

  private int positiveInt(String name, int defaultValue) {
    String value = values.get(name);
    if (value == null) return defaultValue;
    try {
      int result = Integer.parseInt(value);
      if (result < 1) throw new UsageException("--" + name + " must be at least 1");
      return result;
    } catch (NumberFormatException e) {
      throw new UsageException("--" + name + " must be a whole number: " + value);
    }
  }

  /** A mistake on the command line. */
  static final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
      super(message);
    }
  }
}
