/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * The OAuth 2.0 token engine of oauthkit: fetches, caches and renews access tokens and attaches
 * them to OkHttp calls.
 *
 * <p>A {@link dev.oauthkit.core.TokenManager} owns the tokens of one client (and one user, for the
 * password grant). Install its {@link dev.oauthkit.core.TokenInterceptor} and {@link
 * dev.oauthkit.core.TokenAuthenticator} on an {@code OkHttpClient} and every call to the API gets a
 * fresh {@code Authorization: Bearer} header:
 *
 * <pre>{@code
 * TokenEndpoint endpoint = new TokenEndpoint.Builder()
 *     .url("https://auth.example.com/oauth/token")
 *     .clientId(clientId)
 *     .clientSecret(clientSecret)
 *     .build();
 * TokenManager tokens = new TokenManager.Builder(endpoint, Grant.clientCredentials())
 *     .client(client)
 *     .addApiBaseUrl(HttpUrl.get("https://api.example.com/")) // required: where tokens may go
 *     .build();
 * TokenInterceptor interceptor = new TokenInterceptor(tokens);
 * OkHttpClient authenticated = client.newBuilder()
 *     .addInterceptor(interceptor)
 *     .addNetworkInterceptor(interceptor) // sees each redirect hop; see TokenInterceptor
 *     .authenticator(new TokenAuthenticator(tokens))
 *     .build();
 * }</pre>
 *
 * <p>All parameters and return values are non-null unless annotated {@code @Nullable}.
 */
@NullMarked
package dev.oauthkit.core;

import org.jspecify.annotations.NullMarked;
