/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.bindeo.model;

import org.jspecify.annotations.Nullable;

/** A media type of {@code GET /general/media-types}, translated to the requested locale. */
public final class MediaType {
  /** The media type id. */
  public final long idType;

  /** The translated name, such as "Photos &amp; Images". */
  public final @Nullable String name;

  private MediaType() {
    this.idType = 0L;
    this.name = null;
  }

  @Override
  public String toString() {
    return "MediaType{idType=" + idType + ", name=" + name + "}";
  }
}
