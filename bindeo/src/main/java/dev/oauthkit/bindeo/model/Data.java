/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.bindeo.model;

import org.jspecify.annotations.Nullable;

/**
 * The envelope of a response with one resource, {@code {"data":{"type":…,"attributes":{…}}}}.
 *
 * @param <T> the attributes model.
 */
public final class Data<T> {
  /** The resource. */
  public final @Nullable Resource<T> data;

  private Data() {
    this.data = null;
  }

  @Override
  public String toString() {
    return "Data{data=" + data + "}";
  }
}
