/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * Offline stand-ins for the providers, for an app's own tests, in the spirit of OkHttp's
 * MockWebServer: {@link dev.oauthkit.sandbox.AmadeusSandbox}, {@link
 * dev.oauthkit.sandbox.LearnAmpSandbox} and {@link dev.oauthkit.sandbox.BindeoSandbox}. Each speaks
 * its provider's token protocol and error bodies on a loopback port, can be told to expire or
 * revoke tokens, rate-limit or fail the token endpoint and refuse refresh tokens, and counts what
 * it was asked.
 *
 * <pre>{@code
 * import dev.oauthkit.amadeus.Amadeus;
 * import dev.oauthkit.sandbox.AmadeusSandbox;
 * import dev.oauthkit.sandbox.Sandbox;
 *
 * try (AmadeusSandbox sandbox = new AmadeusSandbox()) {
 *   sandbox.start();
 *   Amadeus amadeus = Amadeus.builder()
 *       .clientId(Sandbox.CLIENT_ID)
 *       .clientSecret(Sandbox.CLIENT_SECRET)
 *       .baseUrl(sandbox.baseUrl())
 *       .build();
 *   amadeus.execute(amadeus.api().checkinLinks("IB", null));
 *   assertThat(sandbox.tokenRequests("client_credentials")).isEqualTo(1);
 * }
 * }</pre>
 */
@NullMarked
package dev.oauthkit.sandbox;

import org.jspecify.annotations.NullMarked;
