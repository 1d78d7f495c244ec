/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.learnamp.model;

import java.util.Collections;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A page of {@code GET /v1/items}: {@code {"items":[…]}}. */
public final class ItemList implements Listing<Item> {
  private final @Nullable List<Item> items;

  private ItemList() {
    items = null;
  }

  /** Returns the items on this page; empty, never null, if the body had none. */
  public List<Item> items() {
    return items != null ? items : Collections.<Item>emptyList();
  }

  @Override
  public List<Item> elements() {
    return items();
  }

  @Override
  public String toString() {
    return "ItemList{items=" + items() + "}";
  }
}
