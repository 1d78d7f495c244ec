/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.core.internal;

import dev.oauthkit.core.Clock;
import dev.oauthkit.core.Grant;
import dev.oauthkit.core.TokenAuthenticator;
import dev.oauthkit.core.TokenEndpoint;
import dev.oauthkit.core.TokenListener;
import dev.oauthkit.core.TokenManager;
import dev.oauthkit.core.TokenStore;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * The validated settings of a {@link ProviderBuilder}, with the wiring every provider does with
 * them. Immutable. Its {@link #toString()} contains no secret.
 */
public final class ProviderConfig {
  private final String clientId;
  private final String clientSecret;
  private final HttpUrl baseUrl;
  private final OkHttpClient client;
  private final TokenStore tokenStore;
  private final TokenListener tokenListener;
  private final Clock clock;

  ProviderConfig(
      String clientId,
      String clientSecret,
      HttpUrl baseUrl,
      OkHttpClient client,
      TokenStore tokenStore,
      TokenListener tokenListener,
      Clock clock) {
    this.clientId = clientId;
    this.clientSecret = clientSecret;
    this.baseUrl = baseUrl;
    this.client = client;
    this.tokenStore = tokenStore;
    this.tokenListener = tokenListener;
    this.clock = clock;
  }

  /** Returns the client id. */
  public String clientId() {
    return clientId;
  }

  /** Returns the client secret. Keep it out of messages and descriptions. */
  public String clientSecret() {
    return clientSecret;
  }

  /** Returns the base URL, which ends in {@code /}. */
  public HttpUrl baseUrl() {
    return baseUrl;
  }

  /** Returns the HTTP client that API and token requests share. */
  public OkHttpClient client() {
    return client;
  }

  /** Returns the token store. */
  public TokenStore tokenStore() {
    return tokenStore;
  }

  /** Returns the clock. */
  public Clock clock() {
    return clock;
  }

  /**
   * Returns a token manager builder for {@code endpoint} and {@code grant} with this
   * configuration's client, store, listener and clock, which sends tokens only to URLs below the
   * base URL.
   */
  public TokenManager.Builder tokenManager(TokenEndpoint endpoint, Grant grant) {
    return new TokenManager.Builder(endpoint, grant)
        .client(client)
        .store(tokenStore)
        .listener(tokenListener)
        .clock(clock)
        .addApiBaseUrl(baseUrl); // Only below the base URL's path, for a custom base URL.
  }

  /**
   * Returns this configuration's client with the token interceptor and authenticator of {@code
   * tokens}; see {@link Clients#authenticated}.
   */
  public OkHttpClient authenticated(
      TokenManager tokens, TokenAuthenticator.RenewalPolicy renewalPolicy) {
    return Clients.authenticated(client, tokens, renewalPolicy);
  }

  @Override
  public String toString() {
    return "ProviderConfig{baseUrl=" + baseUrl.redact() + ", clientId=" + clientId + "}";
  }
}
