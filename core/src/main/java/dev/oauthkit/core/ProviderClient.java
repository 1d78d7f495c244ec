/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.core;

import java.io.IOException;
import java.util.Objects;
import javax.annotation.Nullable;
import okhttp3.HttpUrl;

/**
 * What every provider's client has: the base URL of its API and the token manager that its calls
 * get their access tokens from. Part of the provider kit: a provider's public client extends it and
 * adds its API, built from a {@link ProviderConfig}.
 */
public abstract class ProviderClient {
  private final HttpUrl baseUrl;
  private final TokenManager tokens;

  /**
   * @param baseUrl the base URL of the API, ending in {@code /}.
   * @param tokens the token manager of the API's calls.
   */
  protected ProviderClient(HttpUrl baseUrl, TokenManager tokens) {
    this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl == null");
    this.tokens = Objects.requireNonNull(tokens, "tokens == null");
  }

  /**
   * Returns the token manager, to observe the access token or to clear it (as when the user signs
   * out).
   */
  public final TokenManager tokens() {
    return tokens;
  }

  /**
   * Returns the base URL of the API, which its paths and the token endpoint are resolved against.
   */
  public final HttpUrl baseUrl() {
    return baseUrl;
  }

  /**
   * Returns {@code body}, the body of a successful answer with status {@code code}.
   *
   * @throws IOException if {@code body} is null: the API answered without the body it promises.
   */
  protected static <T> T requireBody(@Nullable T body, int code) throws IOException {
    if (body == null) throw new IOException("HTTP " + code + " without a body");
    return body;
  }
}
