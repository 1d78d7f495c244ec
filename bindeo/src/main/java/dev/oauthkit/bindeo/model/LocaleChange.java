/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.bindeo.model;

import java.util.Objects;

/** The body of {@code PUT /account}, which changes the account's locale. */
public final class LocaleChange {
  private final String locale;

  /** Creates the body that sets the locale to {@code locale}, such as {@code es_ES}. */
  public LocaleChange(String locale) {
    this.locale = Objects.requireNonNull(locale, "locale == null");
  }

  @Override
  public String toString() {
    return "LocaleChange{locale=" + locale + "}";
  }
}
