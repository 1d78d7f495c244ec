/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.bindeo.model;

import com.squareup.moshi.Json;
import java.util.Objects;

/** The body of {@code PUT /account/password}, which changes the account's password. */
@SuppressWarnings("UnusedVariable") // Moshi reads the fields to write the body.
public final class PasswordChange {
  private final String password;

  @Json(name = "old_password")
  private final String oldPassword;

  /** Creates the body that replaces {@code oldPassword} with {@code password}. */
  public PasswordChange(String password, String oldPassword) {
    this.password = Objects.requireNonNull(password, "password == null");
    this.oldPassword = Objects.requireNonNull(oldPassword, "oldPassword == null");
  }

  /** Returns a description without the passwords. */
  @Override
  public String toString() {
    return "PasswordChange{██}";
  }
}
