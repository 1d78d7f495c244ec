/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.amadeus.model;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** An airport or city from the Airport &amp; City Search API. */
public final class Location {
  /** The resource type, {@code "location"}. */
  public final @Nullable String type;

  /** {@code "AIRPORT"} or {@code "CITY"}. */
  public final @Nullable String subType;

  /** The short name, such as {@code "MUNICH INTERNATIONAL"}. */
  public final @Nullable String name;

  /** The name with city and country, such as {@code "MUNICH/DE:MUNICH INTERNATIONAL"}. */
  public final @Nullable String detailedName;

  /** The identifier, such as {@code "AMUC"}. */
  public final @Nullable String id;

  /** The link to this location. */
  public final @Nullable Self self;

  /** The offset from UTC, such as {@code "+02:00"}. */
  public final @Nullable String timeZoneOffset;

  /** The IATA code, such as {@code "MUC"}. */
  public final @Nullable String iataCode;

  /** The position. */
  public final @Nullable GeoCode geoCode;

  /** The city, country and region. */
  public final @Nullable Address address;

  /** Traffic figures; absent in the {@code LIGHT} view. */
  public final @Nullable Analytics analytics;

  private Location() {
    type = null;
    subType = null;
    name = null;
    detailedName = null;
    id = null;
    self = null;
    timeZoneOffset = null;
    iataCode = null;
    geoCode = null;
    address = null;
    analytics = null;
  }

  /** The {@code self} link of a resource. */
  public static final class Self {
    /** The absolute URL of the resource. */
    public final @Nullable String href;

    /** The HTTP methods the resource supports, such as {@code ["GET"]}. */
    public final @Nullable List<String> methods;

    private Self() {
      href = null;
      methods = null;
    }
  }

  /** A position in decimal degrees. */
  public static final class GeoCode {
    /** The latitude, from -90 to 90. */
    public final double latitude;

    /** The longitude, from -180 to 180. */
    public final double longitude;

    private GeoCode() {
      latitude = 0d;
      longitude = 0d;
    }
  }

  /** The address of a location. */
  public static final class Address {
    /** The city name, such as {@code "MUNICH"}. */
    public final @Nullable String cityName;

    /** The IATA city code, such as {@code "MUC"}. */
    public final @Nullable String cityCode;

    /** The country name, such as {@code "GERMANY"}. */
    public final @Nullable String countryName;

    /** The ISO 3166-1 alpha-2 country code, such as {@code "DE"}. */
    public final @Nullable String countryCode;

    /** The state code, for countries that have states. */
    public final @Nullable String stateCode;

    /** The region code, such as {@code "EUROP"}. */
    public final @Nullable String regionCode;

    private Address() {
      cityName = null;
      cityCode = null;
      countryName = null;
      countryCode = null;
      stateCode = null;
      regionCode = null;
    }
  }

  /** Traffic figures of a location. */
  public static final class Analytics {
    /** Figures about travellers. */
    public final @Nullable Travelers travelers;

    private Analytics() {
      travelers = null;
    }
  }

  /** Figures about the travellers of a location. */
  public static final class Travelers {
    /** The share of travellers, from 0 to 100; the API sorts by it. */
    public final @Nullable Integer score;

    private Travelers() {
      score = null;
    }
  }
}
