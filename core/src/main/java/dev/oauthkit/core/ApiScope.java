/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javax.annotation.Nullable;
import okhttp3.HttpUrl;

/** Where a manager's token may go: below its API base URLs, never to its token endpoint. */
final class ApiScope {
  private final List<HttpUrl> apiBaseUrls;
  private final @Nullable TokenEndpoint endpoint;

  ApiScope(List<HttpUrl> apiBaseUrls, @Nullable TokenEndpoint endpoint) {
    List<HttpUrl> urls = new ArrayList<>(apiBaseUrls);
    if (urls.isEmpty() && endpoint != null) urls.add(endpoint.url.newBuilder("/").build());
    this.apiBaseUrls = Collections.unmodifiableList(urls);
    this.endpoint = endpoint;
  }

  boolean allows(HttpUrl url) {
    if (isTokenEndpoint(url)) return false;
    for (int i = 0, size = apiBaseUrls.size(); i < size; i++) {
      HttpUrl base = apiBaseUrls.get(i);
      if (base.scheme().equals(url.scheme())
          && base.host().equals(url.host())
          && base.port() == url.port()
          && isUnder(url.encodedPath(), base.encodedPath())) {
        return true;
      }
    }
    return false;
  }

  /** Returns true if {@code path} is {@code basePath} or below it, segment by segment. */
  static boolean isUnder(String path, String basePath) {
    if (!path.startsWith(basePath)) return false;
    return basePath.endsWith("/")
        || path.length() == basePath.length()
        || path.charAt(basePath.length()) == '/';
  }

  private boolean isTokenEndpoint(HttpUrl url) {
    TokenEndpoint endpoint = this.endpoint;
    return endpoint != null
        && endpoint.url.host().equals(url.host())
        && endpoint.url.port() == url.port()
        && endpoint.url.encodedPath().equals(url.encodedPath());
  }
}
