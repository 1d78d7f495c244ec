/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.samples;

import dev.oauthkit.core.ApiException;
import dev.oauthkit.core.TokenListener;
import dev.oauthkit.core.TokenRequestException;
import java.io.IOException;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The samples program: {@code java -jar oauthkit-samples.jar <command> [options]}. Each command
 * runs one provider flow against the real API when its credentials are set in the environment, and
 * against an embedded sandbox otherwise.
 */
public final class Main {
  static final List<Flow> FLOWS =
      Arrays.<Flow>asList(
          new AmadeusFlow(), new BindeoFlow(), new LearnAmpFlow(), new GenericFlow());

  private Main() {}

  public static void main(String... args) {
    int exit = run(args, System.getenv(), System.out, System.err);
    System.out.flush();
    System.exit(exit);
  }

  /** Runs the program; returns its exit code: 0 if every call succeeded, 1 if not, 2 on misuse. */
  static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
    if (args.length == 0 || args[0].equals("--help") || args[0].equals("help")) {
      usage(args.length == 0 ? err : out);
      return args.length == 0 ? 2 : 0;
    }
    Flow flow = find(args[0]);
    if (flow == null) {
      err.println("error: unknown command " + args[0]);
      usage(err);
      return 2;
    }
    Options options;
    try {
      options = Options.parse(args, 1);
      options.checkKnown(flow.optionNames());
    } catch (Options.UsageException e) {
      err.println("error: " + e.getMessage());
      help(flow, err);
      return 2;
    }
    if (options.help) {
      help(flow, out);
      return 0;
    }

    final AtomicInteger tokenRequests = new AtomicInteger();
    TokenListener listener =
        new TokenListener() {
          @Override
          public void tokenRequestStart(String grantType) {
            tokenRequests.incrementAndGet();
          }
        };
    LoadRunner runner = new LoadRunner(options, out, tokenRequests);
    Exception failure;
    try (Flow.Setup setup = flow.setUp(options, env, out, listener)) {
      failure = runner.run(setup.call);
    } catch (Options.UsageException e) {
      err.println("error: " + e.getMessage());
      out.println(runner.summary()); // Every run ends with its summary, even one that made no call.
      return 2;
    } catch (IOException | RuntimeException e) {
      failure = e;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      failure = e;
    }
    if (failure != null) {
      err.println("error: " + describe(failure));
      if (options.verbose) failure.printStackTrace(err);
      err.flush();
    }
    out.println(runner.summary());
    return failure == null ? 0 : 1;
  }

  /** Names a failure in one line; the messages of typed errors never contain a secret. */
  static String describe(Exception e) {
    if (e instanceof TokenRequestException || e instanceof ApiException) {
      return String.valueOf(e.getMessage());
    }
    String message = e.getMessage();
    return message != null ? e.getClass().getSimpleName() + ": " + message : e.toString();
  }

  private static Flow find(String name) {
    for (Flow flow : FLOWS) {
      if (flow.name().equals(name)) return flow;
    }
    return null;
  }

  private static void usage(PrintStream out) {
    out.println("usage: java -jar oauthkit-samples.jar <command> [options]");
    out.println();
    out.println("commands:");
    for (Flow flow : FLOWS) {
      out.println(String.format("  %-22s %s", flow.name(), flow.summary()));
    }
    out.println();
    out.println("Run a command with --help for its options.");
  }

  private static void help(Flow flow, PrintStream out) {
    out.println("usage: java -jar oauthkit-samples.jar " + flow.name() + " [options]");
    out.println();
    out.println(flow.summary());
    out.println();
    out.println("options:");
    for (String line : flow.optionHelp()) out.println("  " + line);
    out.println("  --requests N           total calls (default 1)");
    out.println("  --threads K            concurrent callers sharing one client (default 1)");
    out.println("  --duration S           keep calling for S seconds instead of N requests");
    out.println("  --verbose              print stack traces of failures");
    out.println("  --help                 this text");
  }
}
