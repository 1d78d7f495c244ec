/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.learnamp.model;

import org.jspecify.annotations.Nullable;

/**
 * A playlist of content, from {@code GET /v1/learnlists} and {@code GET /v1/learnlists/{id}}. Its
 * entries come from {@code GET /v1/learnlists/{id}/contents}.
 */
public final class Learnlist {
  /** The learnlist id. */
  public final long id;

  /** The name. */
  public final @Nullable String name;

  /** The description. */
  public final @Nullable String description;

  private Learnlist() {
    id = 0L;
    name = null;
    description = null;
  }

  @Override
  public String toString() {
    return "Learnlist{id=" + id + ", name=" + name + "}";
  }
}
