/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.redis;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Appends what a fleet test measured to {@code target/fleet-report.txt}, for the note and
 * docs/fleet.md: token requests, their spacing, and calls.
 */
final class FleetReport {
  private static final Path FILE = Paths.get("target", "fleet-report.txt");

  static void write(String test, List<FleetServer.TokenRequest> requests, String calls)
      throws IOException {
    StringBuilder line = new StringBuilder(test).append(": ");
    line.append(requests.size()).append(" token requests");
    if (requests.size() > 1) {
      long min = Long.MAX_VALUE;
      for (int i = 1; i < requests.size(); i++) {
        min = Math.min(min, requests.get(i).atNanos - requests.get(i - 1).atNanos);
      }
      long span = requests.get(requests.size() - 1).atNanos - requests.get(0).atNanos;
      line.append(" over ").append(TimeUnit.NANOSECONDS.toMillis(span)).append(" ms");
      line.append(", at least ").append(TimeUnit.NANOSECONDS.toMillis(min)).append(" ms apart");
    }
    line.append("; ").append(calls).append('\n');
    Files.createDirectories(FILE.getParent());
    Files.write(
        FILE,
        line.toString().getBytes(StandardCharsets.UTF_8),
        StandardOpenOption.CREATE,
        StandardOpenOption.APPEND);
  }

  private FleetReport() {}
}
