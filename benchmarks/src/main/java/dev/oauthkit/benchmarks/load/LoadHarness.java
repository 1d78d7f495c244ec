/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.benchmarks.load;

import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The load harness: starts one {@link AmadeusLikeServer} and drives every client through every
 * scenario, one client after another, then prints a Markdown report, writes it to a results file
 * and draws the two charts.
 *
 * <pre>
 * mvn -B -q package -DskipTests -pl benchmarks -am
 * java -cp benchmarks/target/benchmarks.jar dev.oauthkit.benchmarks.load.LoadHarness --out docs
 * </pre>
 *
 * <p>Options: {@code --out DIR} (charts, default {@code docs}), {@code --results FILE} (default
 * {@code benchmarks/target/load-results.md}), {@code --duration S} (each run, default 16), {@code
 * --lifetime S} (token lifetime of the steady runs, default 18), {@code --revocation-lifetime S}
 * (default 60, so that no client's scheduled renewal hides the revocation), {@code --threads
 * 1,8,32}, {@code --revocation-threads 8}, {@code --warmup S} (per client, unmeasured, default 2),
 * {@code --clients oauthkit,limit} (only clients whose names contain one of these), {@code --smoke}
 * (every client for 0.6 s per scenario at 2 threads with 3-s tokens, no warm-up; charts and results
 * in {@code benchmarks/target/load-smoke} unless given).
 *
 * <p>This class is the only one that prints: the report is the harness's output.
 */
public final class LoadHarness {
  /** What to run. */
  public static final class Settings {
    File out = new File("docs");
    File results = new File("benchmarks/target/load-results.md");
    long durationMillis = 16_000;
    long lifetimeMillis = 18_000;
    long revocationLifetimeMillis = 60_000;
    int[] threads = {1, 8, 32};
    int revocationThreads = 8;
    long warmupMillis = 2_000;
    boolean smoke;

    /** Runs only the clients whose names contain one of these; empty: all. */
    List<String> clients = new ArrayList<>();

    /** The quick run of the CI smoke test: every client for 0.6 s at 2 threads, 3-s tokens. */
    public static Settings smoke(File dir) {
      Settings settings = new Settings();
      settings.out = dir;
      settings.results = new File(dir, "load-results.md");
      settings.durationMillis = 600;
      settings.lifetimeMillis = 3_000;
      settings.revocationLifetimeMillis = 3_000;
      settings.threads = new int[] {2};
      settings.revocationThreads = 2;
      settings.warmupMillis = 0;
      settings.smoke = true;
      return settings;
    }

    static Settings parse(String[] args) {
      Settings settings = new Settings();
      for (String arg : args) {
        if (arg.equals("--smoke")) {
          // never over the published charts in docs/ unless --out says so
          settings = smoke(new File("benchmarks/target/load-smoke"));
        }
      }
      for (int i = 0; i < args.length; i++) {
        String arg = args[i];
        if (arg.equals("--smoke")) continue;
        if (i + 1 >= args.length) throw new IllegalArgumentException("missing value for " + arg);
        String value = args[++i];
        switch (arg) {
          case "--out":
            settings.out = new File(value);
            break;
          case "--results":
            settings.results = new File(value);
            break;
          case "--duration":
            settings.durationMillis = millis(value);
            break;
          case "--lifetime":
            settings.lifetimeMillis = millis(value);
            break;
          case "--revocation-lifetime":
            settings.revocationLifetimeMillis = millis(value);
            break;
          case "--threads":
            settings.threads =
                Arrays.stream(value.split(",")).mapToInt(Integer::parseInt).toArray();
            break;
          case "--revocation-threads":
            settings.revocationThreads = Integer.parseInt(value);
            break;
          case "--clients":
            settings.clients = Arrays.asList(value.split(","));
            break;
          case "--warmup":
            settings.warmupMillis = millis(value);
            break;
          default:
            throw new IllegalArgumentException("unknown option " + arg);
        }
      }
      return settings;
    }

    private static long millis(String seconds) {
      return Math.round(Double.parseDouble(seconds) * 1000);
    }

    List<Scenario> scenarios() {
      List<Scenario> scenarios = new ArrayList<>();
      for (int count : threads) {
        scenarios.add(Scenario.steady(count, durationMillis, lifetimeMillis));
      }
      scenarios.add(
          Scenario.revocation(
              revocationThreads, durationMillis, revocationLifetimeMillis, durationMillis / 2));
      return scenarios;
    }
  }

