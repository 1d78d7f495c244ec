/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.interop;

import dev.oauthkit.core.TokenListener;
import dev.oauthkit.core.TokenRequestException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Records the engine's events as lines of text: {@code "start client_credentials"}, ... */
final class RecordingTokenListener extends TokenListener {
  private final List<String> events = new ArrayList<>();

  synchronized List<String> events() {
    return new ArrayList<>(events);
  }

  /** Returns how many HTTP requests the engine sent to the token endpoint. */
  synchronized long tokenRequests() {
    return events.stream().filter(e -> e.startsWith("start ")).count();
  }

  @Override
  public synchronized void tokenRequestStart(String grantType) {
    events.add("start " + grantType);
  }

  @Override
  public synchronized void tokenRequestEnd(
      String grantType, long expiresAtMillis, long durationMillis) {
    events.add("end " + grantType);
  }

  @Override
  public synchronized void tokenRequestFailed(
      String grantType, IOException e, long durationMillis) {
    events.add("failed " + grantType);
  }

  @Override
  public synchronized void tokenRequestRetry(String grantType, int attempt, long delayMillis) {
    events.add("retry " + grantType);
  }

  @Override
  public synchronized void tokenInvalidated() {
    events.add("invalidated");
  }

  @Override
  public synchronized void refreshTokenRejected(TokenRequestException e) {
    events.add("refreshTokenRejected");
  }
}
