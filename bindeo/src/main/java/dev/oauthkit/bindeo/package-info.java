/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */

/**
 * A client of the Bindeo API, built on oauthkit core, oauthkit-retrofit and Moshi.
 *
 * <pre>{@code
 * Bindeo bindeo = Bindeo.builder().clientId(clientId).clientSecret(clientSecret).build();
 * Bindeo user = bindeo.signIn(username, password); // One password request; the password is dropped.
 * ResourceList<Identity> identities = user.execute(user.api().identities());
 * }</pre>
 *
 * <p>Start with {@link dev.oauthkit.bindeo.Bindeo}.
 */
@org.jspecify.annotations.NullMarked
package dev.oauthkit.bindeo;
