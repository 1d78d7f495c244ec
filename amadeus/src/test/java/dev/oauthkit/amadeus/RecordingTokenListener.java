/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.amadeus;

import dev.oauthkit.core.TokenListener;
import dev.oauthkit.core.TokenRequestException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Records every event as a line of text, and every exception it is given. */
final class RecordingTokenListener extends TokenListener {
  final List<String> events = new ArrayList<>();
  final List<IOException> exceptions = new ArrayList<>();

  synchronized List<String> events() {
    return new ArrayList<>(events);
  }

  synchronized long count(String prefix) {
    return events.stream().filter(e -> e.startsWith(prefix)).count();
  }

  @Override
  public synchronized void tokenRequestStart(String grantType) {
    events.add("start " + grantType);
  }

  @Override
  public synchronized void tokenRequestEnd(
      String grantType, long expiresAtMillis, long durationMillis) {
    events.add("end " + grantType + " expiresAt=" + expiresAtMillis);
  }

  @Override
  public synchronized void tokenRequestFailed(
      String grantType, IOException e, long durationMillis) {
    events.add("failed " + grantType + " " + e.getMessage());
    exceptions.add(e);
  }

  @Override
  public synchronized void tokenRequestRetry(String grantType, int attempt, long delayMillis) {
    events.add("retry " + grantType + " attempt=" + attempt + " delay=" + delayMillis);
  }

  @Override
  public synchronized void tokenInvalidated() {
    events.add("invalidated");
  }

  @Override
  public synchronized void refreshTokenRejected(TokenRequestException e) {
    events.add("refreshTokenRejected " + e.getMessage());
    exceptions.add(e);
  }

  @Override
  public synchronized void storeFailed(IOException e) {
    events.add("storeFailed " + e.getMessage());
    exceptions.add(e);
  }
}
