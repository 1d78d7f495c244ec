/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.learnamp.model;

import org.jspecify.annotations.Nullable;

/** A user's status as human-readable text, such as {@code "Confirmed"} / {@code "On 29 Nov 16"}. */
public final class UserStatus {
  /** The status, such as {@code "Confirmed"} or {@code "Invite pending"}. */
  public final @Nullable String status;

  /** When the status was reached, as display text such as {@code "On 29 Nov 16"}. */
  public final @Nullable String time;

  private UserStatus() {
    status = null;
    time = null;
  }

  @Override
  public String toString() {
    return "UserStatus{status=" + status + ", time=" + time + "}";
  }
}
