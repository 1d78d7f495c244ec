/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.learnamp.model;

import java.util.List;

/**
 * The body of a paginated list response, such as {@code {"users":[…]}}. The paging totals are not
 * in the body but in the response headers; see {@code dev.oauthkit.learnamp.Page}.
 *
 * @param <T> the type of the listed elements.
 */
public interface Listing<T> {
  /** Returns the elements of this page; empty, never null, if the body had none. */
  List<T> elements();
}
