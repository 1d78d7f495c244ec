/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.bindeo.model;

import org.jspecify.annotations.Nullable;

/**
 * One resource of a Bindeo response, {@code {"type":"users","attributes":{…}}}.
 *
 * @param <T> the attributes model.
 */
public final class Resource<T> {
  /** The resource type, such as {@code account_type} or {@code users}. */
  public final @Nullable String type;

  /** The resource's fields. */
  public final @Nullable T attributes;

  private Resource() {
    this.type = null;
    this.attributes = null;
  }

  @Override
  public String toString() {
    return "Resource{type=" + type + ", attributes=" + attributes + "}";
  }
}
