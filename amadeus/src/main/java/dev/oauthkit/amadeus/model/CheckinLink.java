/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.amadeus.model;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A link to an airline's online check-in, from the Flight Check-in Links API. */
public final class CheckinLink {
  /** The resource type, {@code "checkin-link"}. */
  public final @Nullable String type;

  /** The identifier, such as {@code "BAEN-GBWeb"}. */
  public final @Nullable String id;

  /** The check-in URL. */
  public final @Nullable String href;

  /** Where the link works: {@code "Mobile"}, {@code "Web"} or {@code "All"}. */
  public final @Nullable String channel;

  /** The parameters the URL takes, by name; null when it takes none. */
  public final @Nullable Map<String, Parameter> parameters;

  private CheckinLink() {
    type = null;
    id = null;
    href = null;
    channel = null;
    parameters = null;
  }

  /** A parameter of a check-in URL. */
  public static final class Parameter {
    /** What the parameter means. */
    public final @Nullable String description;

    /** The parameter's data type, such as {@code "string"}. */
    public final @Nullable String type;

    /** The format of the value, such as {@code "YYYY-MM-DD"}. */
    public final @Nullable String format;

    private Parameter() {
      description = null;
      type = null;
      format = null;
    }
  }
}
