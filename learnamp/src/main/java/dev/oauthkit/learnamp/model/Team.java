/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.learnamp.model;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A group of users, from {@code GET /v1/teams}, {@code GET /v1/teams/{id}} and {@code GET
 * /v1/teams/{id}/users}. {@link #users}, {@link #subTeams}, {@link #parentTeam} and {@link #tags}
 * are sent only for a single team.
 */
public final class Team {
  /** The team id. */
  public final long id;

  /** The team name. */
  public final @Nullable String name;

  /** How many users the team has. */
  public final @Nullable Integer teamUsersCount;

  /** The API path of this team, such as {@code "/v1/teams/379.json"}. */
  public final @Nullable String apiTeamPath;

  /** The API path of this team's users, such as {@code "/v1/teams/379/users.json"}. */
  public final @Nullable String apiTeamUsersPath;

  /** The id of the parent team, or null for a top-level team. */
  public final @Nullable Long parentTeamId;

  /** The team manager, or null if the team has none. */
  public final @Nullable User manager;

  /** The secondary managers. */
  public final @Nullable List<User> secondaryManagers;

  /** The members of the team. */
  public final @Nullable List<User> users;

  /** The sub-teams. */
  public final @Nullable List<Team> subTeams;

  /** The parent team. */
  public final @Nullable Team parentTeam;

  /** The team's tags. */
  public final @Nullable List<String> tags;

  private Team() {
    id = 0L;
    name = null;
    teamUsersCount = null;
    apiTeamPath = null;
    apiTeamUsersPath = null;
    parentTeamId = null;
    manager = null;
    secondaryManagers = null;
    users = null;
    subTeams = null;
    parentTeam = null;
    tags = null;
  }

  @Override
  public String toString() {
    return "Team{id=" + id + ", name=" + name + "}";
  }
}