  /** Everything one harness run measured. */
  public static final class Results {
    final Settings settings;
    final List<String> clients;
    final List<RunResult> runs;
    final String environment;
    final long elapsedMillis;
    final List<File> charts;
    final String markdown;

    Results(
        Settings settings,
        List<String> clients,
        List<RunResult> runs,
        String environment,
        long elapsedMillis,
        List<File> charts) {
      this.settings = settings;
      this.clients = clients;
      this.runs = runs;
      this.environment = environment;
      this.elapsedMillis = elapsedMillis;
      this.charts = charts;
      this.markdown = Report.markdown(this);
    }

    /** The Markdown report. */
    public String markdown() {
      return markdown;
    }

    /** The clients, in report order. */
    public List<String> clients() {
      return clients;
    }

    /** Successful calls of the client over all its runs. */
    public long successes(String client) {
      return runs.stream().filter(r -> r.client.equals(client)).mapToLong(r -> r.successes).sum();
    }

    /** Token requests the server answered during the client's runs. */
    public long tokenRequests(String client) {
      return runs.stream()
          .filter(r -> r.client.equals(client))
          .mapToLong(r -> r.tokenRequests)
          .sum();
    }

    /** Whether the client took part in the token scenarios (all but the limit). */
    public boolean managesTokens(String client) {
      return !client.equals(Clients.LIMIT) && !client.equals(Clients.LIMIT_RETROFIT);
    }

    public List<File> charts() {
      return charts;
    }
  }

  private LoadHarness() {}

  public static void main(String[] args) throws Exception {
    Settings settings = Settings.parse(args);
    Results results = run(settings);
    System.out.println(results.markdown());
    System.out.println(
        "Results: "
            + settings.results
            + "; charts: "
            + results.charts
            + "; took "
            + results.elapsedMillis / 1000
            + " s");
  }

  /** Runs every client through every scenario; writes the results file and the charts. */
  public static Results run(Settings settings) throws Exception {
    System.setProperty("java.awt.headless", "true");
    long began = System.nanoTime();
    String environment = Report.environment();
    List<LoadClient.Factory> factories = new ArrayList<>();
    for (LoadClient.Factory factory : Clients.all()) {
      if (settings.clients.isEmpty()
          || settings.clients.stream().anyMatch(part -> factory.name().contains(part))) {
        factories.add(factory);
      }
    }
    List<String> names = new ArrayList<>();
    for (LoadClient.Factory factory : factories) names.add(factory.name());
    List<RunResult> runs = new ArrayList<>();
    try (AmadeusLikeServer server = AmadeusLikeServer.start(settings.lifetimeMillis)) {
      int warmupThreads = Arrays.stream(settings.threads).max().orElse(8);
      for (LoadClient.Factory factory : factories) {
        LoadRun.warmUp(factory, server, Math.min(8, warmupThreads), settings.warmupMillis);
      }
      for (Scenario scenario : settings.scenarios()) {
        for (LoadClient.Factory factory : factories) {
          if (scenario.kind == Scenario.Kind.REVOCATION && !factory.managesTokens()) continue;
          runs.add(LoadRun.run(factory, scenario, server));
        }
      }
    }
    List<File> charts = new ArrayList<>();
    if (!settings.out.isDirectory() && !settings.out.mkdirs()) {
      throw new IOException("cannot create " + settings.out);
    }
    int chartThreads = settings.threads.length > 1 ? settings.threads[1] : settings.threads[0];
    charts.add(Charts.callsPerSecond(runs, names, settings.out));
    charts.add(Charts.tokenRequests(runs, names, chartThreads, settings.out));
    long elapsed = (System.nanoTime() - began) / 1_000_000;
    Results results =
        new Results(
            settings, names, runs, environment + Report.loadAverage("end"), elapsed, charts);
    File parent = settings.results.getAbsoluteFile().getParentFile();
    if (parent != null && !parent.isDirectory() && !parent.mkdirs()) {
      throw new IOException("cannot create " + parent);
    }
    Files.write(settings.results.toPath(), results.markdown().getBytes(StandardCharsets.UTF_8));
    return results;
  }

  static String jvm() {
    return ManagementFactory.getRuntimeMXBean().getVmName()
        + " "
        + System.getProperty("java.runtime.version");
  }
}
