/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.learnamp;

import dev.oauthkit.learnamp.model.Listing;
import java.io.IOException;
import java.util.Collections;
import java.util.List;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import org.jspecify.annotations.Nullable;
import retrofit2.Response;

/**
 * One page of a Learn Amp list with the paging totals that the API sends in the {@code Total},
 * {@code Per-Page} and {@code Total-Pages} response headers. A total that the response did not
 * carry is -1.
 *
 * <pre>{@code
 * Page<User> page = learnAmp.page(learnAmp.api().users(1, 100));
 * log(page.elements().size() + " of " + page.total() + " users");
 * }</pre>
 *
 * @param <T> the type of the listed elements.
 */
public final class Page<T> {
  private final List<T> elements;
  private final int number;
  private final int perPage;
  private final long total;
  private final int totalPages;

  Page(List<T> elements, int number, int perPage, long total, int totalPages) {
    this.elements = Collections.unmodifiableList(elements);
    this.number = number;
    this.perPage = perPage;
    this.total = total;
    this.totalPages = totalPages;
  }

  /**
   * Returns the page of a list response, such as one an {@code enqueue()} callback receives.
   *
   * @throws LearnAmpException if {@code response} is not successful.
   * @throws IOException if {@code response} is a 2xx without a body.
   */
  public static <T> Page<T> of(Response<? extends Listing<T>> response) throws IOException {
    if (!response.isSuccessful()) throw LearnAmpException.from(response);
    Listing<T> body = response.body();
    if (body == null) throw new IOException("HTTP " + response.code() + " without a list");
    List<T> elements = body.elements();
    Headers headers = response.headers();
    HttpUrl url = response.raw().request().url();

    int number = Math.max(1, intOrMinusOne(url.queryParameter("page")));
    int perPage = intOrMinusOne(headers.get("Per-Page"));
    if (perPage <= 0) perPage = intOrMinusOne(url.queryParameter("perPage"));
    long total = longOrMinusOne(headers.get("Total"));
    int totalPages = intOrMinusOne(headers.get("Total-Pages"));
    if (totalPages < 0 && total >= 0 && perPage > 0) {
      totalPages = (int) Math.min(Integer.MAX_VALUE, (total + perPage - 1) / perPage);
    }
    return new Page<>(elements, number, perPage, total, totalPages);
  }

  /** Returns the elements of this page. */
  public List<T> elements() {
    return elements;
  }

  /** Returns this page's 1-based number: the {@code page} parameter of its request, or 1. */
  public int number() {
    return number;
  }

  /**
   * Returns the page size from the {@code Per-Page} header, or the request's {@code perPage}
   * parameter if the header was missing; -1 if neither was there.
   */
  public int perPage() {
    return perPage;
  }

  /** Returns the number of matching elements on all pages from the {@code Total} header, or -1. */
  public long total() {
    return total;
  }

  /**
   * Returns the number of pages from the {@code Total-Pages} header, else computed from {@link
   * #total()} and {@link #perPage()}; -1 if unknown.
   */
  public int totalPages() {
    return totalPages;
  }

  /**
   * Returns true if a page follows this one. When the response carried no totals, a page is assumed
   * to follow a full, non-empty one.
   */
  public boolean hasNext() {
    if (totalPages >= 0) return number < totalPages;
    return !elements.isEmpty() && (perPage <= 0 || elements.size() >= perPage);
  }

  @Override
  public String toString() {
    return "Page{number="
        + number
        + ", elements="
        + elements.size()
        + ", perPage="
        + perPage
        + ", total="
        + total
        + ", totalPages="
        + totalPages
        + "}";
  }

  private static int intOrMinusOne(@Nullable String value) {
    long parsed = longOrMinusOne(value);
    return parsed > Integer.MAX_VALUE ? -1 : (int) parsed;
  }

  private static long longOrMinusOne(@Nullable String value) {
    if (value == null) return -1L;
    try {
      long parsed = Long.parseLong(value.trim());
      return parsed < 0 ? -1L : parsed;
    } catch (NumberFormatException e) {
      return -1L;
    }
  }
}
