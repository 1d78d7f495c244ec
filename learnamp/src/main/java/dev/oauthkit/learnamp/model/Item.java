/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.learnamp.model;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A learning object (a link, video, file or e-learning package), from {@code GET /v1/items} and
 * {@code GET /v1/items/{id}}. The list sends the fields up to {@link #itemUrl}; the fields after it
 * come with a single item. Dates are ISO 8601 strings such as {@code "2021-03-02T11:09:35Z"}.
 */
public final class Item {
  /** The item id. */
  public final long id;

  /** The title. */
  public final @Nullable String title;

  /** A short description; often null. */
  public final @Nullable String shortDescription;

  /** The item type as display text, such as {@code "Video"}. */
  public final @Nullable String itemType;

  /** The item category as display text, such as {@code "Audio/Visual"}. */
  public final @Nullable String itemCategory;

  /** The URL of the item's page in Learn Amp. */
  public final @Nullable String itemUrl;

  /** The URL of the external content, if any. */
  public final @Nullable String url;

  /** The description, as HTML. */
  public final @Nullable String description;

  /** The URL slug. */
  public final @Nullable String slug;

  /** The external system the item comes from, if any. */
  public final @Nullable String sourceType;

  /** The item's id in {@link #sourceType}, if any. */
  public final @Nullable String sourceId;

  /** When the item was created. */
  public final @Nullable String createdAt;

  /** When the item was last updated. */
  public final @Nullable String updatedAt;

  /** The URL of the tile image. */
  public final @Nullable String image;

  /** Who added the item; its {@link User#id} may be null. */
  public final @Nullable User addedBy;

  /** The visibility as display text, such as {@code "Entire Company"}. */
  public final @Nullable String visibility;

  /** The approximate time to complete as display text, such as {@code "< 10 mins"}. */
  public final @Nullable String totalTime;

  /** The item's tags. */
  public final @Nullable List<String> tags;

  /** The skills the item teaches. */
  public final @Nullable List<String> skills;

  private Item() {
    id = 0L;
    title = null;
    shortDescription = null;
    itemType = null;
    itemCategory = null;
    itemUrl = null;
    url = null;
    description = null;
    slug = null;
    sourceType = null;
    sourceId = null;
    createdAt = null;
    updatedAt = null;
    image = null;
    addedBy = null;
    visibility = null;
    totalTime = null;
    tags = null;
    skills = null;
  }

  @Override
  public String toString() {
    return "Item{id=" + id + ", title=" + title + "}";
  }
}
