/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.core;

import java.io.IOException;
import java.util.Map;

/**
 * Turns a successful token response into an {@link AccessToken}. The default parser reads the
 * fields of <a href="https://datatracker.ietf.org/doc/html/rfc6749#section-5.1">RFC 6749 §5.1</a>,
 * renamed as configured with {@link TokenEndpoint.Builder#responseField}; implement this interface
 * only for responses that renaming cannot express.
 */
public interface TokenResponseParser {
  /**
   * Returns the token in {@code json}.
   *
   * @param json the response body, a JSON object read by Moshi ({@code String}, {@code Double},
   *     {@code Boolean}, {@code List} and {@code Map} values).
   * @param requestTimeMillis when the token request was sent; the conservative issue time.
   * @throws IOException if the response is not a usable token. Its message must not contain any
   *     value of {@code json}: it may be a token.
   */
  AccessToken parse(Map<String, Object> json, long requestTimeMillis) throws IOException;
}
