/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.amadeus;

import java.util.Map;
import retrofit2.Call;
import retrofit2.http.GET;
import retrofit2.http.Query;

interface FlightOffers {
  @GET("v2/shopping/flight-offers")
  Call<Map<String, Object>> search(
      @Query("originLocationCode") String origin,
      @Query("destinationLocationCode") String destination,
      @Query("departureDate") String departureDate,
      @Query("adults") int adults);
}
