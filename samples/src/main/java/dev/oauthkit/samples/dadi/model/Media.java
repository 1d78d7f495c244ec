/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.samples.dadi.model;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** The media buckets of the API. */
public final class Media {
  /** The bucket names, such as {@code "mediaStore"}. */
  public final @Nullable List<String> buckets;

  /** The bucket that media go to by default. */
  public final @Nullable String defaultBucket;

  private Media() {
    buckets = null;
    defaultBucket = null;
  }
}
