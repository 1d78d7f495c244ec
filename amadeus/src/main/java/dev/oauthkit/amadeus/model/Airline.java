/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.amadeus.model;

import org.jspecify.annotations.Nullable;

/** An airline from the Airline Code Lookup API. */
public final class Airline {
  /** The resource type, {@code "airline"}. */
  public final @Nullable String type;

  /** The two-character IATA code, such as {@code "BA"}. */
  public final @Nullable String iataCode;

  /** The three-character ICAO code, such as {@code "BAW"}. */
  public final @Nullable String icaoCode;

  /** The registered name, such as {@code "BRITISH AIRWAYS"}. */
  public final @Nullable String businessName;

  /** The name the airline is commonly known by. */
  public final @Nullable String commonName;

  private Airline() {
    type = null;
    iataCode = null;
    icaoCode = null;
    businessName = null;
    commonName = null;
  }
}
