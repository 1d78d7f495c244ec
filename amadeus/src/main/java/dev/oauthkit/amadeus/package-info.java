/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */

/** Coming: the Amadeus API client, built on oauthkit core, Retrofit and Moshi. */
@javax.annotation.ParametersAreNonnullByDefault
package dev.oauthkit.amadeus;
