/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.samples.dadi.model;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** The collections the client may read, from {@code GET /api/collections}, sorted by path. */
public final class CollectionList {
  /** The collections. */
  public final @Nullable List<Collection> collections;

  /** The media buckets. */
  public final @Nullable Media media;

  private CollectionList() {
    collections = null;
    media = null;
  }
}
