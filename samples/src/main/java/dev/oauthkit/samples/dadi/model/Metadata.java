/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.samples.dadi.model;

import org.jspecify.annotations.Nullable;

/** Where a {@link Results} page is in the whole result. */
public final class Metadata {
  /** The number of this page, from 1. */
  public final @Nullable Integer page;

  /** The index of this page's first document in the whole result. */
  public final @Nullable Integer offset;

  /** The documents per page. */
  public final @Nullable Integer limit;

  /** The number of documents in the whole result. */
  public final @Nullable Long totalCount;

  /** The number of pages. */
  public final @Nullable Integer totalPages;

  /** The number of the next page; null on the last page. */
  public final @Nullable Integer nextPage;

  /** The number of the previous page; null on the first page. */
  public final @Nullable Integer prevPage;

  private Metadata() {
    page = null;
    offset = null;
    limit = null;
    totalCount = null;
    totalPages = null;
    nextPage = null;
    prevPage = null;
  }
}
