/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.core;

import dev.oauthkit.core.internal.Clients;
import java.util.Objects;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * The validated settings of a {@link ProviderBuilder}, with the wiring every provider does with
 * them: its token endpoint, its token manager (which sends tokens only below the base URL) and its
 * authenticated HTTP client. Part of the provider kit. Immutable; its {@link #toString()} contains
 * no secret.
 *
 * <pre>{@code
 * TokenEndpoint endpoint = config.tokenEndpoint("oauth/token")
 *     .clientAuthentication(ClientAuthentication.REQUEST_BODY)
 *     .build();
 * TokenManager tokens = config.tokenManager(endpoint, Grant.clientCredentials()).build();
 * OkHttpClient client = config.authenticated(tokens, TokenAuthenticator.RenewalPolicy.ALWAYS);
 * }</pre>
 *
 * <p>A provider client built on oauthkit-retrofit's {@code ProviderClient} does the last step
 * itself.
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

  /** Returns the base URL, which ends in {@code /}. */
  public HttpUrl baseUrl() {
    return baseUrl;
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
   * Returns a token endpoint builder for {@code path}, resolved against the base URL, with this
   * configuration's client id and secret. The provider adds what its endpoint needs (client
   * authentication, encoding, field names) and builds it.
   *
   * @throws IllegalArgumentException if {@code path} cannot be resolved against the base URL.
   */
  public TokenEndpoint.Builder tokenEndpoint(String path) {
    Objects.requireNonNull(path, "path == null");
    HttpUrl url = baseUrl.resolve(path);
    if (url == null) throw new IllegalArgumentException("unexpected token endpoint path: " + path);
    return new TokenEndpoint.Builder().url(url).clientId(clientId).clientSecret(clientSecret);
  }

  /**
   * Returns this configuration's client with a {@link TokenInterceptor} (installed both as an
   * application and as a network interceptor, so that every redirect hop is checked) and a {@link
   * TokenAuthenticator} with {@code renewalPolicy}, for {@code tokens}. The returned client shares
   * the connection pool and dispatcher of the client the builder was given.
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
