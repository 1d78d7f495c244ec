/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.bindeo.model;

import org.jspecify.annotations.Nullable;

/** A user account ({@code "type":"users"}), as the account endpoints answer it. */
public final class User {
  /** The user id. */
  public final long idUser;

  /** The account's email address. */
  public final @Nullable String email;

  /** The account type id; see {@link AccountType#idType}. */
  public final int type;

  /** The account name. */
  public final @Nullable String name;

  /** 1 once the account is confirmed, 0 if not; null when the response does not say. */
  public final @Nullable Integer confirmed;

  /** The account's locale, such as {@code en_US}. */
  public final @Nullable String lang;

  /** The storage left, in kilobytes; null when the response does not say. */
  public final @Nullable Long storageLeft;

  /** The stamps left this month; null when the response does not say. */
  public final @Nullable Long stampsLeft;

  /** The latitude given when the account was created, or null. */
  public final @Nullable Double latitude;

  /** The longitude given when the account was created, or null. */
  public final @Nullable Double longitude;

  private User() {
    this.idUser = 0L;
    this.email = null;
    this.type = 0;
    this.name = null;
    this.confirmed = null;
    this.lang = null;
    this.storageLeft = null;
    this.stampsLeft = null;
    this.latitude = null;
    this.longitude = null;
  }

  /** Returns a description without the email address. */
  @Override
  public String toString() {
    return "User{idUser=" + idUser + ", type=" + type + ", lang=" + lang + "}";
  }
}
