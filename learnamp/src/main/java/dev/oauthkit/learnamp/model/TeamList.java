/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.learnamp.model;

import java.util.Collections;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A page of {@code GET /v1/teams}: {@code {"teams":[…]}}. */
public final class TeamList implements Listing<Team> {
  private final @Nullable List<Team> teams;

  private TeamList() {
    teams = null;
  }

  /** Returns the teams on this page; empty, never null, if the body had none. */
  public List<Team> teams() {
    return teams != null ? teams : Collections.<Team>emptyList();
  }

  @Override
  public List<Team> elements() {
    return teams();
  }

  @Override
  public String toString() {
    return "TeamList{teams=" + teams() + "}";
  }
}
