/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.amadeus.model;

import org.jspecify.annotations.Nullable;

/**
 * The {@code meta.links} object of a collection response. Each link is an absolute URL and is
 * present only when it applies: the last page has no {@link #next}.
 */
public final class Links {
  /** This page. */
  public final @Nullable String self;

  /** The next page, or null on the last page. */
  public final @Nullable String next;

  /** The previous page, or null on the first page. */
  public final @Nullable String previous;

  /** The first page. */
  public final @Nullable String first;

  /** The last page. */
  public final @Nullable String last;

  /** The parent resource. */
  public final @Nullable String up;

  private Links() {
    self = null;
    next = null;
    previous = null;
    first = null;
    last = null;
    up = null;
  }
}
