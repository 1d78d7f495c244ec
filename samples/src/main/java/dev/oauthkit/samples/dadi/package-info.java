/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * The <a href="https://github.com/dadi/api">DADI API</a> (the seed-003 API) on oauthkit's provider
 * kit: a provider written with public oauthkit types only, as a third party would write one. Its
 * token endpoint takes {@code {"clientId","secret"}} as JSON and answers {@code
 * {"accessToken","tokenType","expiresIn"}}.
 *
 * <pre>{@code
 * Dadi dadi = Dadi.builder()
 *     .baseUrl("https://api.example.com/")
 *     .clientId(clientId)
 *     .clientSecret(secret)
 *     .build();
 * CollectionList list = dadi.execute(dadi.api().collections());
 * }</pre>
 *
 * <p>See {@code docs/writing-a-provider.md}.
 */
@org.jspecify.annotations.NullMarked
package dev.oauthkit.samples.dadi;
