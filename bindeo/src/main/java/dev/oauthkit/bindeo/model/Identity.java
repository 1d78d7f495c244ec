/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.bindeo.model;

import org.jspecify.annotations.Nullable;

/** An active identity of the signed-in user, from {@code GET /account/identities}. */
public final class Identity {
  /** The identity id. */
  public final long idIdentity;

  /** The user it belongs to. */
  public final long idUser;

  /** 1 for the user's main identity, else 0. */
  public final int main;

  /** The identity type, such as {@code "E"} for an email address. */
  public final @Nullable String type;

  /** The name shown for the identity. */
  public final @Nullable String name;

  /** The identity itself, such as the email address. */
  public final @Nullable String value;

  /** 1 once the identity is confirmed, else 0. */
  public final int confirmed;

  /** The status, such as {@code "A"} for active. */
  public final @Nullable String status;

  private Identity() {
    this.idIdentity = 0L;
    this.idUser = 0L;
    this.main = 0;
    this.type = null;
    this.name = null;
    this.value = null;
    this.confirmed = 0;
    this.status = null;
  }

  @Override
  public String toString() {
    return "Identity{idIdentity=" + idIdentity + ", type=" + type + ", status=" + status + "}";
  }
}
