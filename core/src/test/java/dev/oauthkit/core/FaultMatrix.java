/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Collects the rows of a module's fault matrix and checks them against its table in {@code
 * docs/reliability.md}, so that the documented outcomes cannot drift from the observed ones. Run
 * with {@code -Dreliability.write=true} to rewrite the table instead.
 *
 * <p>The provider modules use the public copy in {@code dev.oauthkit.testing} (module {@code
 * testing}), which core cannot depend on; keep the two alike.
 */
final class FaultMatrix {
  /** Every module reports every row, in this order; "n/a" where the fault cannot occur. */
  static final List<String> ROWS =
      Arrays.asList(
          "token endpoint never answers (read timeout)",
          "token endpoint disconnects mid-body, then answers",
          "token endpoint 502 HTML page",
          "token endpoint 503 ×2, then 200",
          "token endpoint 503 forever",
          "token endpoint 429 with Retry-After, then 200",
          "token endpoint 200 with truncated JSON",
          "token endpoint 200, expires_in missing",
          "token endpoint 200, expires_in a string",
          "token endpoint 200, expires_in 0",
          "API 401 with the current token",
          "API 401 with an old token",
          "API 401 forever",
          "API 403",
          "refresh token revoked, no password to fall back on",
          "refresh token revoked, password grant to fall back on",
          "client revoked (invalid_client) mid-run",
          "clock jumps forward 1 h");

  static final int NOT_APPLICABLE = -1;

  private final String module;
  private final Map<String, String> rows = new ConcurrentHashMap<>();

  FaultMatrix(String module) {
    this.module = module;
  }

  /** Records the outcome of {@code row} and the requests each server saw. */
  void record(String row, String outcome, int tokenRequests, int apiRequests) {
    if (!ROWS.contains(row)) throw new AssertionError("not a row of the matrix: " + row);
    String line =
        "| "
            + row
            + " | "
            + outcome
            + " | "
            + (tokenRequests == NOT_APPLICABLE ? "–" : tokenRequests)
            + " | "
            + (apiRequests == NOT_APPLICABLE ? "–" : apiRequests)
            + " |";
    if (rows.put(row, line) != null) throw new AssertionError("row recorded twice: " + row);
  }

  void notApplicable(String row, String why) {
    record(row, "n/a: " + why, NOT_APPLICABLE, NOT_APPLICABLE);
  }

  /** What the caller of a call gets: its result, or a typed failure. */
  interface Action {
    String run() throws IOException;
  }

  /**
   * Runs {@code action} and returns its result, or the description of the typed exception it threw.
   * Any other exception fails the test.
   */
  static String outcome(Action action) {
    try {
      return action.run();
    } catch (TokenRequestException e) {
      StringBuilder result = new StringBuilder(e.getClass().getSimpleName()).append(": ");
      if (e.error() != null) result.append(e.error()).append(", ");
      if (e.code() != 0) {
        result.append("HTTP ").append(e.code());
      } else {
        Throwable cause = e.getCause();
        result.append("no response");
        if (cause != null) result.append(" (").append(cause.getClass().getSimpleName()).append(')');
      }
      if (e.isTransient()) result.append(", transient");
      return result.toString();
    } catch (ApiException e) {
      return e.getClass().getSimpleName() + ": HTTP " + e.code();
    } catch (IOException | RuntimeException e) {
      throw new AssertionError("untyped failure: " + e, e);
    }
  }

  /**
   * Compares the recorded rows with the module's table in docs/reliability.md, or rewrites the
   * table with {@code -Dreliability.write=true}. Does nothing unless every row was recorded (a run
   * of selected tests).
   */
  void verifyDocument() throws IOException {
    if (!rows.keySet().containsAll(ROWS)) return;
    StringBuilder table = new StringBuilder();
    table.append("| Fault | Outcome | Token requests | API requests |\n");
    table.append("|---|---|--:|--:|\n");
    for (String row : ROWS) table.append(rows.get(row)).append('\n');

    File file = document();
    String begin = "<!-- BEGIN fault matrix: " + module + " -->\n";
    String end = "<!-- END fault matrix: " + module + " -->";
    String text =
        file.exists() ? new String(Files.readAllBytes(file.toPath()), StandardCharsets.UTF_8) : "";
    int from = text.indexOf(begin);
    int to = text.indexOf(end);
    String documented = from >= 0 && to > from ? text.substring(from + begin.length(), to) : null;

    if (Boolean.getBoolean("reliability.write")) {
      String updated =
          documented != null
              ? text.substring(0, from + begin.length()) + table + text.substring(to)
              : text + "\n### " + module + "\n\n" + begin + table + end + "\n";
      Files.write(file.toPath(), updated.getBytes(StandardCharsets.UTF_8));
      return;
    }
    assertThat(documented)
        .as(
            "The fault matrix of %s in %s differs from the observed outcomes; run `mvn verify"
                + " -Dreliability.write=true` to update it, and review the diff.",
            module, file)
        .isEqualTo(table.toString());
  }

  /** docs/reliability.md of the project: one level above the module. */
  static File document() {
    File root = new File(System.getProperty("maven.multiModuleProjectDirectory", ""));
    if (!new File(root, "docs").isDirectory()) {
      root =
          new File(System.getProperty("basedir", System.getProperty("user.dir"))).getParentFile();
    }
    return new File(new File(root, "docs"), "reliability.md");
  }
}
