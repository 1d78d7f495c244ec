/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.sandbox.internal;

/** The time a sandbox judges its tokens by; the system clock unless a test sets another. */
public interface SandboxClock {
  /** {@link System#currentTimeMillis()}. */
  SandboxClock SYSTEM =
      new SandboxClock() {
        @Override
        public long currentTimeMillis() {
          return System.currentTimeMillis();
        }
      };

  /** Returns the current time in milliseconds since the epoch. */
  long currentTimeMillis();
}
