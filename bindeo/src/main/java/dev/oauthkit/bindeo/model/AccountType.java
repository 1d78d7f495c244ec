/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.bindeo.model;

import org.jspecify.annotations.Nullable;

/** An account type of {@code GET /general/account-types}, translated to the requested locale. */
public final class AccountType {
  /** The account type id, as {@link User#type} refers to it. */
  public final long idType;

  /** The translated name, such as "Usuario gratis". */
  public final @Nullable String name;

  /** The monthly cost as Bindeo sends it, such as {@code "10"}; null for free types. */
  public final @Nullable String cost;

  /** The largest file size allowed, in kilobytes; null if unlimited. */
  public final @Nullable Long maxFilesize;

  /** The storage allowed, in kilobytes; null if unlimited. */
  public final @Nullable Long maxStorage;

  /** The number of stamps allowed per month; null if unlimited. */
  public final @Nullable Long maxStampsMonth;

  private AccountType() {
    this.idType = 0L;
    this.name = null;
    this.cost = null;
    this.maxFilesize = null;
    this.maxStorage = null;
    this.maxStampsMonth = null;
  }

  @Override
  public String toString() {
    return "AccountType{idType=" + idType + ", name=" + name + "}";
  }
}
