/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.learnamp.model;

import org.jspecify.annotations.Nullable;

/**
 * One entry of a learnlist, from {@code GET /v1/learnlists/{id}/contents}, in learnlist order. The
 * {@link #type} and {@link #id} together identify the entry; an {@code Item} entry's id works with
 * {@code GET /v1/items/{id}}.
 */
public final class LearnlistContent {
  /** The id of the entry in the API of its {@link #type}. */
  public final long id;

  /** The name. */
  public final @Nullable String name;

  /** A short description; may be null. */
  public final @Nullable String shortDescription;

  /** The entry type: {@code Item}, {@code Quiz}, {@code Survey} or {@code Event}. */
  public final @Nullable String type;

  /** The entry type as shown in the product; for learnlist contents it mirrors {@link #type}. */
  public final @Nullable String displayType;

  /** The URL of the entry's page in Learn Amp. */
  public final @Nullable String url;

  /** The estimated time as display text, such as {@code "< 5 mins"}. */
  public final @Nullable String totalTimeEstimate;

  /**
   * Who added the entry; null for types that do not track it. Holds only the {@link User#id}, which
   * is null when an external contributor added the entry.
   */
  public final @Nullable User addedBy;

  private LearnlistContent() {
    id = 0L;
    name = null;
    shortDescription = null;
    type = null;
    displayType = null;
    url = null;
    totalTimeEstimate = null;
    addedBy = null;
  }

  @Override
  public String toString() {
    return "LearnlistContent{id=" + id + ", type=" + type + ", name=" + name + "}";
  }
}
