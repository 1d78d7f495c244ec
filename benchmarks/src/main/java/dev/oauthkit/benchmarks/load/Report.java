/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.benchmarks.load;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Formats the harness's results as Markdown (the harness prints it and writes it to a file). */
final class Report {
  private Report() {}

  static String markdown(LoadHarness.Results results) {
    LoadHarness.Settings settings = results.settings;
    StringBuilder out = new StringBuilder();
    out.append("# Load harness results").append(settings.smoke ? " (smoke)" : "").append("\n\n");
    out.append(results.environment).append('\n');
    out.append(
        format(
            "Each run: a fresh client, %s s, all threads released together; steady runs with %s-s"
                + " tokens, the revocation run with %s-s tokens, revoked at %s s; warm-up %s s per"
                + " client. Harness run time %d s.%n%n",
            Scenario.seconds(settings.durationMillis),
            Scenario.seconds(settings.lifetimeMillis),
            Scenario.seconds(settings.revocationLifetimeMillis),
            Scenario.seconds(settings.durationMillis / 2),
            Scenario.seconds(settings.warmupMillis),
            results.elapsedMillis / 1000));

    out.append("## Steady load\n\n");
    out.append(
        "| client | threads | calls/s | × limit | CPU µs/call | p50 ms | p99 ms | max ms | failed |"
            + " token requests | per lifetime | renewals (largest) | slowest call ±0.5 s around"
            + " a renewal, ms | slowest call of a typical second, ms |\n");
    out.append("|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|\n");
    for (RunResult r : results.runs) {
      if (r.scenario.kind != Scenario.Kind.STEADY) continue;
      RunResult limit = find(results.runs, Clients.LIMIT, r.scenario);
      out.append(
          format(
              "| %s | %d | %,.0f | %s | %s | %s | %s | %s | %,d | %,d | %.2f | %s | %s | %s |%n",
              r.client,
              r.scenario.threads,
              r.callsPerSecond,
              limit != null && limit.callsPerSecond > 0
                  ? format("%.2f", r.callsPerSecond / limit.callsPerSecond)
                  : "–",
              r.cpuPerCall() < 0 ? "–" : format("%.0f", r.cpuPerCall() / 1e3),
              ms(r.p50),
              ms(r.p99),
              ms(r.max),
              r.failures,
              r.tokenRequests,
              r.tokenRequestsPerLifetime,
              !results.managesTokens(r.client)
                  ? "–"
                  : r.renewals + " (" + r.largestRenewalBurst + ")",
              r.slowestAroundRenewal >= 0 ? ms(r.slowestAroundRenewal) : "–",
              ms(r.typicalSecondMax)));
    }
    out.append(
        "\n`per lifetime` = token requests × token lifetime ÷ run length. A renewal is a burst of"
            + " token requests (gaps ≤ 0.5 s) after the first second; `largest` is the most token"
            + " requests in one renewal (1 = no herd). The last column is the median, over the run's"
            + " whole seconds, of each second's slowest call: what a renewal's second is compared"
            + " with. The limits fetched their one token before the run. `CPU µs/call` is the"
            + " CPU time of the whole JVM (client, server, GC, JIT) during the run per call.\n\n");

    int coldThreads = 0;
    for (int t : settings.threads) coldThreads = Math.max(coldThreads, t);
    out.append("## Cold start (first second of the ").append(coldThreads);
    out.append("-thread run; every thread's first call)\n\n");
    out.append(
        "| client | token requests in the first second | first call p50 ms | first call max"
            + " ms |\n");
    out.append("|---|--:|--:|--:|\n");
    for (RunResult r : results.runs) {
      if (r.scenario.kind != Scenario.Kind.STEADY || r.scenario.threads != coldThreads) continue;
      if (!results.managesTokens(r.client)) continue;
      out.append(
          format(
              "| %s | %d | %s | %s |%n",
              r.client, r.tokenRequestsFirstSecond, ms(r.firstCallMedian), ms(r.firstCallMax)));
    }

    out.append("\n## Revocation of all tokens in mid-run\n\n");
    out.append(
        "| client | threads | calls/s | failed calls | 401 answers | token requests |"
            + " first success after revocation | last failure after revocation | p99 ms | max ms"
            + " |\n");
    out.append("|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|\n");
    for (RunResult r : results.runs) {
      if (r.scenario.kind != Scenario.Kind.REVOCATION) continue;
      long left = r.durationNanos - r.revokedAt;
      String firstSuccess =
          r.firstSuccessAfterRevocation < 0
              ? "none in " + seconds(left) + " s"
              : ms(r.firstSuccessAfterRevocation) + " ms";
      String lastFailure =
          r.lastFailureAfterRevocation < 0
              ? "–"
              : (r.failingAtEnd
                  ? "still failing at the end"
                  : ms(r.lastFailureAfterRevocation) + " ms");
      out.append(
          format(
              "| %s | %d | %,.0f | %,d | %,d | %,d | %s | %s | %s | %s |%n",
              r.client,
              r.scenario.threads,
              r.callsPerSecond,
              r.failures,
              r.serverUnauthorized,
              r.tokenRequests,
              firstSuccess,
              lastFailure,
              ms(r.p99),
              ms(r.max)));
    }

    out.append("\n## Key ratios\n\n");
    int[] threads = settings.threads;
    int keyThreads = threads.length > 1 ? threads[1] : threads[0];
    Scenario key = null;
    for (RunResult r : results.runs) {
      if (r.scenario.kind == Scenario.Kind.STEADY && r.scenario.threads == keyThreads) {
        key = r.scenario;
        break;
      }
    }
    RunResult oauthkit = key != null ? find(results.runs, Clients.OAUTHKIT, key) : null;
    if (oauthkit != null && key != null) {
      for (String other : results.clients) {
        if (other.equals(Clients.OAUTHKIT)) continue;
        RunResult r = find(results.runs, other, key);
        if (r == null || r.callsPerSecond <= 0) continue;
        out.append(
            format(
                "- %d threads: oauthkit-amadeus ÷ %s = %.2f (calls/s)%n",
                keyThreads, other, oauthkit.callsPerSecond / r.callsPerSecond));
      }
    }
    out.append('\n');
    boolean failures = false;
    for (RunResult r : results.runs) {
      if (r.firstFailure != null) {
        if (!failures) out.append("## First failure of each run that failed\n\n");
        failures = true;
        out.append("- ").append(r.client).append(", ").append(r.scenario.label());
        out.append(": ").append(r.firstFailure).append('\n');
      }
      if (r.stuck) {
        out.append("- ").append(r.client).append(", ").append(r.scenario.label());
        out.append(": threads still busy 60 s after the end (interrupted)\n");
      }
    }
    return out.toString();
  }

