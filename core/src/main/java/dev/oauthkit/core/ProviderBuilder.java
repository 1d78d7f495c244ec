/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.core;

import dev.oauthkit.core.internal.Urls;
import java.util.Objects;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;

/**
 * The settings every provider's builder has: client credentials, environment or base URL, HTTP
 * client, token store, token listener and clock. Part of the provider kit: a provider's public
 * {@code Builder} extends it, adds its own settings and builds from {@link #config()}, which
 * validates them.
 *
 * <p>Every provider names its deployments in an enum, {@code Environment}, with a default; {@link
 * #environment} picks one and {@link #baseUrl(HttpUrl)} replaces it with any other URL, such as a
 * gateway or a test server. The last of the two calls wins.
 *
 * <pre>{@code
 * public enum Environment {
 *   PRODUCTION("https://api.example.com/"),
 *   SANDBOX("https://sandbox.example.com/");
 *
 *   private final String baseUrl;
 *
 *   Environment(String baseUrl) {
 *     this.baseUrl = baseUrl;
 *   }
 * }
 *
 * public static final class Builder extends ProviderBuilder<Builder, Environment> {
 *   Builder() {
 *     super(Environment.PRODUCTION, environment -> HttpUrl.get(environment.baseUrl));
 *   }
 *
 *   public Example build() {
 *     return new Example(config());
 *   }
 * }
 * }</pre>
 *
 * <p>A base URL must end in {@code /}, as Retrofit requires, and plain http is refused unless the
 * host is loopback.
 *
 * @param <B> the provider's builder, which the setters return.
 * @param <E> the provider's enum of environments.
 */
public abstract class ProviderBuilder<B extends ProviderBuilder<B, E>, E extends Enum<E>> {
  /**
   * The base URLs of a provider's environments.
   *
   * @param <E> the provider's enum of environments.
   */
  public interface Environments<E> {
    /** Returns the base URL of {@code environment}, which ends in {@code /}. */
    HttpUrl baseUrl(E environment);
  }

  private final Environments<E> environments;
  private @Nullable String clientId;
  private @Nullable String clientSecret;
  private E environment;
  private @Nullable HttpUrl customBaseUrl;
  private @Nullable OkHttpClient client;
  private @Nullable TokenStore tokenStore;
  private TokenListener tokenListener = TokenListener.NONE;
  private Clock clock = Clock.SYSTEM;

  /**
   * @param defaultEnvironment the environment used unless another one or a base URL is set.
   * @param environments the base URL of each environment; asked when the client is built.
   */
  protected ProviderBuilder(E defaultEnvironment, Environments<E> environments) {
    this.environment = Objects.requireNonNull(defaultEnvironment, "defaultEnvironment == null");
    this.environments = Objects.requireNonNull(environments, "environments == null");
  }

  /** Sets the client id (API key) of the application. Required. */
  public final B clientId(String clientId) {
    this.clientId = Objects.requireNonNull(clientId, "clientId == null");
    return self();
  }

  /** Sets the client secret (API secret) of the application. Required. */
  public final B clientSecret(String clientSecret) {
    this.clientSecret = Objects.requireNonNull(clientSecret, "clientSecret == null");
    return self();
  }

  /**
   * Sets the environment, whose base URL the token endpoint and the API paths are resolved against.
   * Replaces a base URL set before.
   */
  public final B environment(E environment) {
    this.environment = Objects.requireNonNull(environment, "environment == null");
    this.customBaseUrl = null;
    return self();
  }

  /**
   * Sets a custom base URL, such as a gateway, a proxy or a test server, in place of the
   * environment's. The token endpoint and the API paths are resolved against it, and the access
   * token is sent only to URLs below it.
   *
   * @throws IllegalArgumentException if {@code baseUrl} does not end in {@code /}, or is plain http
   *     to a host that is not loopback.
   */
  public final B baseUrl(HttpUrl baseUrl) {
    Objects.requireNonNull(baseUrl, "baseUrl == null");
    Urls.checkSecure(baseUrl, false, "base URL");
    if (!baseUrl.encodedPath().endsWith("/")) {
      throw new IllegalArgumentException("base URL must end in /: " + baseUrl.redact());
    }
    this.customBaseUrl = baseUrl;
    return self();
  }

  /**
   * Sets a custom base URL; see {@link #baseUrl(HttpUrl)}.
   *
   * @throws IllegalArgumentException if {@code baseUrl} is not a valid http or https URL, or is not
   *     accepted by {@link #baseUrl(HttpUrl)}.
   */
  public final B baseUrl(String baseUrl) {
    Objects.requireNonNull(baseUrl, "baseUrl == null");
    return baseUrl(HttpUrl.get(baseUrl));
  }

  /**
   * Sets the client whose connection pool, dispatcher, timeouts and interceptors the API and token
   * requests share. Token requests use it without its interceptors. Defaults to a new client.
   */
  public final B client(OkHttpClient client) {
    this.client = Objects.requireNonNull(client, "client == null");
    return self();
  }

  /**
   * Sets where tokens are kept. Defaults to a new {@link TokenStore#inMemory()} for each built
   * client. A persistent store keeps tokens, refresh tokens included, across restarts: encrypt it.
   */
  public final B tokenStore(TokenStore tokenStore) {
    this.tokenStore = Objects.requireNonNull(tokenStore, "tokenStore == null");
    return self();
  }

  /** Sets the listener for token events. Defaults to {@link TokenListener#NONE}. */
  public final B tokenListener(TokenListener tokenListener) {
    this.tokenListener = Objects.requireNonNull(tokenListener, "tokenListener == null");
    return self();
  }

  /** Sets the clock that token expiry is measured with. Defaults to {@link Clock#SYSTEM}. */
  public final B clock(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock == null");
    return self();
  }

  /** Returns the base URL set so far: the custom one, else the environment's. */
  protected final HttpUrl baseUrl() {
    HttpUrl custom = customBaseUrl;
    return custom != null ? custom : environments.baseUrl(environment);
  }

  /** Returns the client id set so far, or null. */
  protected final @Nullable String clientId() {
    return clientId;
  }

  /**
   * Returns the settings to build a client with, with defaults for those not set.
   *
   * @throws IllegalStateException if the client id or secret is missing.
   */
  protected final ProviderConfig config() {
    if (clientId == null) throw new IllegalStateException("clientId required.");
    if (clientSecret == null) throw new IllegalStateException("clientSecret required.");
    return new ProviderConfig(
        clientId,
        clientSecret,
        baseUrl(),
        client != null ? client : new OkHttpClient(),
        tokenStore != null ? tokenStore : TokenStore.inMemory(),
        tokenListener,
        clock);
  }

  @SuppressWarnings("unchecked") // B is the concrete subclass by contract.
  private B self() {
    return (B) this;
  }
}
