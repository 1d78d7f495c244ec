/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.amadeus.model;

import org.jspecify.annotations.Nullable;

/**
 * An error or warning: one element of {@code errors[]} or {@code warnings[]}. The API gateway sends
 * {@code status} and {@code code} as strings and the APIs as numbers; both are accepted.
 */
public final class Issue {
  /** The HTTP status this issue caused, or 0 if absent. */
  public final int status;

  /** The Amadeus error code as a decimal string, such as {@code "38190"}; null if absent. */
  public final @Nullable String code;

  /** The short title, such as {@code "INVALID FORMAT"}. */
  public final @Nullable String title;

  /** A human-readable explanation. */
  public final @Nullable String detail;

  /** What in the request caused the issue. */
  public final @Nullable Source source;

  /** Creates an issue; for tests and for the error parser. */
  public Issue(
      int status,
      @Nullable String code,
      @Nullable String title,
      @Nullable String detail,
      @Nullable Source source) {
    this.status = status;
    this.code = code;
    this.title = title;
    this.detail = detail;
    this.source = source;
  }

  private Issue() {
    this(0, null, null, null, null);
  }

  @Override
  public String toString() {
    return "Issue{status="
        + status
        + ", code="
        + code
        + ", title="
        + title
        + ", detail="
        + detail
        + (source != null ? ", source=" + source : "")
        + "}";
  }

  /** The part of the request an {@link Issue} is about. */
  public static final class Source {
    /** The query parameter in error, such as {@code "airlineCodes"}. */
    public final @Nullable String parameter;

    /** A JSON pointer to the field of the request body in error. */
    public final @Nullable String pointer;

    /** An example of a valid value. */
    public final @Nullable String example;

    /** Creates a source; for tests and for the error parser. */
    public Source(@Nullable String parameter, @Nullable String pointer, @Nullable String example) {
      this.parameter = parameter;
      this.pointer = pointer;
      this.example = example;
    }

    private Source() {
      this(null, null, null);
    }

    @Override
    public String toString() {
      return "Source{parameter="
          + parameter
          + ", pointer="
          + pointer
          + ", example="
          + example
          + "}";
    }
  }
}
