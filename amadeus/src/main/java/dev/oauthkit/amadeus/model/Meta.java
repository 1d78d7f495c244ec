/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.amadeus.model;

import org.jspecify.annotations.Nullable;

/** The {@code meta} object of a collection response. */
public final class Meta {
  /** The number of resources in this response. */
  public final @Nullable Integer count;

  /** Links to this page and, when they apply, to the neighbouring pages. */
  public final @Nullable Links links;

  private Meta() {
    count = null;
    links = null;
  }
}