  private static @Nullable RunResult find(List<RunResult> runs, String client, Scenario scenario) {
    for (RunResult r : runs) {
      if (r.client.equals(client)
          && r.scenario.kind == scenario.kind
          && r.scenario.threads == scenario.threads) {
        return r;
      }
    }
    return null;
  }

  private static String ms(long nanos) {
    if (nanos < 0) return "–";
    double millis = nanos / 1e6;
    return millis < 10 ? format("%.2f", millis) : format("%,.0f", millis);
  }

  private static String seconds(long nanos) {
    return format("%.1f", nanos / 1e9);
  }

  private static String format(String pattern, Object... args) {
    return String.format(Locale.ROOT, pattern, args);
  }

  /** Machine, JDK and library versions, as Markdown lines. */
  static String environment() {
    String cpu = "unknown CPU";
    try {
      for (String line : Files.readAllLines(Paths.get("/proc/cpuinfo"), StandardCharsets.UTF_8)) {
        if (line.startsWith("model name")) {
          cpu = line.substring(line.indexOf(':') + 1).trim();
          break;
        }
      }
    } catch (IOException | RuntimeException e) {
      // not Linux
    }
    java.util.Properties versions = new java.util.Properties();
    try (java.io.InputStream in = Report.class.getResourceAsStream("versions.properties")) {
      if (in != null) versions.load(in);
    } catch (IOException e) {
      // reported as "?"
    }
    return format(
        "- machine: %d CPUs (%s), %s %s %s%n- JDK: %s%n- versions: oauthkit-amadeus %s, amadeus-java"
            + " %s, Spring Security %s / Spring Framework %s (Jackson %s), OkHttp %s%n%s",
        Runtime.getRuntime().availableProcessors(),
        cpu,
        System.getProperty("os.name"),
        System.getProperty("os.version"),
        System.getProperty("os.arch"),
        LoadHarness.jvm(),
        versions.getProperty("oauthkit", "?"),
        versions.getProperty("amadeus-java", "?"),
        versions.getProperty("spring-security", "?"),
        versions.getProperty("spring", "?"),
        versions.getProperty("jackson", "?"),
        versions.getProperty("okhttp", "?"),
        loadAverage("start"));
  }

  /** The system load average, as a Markdown line. */
  static String loadAverage(String when) {
    double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    return format("- load average (1 min) at the %s: %.2f%n", when, load);
  }
}
