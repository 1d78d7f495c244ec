/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.testing;

import dev.oauthkit.core.TokenListener;
import dev.oauthkit.core.TokenRequestException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Records every event as a line of text, and every exception it is given. */
public final class RecordingTokenListener extends TokenListener {
  /** The events, one line each; guard with the listener's lock. */
  public final List<String> events = new ArrayList<>();

  /** The exceptions the events carried; guard with the listener's lock. */
  public final List<IOException> exceptions = new ArrayList<>();

  /** Returns a copy of the events so far. */
  public synchronized List<String> events() {
    return new ArrayList<>(events);
  }

  /** Returns how many events start with {@code prefix}. */
  public synchronized long count(String prefix) {
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
