/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.learnamp.model;

import java.util.Collections;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A page of {@code GET /v1/learnlists/{id}/contents}: {@code {"contents":[…]}}. */
public final class LearnlistContentList implements Listing<LearnlistContent> {
  private final @Nullable List<LearnlistContent> contents;

  private LearnlistContentList() {
    contents = null;
  }

  /** Returns the entries on this page; empty, never null, if the body had none. */
  public List<LearnlistContent> contents() {
    return contents != null ? contents : Collections.<LearnlistContent>emptyList();
  }

  @Override
  public List<LearnlistContent> elements() {
    return contents();
  }

  @Override
  public String toString() {
    return "LearnlistContentList{contents=" + contents() + "}";
  }
}
