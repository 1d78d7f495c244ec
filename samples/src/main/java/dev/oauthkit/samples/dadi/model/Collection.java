/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.samples.dadi.model;

import org.jspecify.annotations.Nullable;

/**
 * A collection of documents. Its documents are listed with {@code GET} on its {@link #path}, as a
 * {@link Results} page.
 */
public final class Collection {
  /** The API version of the collection, such as {@code "1.0"} (DADI API up to v5). */
  public final @Nullable String version;

  /** The database, such as {@code "library"} (DADI API up to v5). */
  public final @Nullable String database;

  /** The property, such as {@code "library"} (DADI API v6, in place of version and database). */
  public final @Nullable String property;

  /** The display name, such as {@code "Books"}. */
  public final @Nullable String name;

  /** The collection's name in its path, such as {@code "books"}. */
  public final @Nullable String slug;

  /** The path of the collection's endpoint, such as {@code "/1.0/library/books"}. */
  public final @Nullable String path;

  private Collection() {
    version = null;
    database = null;
    property = null;
    name = null;
    slug = null;
    path = null;
  }
}
