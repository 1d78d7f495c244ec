/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.core;

import java.io.IOException;

/**
 * Obtains access tokens. The default source, which a {@link TokenManager} builds from a {@link
 * TokenEndpoint}, posts the grant to the endpoint. An Android app may implement it instead against
 * its own backend, so that no client secret ships in the APK.
 *
 * <p>The manager calls a source from one thread at a time per store key, retries it on transient
 * failures and caches what it returns; a source does not cache.
 */
public interface TokenSource {
  /**
   * Returns a new token for {@code grant}.
   *
   * @throws TokenRequestException if the server refused or answered something that is not a token.
   *     {@link TokenRequestException#isTransient() Transient} failures are retried.
   * @throws IOException if the server could not be reached; retried.
   */
  AccessToken fetch(Grant grant) throws IOException;
}
