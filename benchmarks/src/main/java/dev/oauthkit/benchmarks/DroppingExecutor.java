/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.benchmarks;

import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A refresh executor that accepts background renewals and never runs them: the renewal stays
 * pending, as one in flight does, so a stale token is served again and again without the caller
 * ever waiting and without a token request in the measured loop. Counts what it was given.
 */
final class DroppingExecutor implements Executor {
  private final AtomicInteger submitted = new AtomicInteger();

  int submitted() {
    return submitted.get();
  }

  @Override
  public void execute(Runnable task) {
    submitted.incrementAndGet();
  }
}
