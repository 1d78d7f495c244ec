/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.learnamp.model;

import java.util.Collections;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A page of {@code GET /v1/users}: {@code {"users":[…]}}. */
public final class UserList implements Listing<User> {
  private final @Nullable List<User> users;

  private UserList() {
    users = null;
  }

  /** Returns the users on this page; empty, never null, if the body had none. */
  public List<User> users() {
    return users != null ? users : Collections.<User>emptyList();
  }

  @Override
  public List<User> elements() {
    return users();
  }

  @Override
  public String toString() {
    return "UserList{users=" + users() + "}";
  }
}
