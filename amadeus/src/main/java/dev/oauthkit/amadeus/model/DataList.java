/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.amadeus.model;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A collection response: {@code {"meta":{…},"data":[…],"warnings":[…]}}.
 *
 * @param <T> the type of the resources in {@link #data}.
 */
public final class DataList<T> {
  /** The count of resources and the links to this and neighbouring pages. */
  public final @Nullable Meta meta;

  /** The resources. */
  public final @Nullable List<T> data;

  /** Problems that did not stop the request, such as a language that fell back to the default. */
  public final @Nullable List<Issue> warnings;

  private DataList() {
    meta = null;
    data = null;
    warnings = null;
  }
}
