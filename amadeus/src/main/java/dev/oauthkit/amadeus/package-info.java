/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * The Amadeus for Developers Self-Service APIs on oauthkit: the token endpoint as data, a Retrofit
 * interface and typed errors.
 *
 * <pre>{@code
 * Amadeus amadeus = Amadeus.builder()
 *     .clientId(apiKey)
 *     .clientSecret(apiSecret)
 *     .build();
 * DataList<CheckinLink> links = amadeus.execute(amadeus.api().checkinLinks("BA", null));
 * }</pre>
 */
@org.jspecify.annotations.NullMarked
package dev.oauthkit.amadeus;
