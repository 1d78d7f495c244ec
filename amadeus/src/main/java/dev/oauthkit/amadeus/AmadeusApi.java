/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.amadeus;

import dev.oauthkit.amadeus.model.Airline;
import dev.oauthkit.amadeus.model.CheckinLink;
import dev.oauthkit.amadeus.model.DataList;
import dev.oauthkit.amadeus.model.Location;
import org.jspecify.annotations.Nullable;
import retrofit2.Call;
import retrofit2.http.GET;
import retrofit2.http.Query;

/**
 * The Amadeus reference data APIs. Get an instance from {@link Amadeus#api()}: its calls carry the
 * access token and {@code Accept: application/json, application/vnd.amadeus+json}, and a non-2xx
 * answer's error body can be read with {@link AmadeusException#from} or thrown by {@link
 * Amadeus#execute}. Declare the APIs it does not cover in your own interface and get it from {@link
 * Amadeus#create}.
 */
public interface AmadeusApi {
  /**
   * Returns the online check-in links of an airline ({@code GET
   * /v2/reference-data/urls/checkin-links}).
   *
   * @param airlineCode the airline's IATA or ICAO code, such as {@code "BA"}.
   * @param language the language of the check-in pages, such as {@code "EN"} or {@code "en-GB"};
   *     null for the default, {@code en-GB}, which is also used when the language is unavailable.
   */
  @GET("v2/reference-data/urls/checkin-links")
  Call<DataList<CheckinLink>> checkinLinks(
      @Query("airlineCode") String airlineCode, @Query("language") @Nullable String language);

  /**
   * Returns the names of airlines ({@code GET /v1/reference-data/airlines}).
   *
   * @param airlineCodes comma-separated IATA or ICAO codes, such as {@code "BA,IB"}; null for all
   *     airlines.
   */
  @GET("v1/reference-data/airlines")
  Call<DataList<Airline>> airlines(@Query("airlineCodes") @Nullable String airlineCodes);

  /**
   * Returns airports and cities whose name or code starts with {@code keyword} ({@code GET
   * /v1/reference-data/locations}). Follow the pages with {@link Amadeus#nextPage}.
   *
   * @param subType {@code "AIRPORT"}, {@code "CITY"} or {@code "AIRPORT,CITY"}.
   * @param keyword the start of a name or code, such as {@code "MUC"}.
   * @param pageLimit the page size ({@code page[limit]}); null for the default, 10.
   * @param pageOffset the index of the first result ({@code page[offset]}); null for 0.
   */
  @GET("v1/reference-data/locations")
  Call<DataList<Location>> locations(
      @Query("subType") String subType,
      @Query("keyword") String keyword,
      @Query("page[limit]") @Nullable Integer pageLimit,
      @Query("page[offset]") @Nullable Integer pageOffset);
}
