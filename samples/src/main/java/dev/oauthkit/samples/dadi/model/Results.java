/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.samples.dadi.model;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A page of documents of a collection, from {@code GET} on the collection's path. Declare the
 * document type in your own Retrofit interface and create it with {@link
 * dev.oauthkit.samples.dadi.Dadi#create}:
 *
 * <pre>{@code
 * interface Library {
 *   @GET("1.0/library/books")
 *   Call<Results<Book>> books(@Query("page") int page, @Query("count") int count);
 * }
 * }</pre>
 *
 * @param <T> the document type.
 */
public final class Results<T> {
  /** The documents of this page. */
  public final @Nullable List<T> results;

  /** Where this page is in the whole result. */
  public final @Nullable Metadata metadata;

  private Results() {
    results = null;
    metadata = null;
  }
}
