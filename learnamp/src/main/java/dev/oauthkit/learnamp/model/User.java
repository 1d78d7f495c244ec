/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.learnamp.model;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A person with access to the Learn Amp account, from {@code GET /v1/users}, {@code GET
 * /v1/users/{id}} and the users, managers and contributors embedded in other objects. The fields
 * from {@link #avatar} on are sent only by {@code GET /v1/users/{id}} and by {@code GET /v1/users}
 * with {@code expanded=true}.
 */
public final class User {
  /**
   * The user id. Null only where a reference names no user, such as the {@code addedBy} of content
   * added by an external contributor.
   */
  public final @Nullable Long id;

  /** The first name. */
  public final @Nullable String firstName;

  /** The last name. */
  public final @Nullable String lastName;

  /** The job title. */
  public final @Nullable String jobTitle;

  /** The email address. */
  public final @Nullable String email;

  /** The time zone name, such as {@code "London"}. */
  public final @Nullable String timeZone;

  /** The language code, such as {@code "en"}. */
  public final @Nullable String language;

  /**
   * The role: {@code viewer}, {@code curator}, {@code reporter}, {@code hr}, {@code admin} or
   * {@code owner}.
   */
  public final @Nullable String role;

  /** A third-party identifier, unique within the company. */
  public final @Nullable String integrationExternalId;

  /** The employment start date as an ISO 8601 date, such as {@code "2021-01-15"}. */
  public final @Nullable String hireDate;

  /** The URL of the user's profile page. */
  public final @Nullable String profileUrl;

  /** The user's status. */
  public final @Nullable UserStatus status;

  /** The URL of the user's avatar image. */
  public final @Nullable String avatar;

  /** The user's manager. */
  public final @Nullable User manager;

  /** The user's location, such as {@code "London, UK"}. */
  public final @Nullable String location;

  /** The user's department. */
  public final @Nullable String department;

  /** The user's primary team. */
  public final @Nullable Team primaryTeam;

  /** The user's other teams. */
  public final @Nullable List<Team> secondaryTeams;

  private User() {
    id = null;
    firstName = null;
    lastName = null;
    jobTitle = null;
    email = null;
    timeZone = null;
    language = null;
    role = null;
    integrationExternalId = null;
    hireDate = null;
    profileUrl = null;
    status = null;
    avatar = null;
    manager = null;
    location = null;
    department = null;
    primaryTeam = null;
    secondaryTeams = null;
  }

  @Override
  public String toString() {
    return "User{id=" + id + ", firstName=" + firstName + ", lastName=" + lastName + "}";
  }
}
