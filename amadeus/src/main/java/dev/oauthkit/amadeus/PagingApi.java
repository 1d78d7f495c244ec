/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.amadeus;

import dev.oauthkit.amadeus.model.DataList;
import dev.oauthkit.amadeus.model.Location;
import okhttp3.HttpUrl;
import retrofit2.Call;
import retrofit2.http.GET;
import retrofit2.http.Url;

/** Requests the pages that {@code meta.links.next} points to. */
interface PagingApi {
  @GET
  Call<DataList<Location>> locations(@Url HttpUrl url);
}
