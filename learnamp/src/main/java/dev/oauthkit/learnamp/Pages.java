/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.learnamp;

import dev.oauthkit.learnamp.model.Listing;
import java.io.IOException;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import retrofit2.Call;

/**
 * Walks all pages of a Learn Amp list, one request per page, starting at page 1. Each {@link
 * #next()} runs the call for the following page synchronously, so its {@link IOException} reaches
 * the caller where it happened; after the last page it returns null.
 *
 * <pre>{@code
 * Pages<User> pages = learnAmp.pages(page -> learnAmp.api().users(page, 100));
 * for (Page<User> page; (page = pages.next()) != null; ) {
 *   for (User user : page.elements()) {
 *     ...
 *   }
 * }
 * }</pre>
 *
 * <p>Instances are not thread-safe; use one per walk. Do not call {@link #next()} on Android's main
 * thread.
 *
 * @param <T> the type of the listed elements.
 */
public final class Pages<T> {
  /**
   * Creates the call for one page of a list.
   *
   * @param <T> the type of the listed elements.
   */
  public interface PageCall<T> {
    /**
     * Returns a new call for the 1-based page {@code page}; pass it as the {@code page} argument.
     */
    Call<? extends Listing<T>> page(int page);
  }

  private final LearnAmp learnAmp;
  private final PageCall<T> pageCall;
  private @Nullable Page<T> last;

  Pages(LearnAmp learnAmp, PageCall<T> pageCall) {
    this.learnAmp = learnAmp;
    this.pageCall = Objects.requireNonNull(pageCall, "pageCall == null");
  }

  /**
   * Fetches and returns the next page, or returns null if the previous page was the last one.
   *
   * @throws LearnAmpException if the API answered with an error status; calling again retries the
   *     same page.
   * @throws IOException if the call failed, or no token could be obtained.
   * @throws IllegalStateException if the call did not request the page number it was given.
   */
  public @Nullable Page<T> next() throws IOException {
    Page<T> previous = last;
    if (previous != null && !previous.hasNext()) return null;
    int number = previous != null ? previous.number() + 1 : 1;
    Page<T> page = learnAmp.page(pageCall.page(number));
    if (page.number() != number) {
      throw new IllegalStateException(
          "the call for page "
              + number
              + " requested page "
              + page.number()
              + "; pass the page number to the API method's page parameter");
    }
    last = page;
    return page;
  }

  @Override
  public String toString() {
    Page<T> previous = last;
    return "Pages{lastPage=" + (previous != null ? previous.number() : 0) + "}";
  }
}
