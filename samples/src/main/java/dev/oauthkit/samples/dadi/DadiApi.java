/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.samples.dadi;

import dev.oauthkit.samples.dadi.model.CollectionList;
import retrofit2.Call;
import retrofit2.http.GET;

/**
 * The DADI API endpoints this module declares. Get an instance from {@link Dadi#api()}: its calls
 * carry the access token, and {@link Dadi#execute} throws a {@link DadiException} for an error
 * status. Declare other endpoints in your own interface and create it with {@link Dadi#create}.
 */
public interface DadiApi {
  /** Returns the collections the client may read ({@code GET /api/collections}), sorted by path. */
  @GET("api/collections")
  Call<CollectionList> collections();
}
