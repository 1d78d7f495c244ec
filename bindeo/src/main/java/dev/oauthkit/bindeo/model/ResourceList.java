/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.bindeo.model;

import com.squareup.moshi.Json;
import java.util.Collections;
import java.util.List;

/**
 * The envelope of a response with a list of resources, {@code
 * {"data":[{"type":…,"attributes":{…}}],"total_pages":1}}. Bindeo does not page these lists: {@link
 * #totalPages} is always 1.
 *
 * @param <T> the attributes model.
 */
public final class ResourceList<T> {
  /** The resources, in the server's order. */
  public final List<Resource<T>> data;

  /** The number of pages, sent as {@code total_pages}. */
  @Json(name = "total_pages")
  public final int totalPages;

  private ResourceList() {
    this.data = Collections.emptyList();
    this.totalPages = 0;
  }

  @Override
  public String toString() {
    return "ResourceList{data=" + data + ", totalPages=" + totalPages + "}";
  }
}
