/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.bindeo.model;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** The body of {@code POST /account}, which creates a user account. */
@SuppressWarnings("UnusedVariable") // Moshi reads the fields to write the body.
public final class NewAccount {
  private final String email;
  private final String password;
  private final String name;
  private final String locale;
  private final @Nullable Double latitude;
  private final @Nullable Double longitude;

  /**
   * Creates the body of an account without a location.
   *
   * @param password the new account's password, 6 to 4096 characters.
   * @param name the account name, 2 to 256 characters.
   * @param locale a locale Bindeo supports, such as {@code en_US} or {@code es_ES}.
   */
  public NewAccount(String email, String password, String name, String locale) {
    this(email, password, name, locale, null, null);
  }

  /** Creates the body of an account created at {@code latitude}, {@code longitude}. */
  public NewAccount(
      String email,
      String password,
      String name,
      String locale,
      @Nullable Double latitude,
      @Nullable Double longitude) {
    this.email = Objects.requireNonNull(email, "email == null");
    this.password = Objects.requireNonNull(password, "password == null");
    this.name = Objects.requireNonNull(name, "name == null");
    this.locale = Objects.requireNonNull(locale, "locale == null");
    this.latitude = latitude;
    this.longitude = longitude;
  }

  /** Returns a description without the email address and password. */
  @Override
  public String toString() {
    return "NewAccount{locale=" + locale + "}";
  }
}
