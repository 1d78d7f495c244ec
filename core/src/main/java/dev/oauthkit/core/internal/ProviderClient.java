/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.core.internal;

import dev.oauthkit.core.TokenManager;
import java.util.Objects;
import okhttp3.HttpUrl;

/**
 * What every provider's client has: the base URL of its API and the token manager that its calls
 * get their access tokens from. A provider's public client extends it and adds its API.
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
}
