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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * The samples program: {@code java -jar oauthkit-samples.jar <command> [options]}. Each command
 * runs one provider flow against the real API when its credentials are set in the environment, and
 * against an embedded sandbox otherwise; the {@code sandbox} command serves those sandboxes on
 * known ports, for commands in other processes.
 */
public final class Main {
  static final List<Flow> FLOWS =
      Arrays.<Flow>asList(
          new AmadeusFlow(), new BindeoFlow(), new LearnAmpFlow(), new GenericFlow());

  private Main() {}

  public static void main(String... args) {
    Run run = new Run(args, System.getenv(), System.out, System.err);
    // Ctrl-C (SIGINT) or a kill (SIGTERM) ends the JVM through its shutdown hooks: this one stops
    // the callers and makes sure that the run still ends with its summary line.
    Runtime.getRuntime().addShutdownHook(new Thread(run::interrupt, "oauthkit-samples-interrupt"));
    int exit = run.execute();
    System.out.flush();
    System.exit(exit);
  }

  /** Runs the program; returns its exit code: 0 if every call succeeded, 1 if not, 2 on misuse. */
  static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
    return new Run(args, env, out, err).execute();
  }

  /**
   * One run of the program. {@link #execute} runs it on the calling thread; {@link #interrupt},
   * called by the shutdown hook on Ctrl-C, ends it early from another thread, with its summary.
   */
  static final class Run {
    /**
     * How long an interrupted run may take to finish its calls in flight and print its summary
     * before {@link #interrupt} prints the summary itself.
     */
    static final long INTERRUPT_GRACE_MILLIS = 5_000;

    private final String[] args;
    private final Map<String, String> env;
    private final PrintStream out;
    private final PrintStream err;
    private final CountDownLatch ended = new CountDownLatch(1);
    private final AtomicBoolean summaryPrinted = new AtomicBoolean();
    private volatile @Nullable LoadRunner calling;
    private volatile @Nullable SandboxCommand serving;
    private volatile boolean interrupted;

    Run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
      this.args = args.clone();
      this.env = env;
      this.out = out;
      this.err = err;
    }

    /**
     * Runs the program; returns its exit code: 0 if every call succeeded, 1 if not, 2 on misuse.
     */
    int execute() {
      try {
        return Main.execute(this);
      } finally {
        ended.countDown();
      }
    }

    /**
     * Stops a run that is making calls: no caller starts another call, and the run ends with its
     * summary line, printed once, by the run itself or, if it has not ended within {@link
     * #INTERRUPT_GRACE_MILLIS}, by this method. Stops the {@code sandbox} command the same way,
     * with its counts. Does nothing before the calls start (a usage error prints no summary) or
     * after the run ended.
     */
    void interrupt() {
      if (ended.getCount() == 0) return;
      SandboxCommand sandboxes = serving;
      if (sandboxes != null) {
        sandboxes.stop(); // The expected way to end it: no "interrupted" line.
        awaitEnd();
        printCounts(sandboxes);
        return;
      }
      LoadRunner runner = calling;
      if (runner == null) return;
      interrupted = true;
      runner.stop();
      awaitEnd();
      printSummary(runner);
    }

    private void awaitEnd() {
      try {
        ended.await(INTERRUPT_GRACE_MILLIS, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    /** Prints the summary line, once per run whoever asks, saying first if it was interrupted. */
    void printSummary(LoadRunner runner) {
      if (!summaryPrinted.compareAndSet(false, true)) return;
      if (interrupted) {
        err.println("interrupted: stopped after the calls in flight");
        err.flush();
      }
      out.println(runner.summary());
      out.flush();
    }

    /** Prints the {@code sandbox} command's counts, once per run whoever asks. */
    void printCounts(SandboxCommand sandboxes) {
      if (!summaryPrinted.compareAndSet(false, true)) return;
      for (String line : sandboxes.counts()) out.println(line);
      out.flush();
    }
  }

  private static int execute(Run run) {
    String[] args = run.args;
    Map<String, String> env = run.env;
    PrintStream out = run.out;
    PrintStream err = run.err;
    if (args.length == 0 || args[0].equals("--help") || args[0].equals("help")) {
      usage(args.length == 0 ? err : out);
      return args.length == 0 ? 2 : 0;
    }
    if (args[0].equals(SandboxCommand.NAME)) return serve(run);
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
    final AtomicBoolean storeFailed = new AtomicBoolean();
    TokenListener listener =
        new TokenListener() {
          @Override
          public void tokenRequestStart(String grantType) {
            tokenRequests.incrementAndGet();
          }

          @Override
          public void storeFailed(IOException e) {
            // The shared store (REDIS_URL) failed; the run goes on with the token it holds. Said
            // once: while Redis is down, every token the run needs would say it again. The
            // store's messages never hold a token or a password.
            if (storeFailed.compareAndSet(false, true)) {
              String message = e.getMessage() != null ? e.getMessage() : e.toString();
              err.println("Redis unavailable, tokens stay in this process: " + message);
              err.flush();
            }
          }
        };
    LoadRunner runner = new LoadRunner(options, out, tokenRequests);
    Exception failure;
    try (Flow.Setup setup = flow.setUp(options, env, out, listener)) {
      run.calling = runner;
      failure = runner.run(setup.call);
    } catch (Options.UsageException e) {
      // A usage error (an option or an environment variable) makes no call: no summary.
      err.println("error: " + e.getMessage());
      help(flow, err);
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
    run.printSummary(runner);
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

  /** Runs the {@code sandbox} command until {@link Run#interrupt}. */
  private static int serve(Run run) {
    PrintStream out = run.out;
    PrintStream err = run.err;
    SandboxCommand sandboxes;
    try {
      Options options = Options.parse(run.args, 1);
      options.checkOnly(SandboxCommand.OPTION_NAMES);
      if (options.help) {
        sandboxHelp(out);
        return 0;
      }
      sandboxes = new SandboxCommand(options);
    } catch (Options.UsageException e) {
      err.println("error: " + e.getMessage());
      sandboxHelp(err);
      return 2;
    }
    run.serving = sandboxes; // From now on a signal stops it with its counts.
    try {
      sandboxes.start(out);
    } catch (IOException e) {
      err.println("error: cannot start the sandboxes: " + describe(e));
      return 1;
    }
    try {
      sandboxes.awaitStop();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try {
      sandboxes.close();
    } catch (IOException e) {
      err.println("error: " + describe(e)); // Only the counts matter now.
    }
    run.printCounts(sandboxes);
    return 0;
  }

  private static @Nullable Flow find(String name) {
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
    out.println(String.format("  %-22s %s", SandboxCommand.NAME, SandboxCommand.SUMMARY));
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
    out.println();
    out.println("environment (with neither client variable set, it runs on an embedded sandbox):");
    for (String line : flow.environmentHelp()) out.println("  " + line);
    out.println("  " + SharedStore.HELP);
  }

  private static void sandboxHelp(PrintStream out) {
    out.println("usage: java -jar oauthkit-samples.jar " + SandboxCommand.NAME + " [options]");
    out.println();
    out.println(SandboxCommand.SUMMARY);
    out.println();
    out.println("options:");
    for (String line : SandboxCommand.OPTION_HELP) out.println("  " + line);
  }
}
