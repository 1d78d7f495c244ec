/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.learnamp.model;

import java.util.Collections;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A page of {@code GET /v1/learnlists}: {@code {"learnlists":[…]}}. */
public final class LearnlistList implements Listing<Learnlist> {
  private final @Nullable List<Learnlist> learnlists;

  private LearnlistList() {
    learnlists = null;
  }

  /** Returns the learnlists on this page; empty, never null, if the body had none. */
  public List<Learnlist> learnlists() {
    return learnlists != null ? learnlists : Collections.<Learnlist>emptyList();
  }

  @Override
  public List<Learnlist> elements() {
    return learnlists();
  }

  @Override
  public String toString() {
    return "LearnlistList{learnlists=" + learnlists() + "}";
  }
}
