/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.samples.dadi;

import dev.oauthkit.core.ClientAuthentication;
import dev.oauthkit.core.ErrorBody;
import dev.oauthkit.core.ProviderConfig;
import dev.oauthkit.core.TokenAuthenticator;
import dev.oauthkit.core.TokenEndpoint;
import java.util.Map;

/** The OAuth configuration of the DADI API: its own JSON token endpoint (seed 003). */
final class DadiAuth {
  /**
   * The token endpoint, relative to the base URL ({@code auth.tokenUrl}, default {@code /token}).
   */
  static final String TOKEN_PATH = "token";

  /**
   * Renews the token on a 401 that says it is invalid or expired: {@code error="invalid_token"} in
   * {@code WWW-Authenticate} (DADI API v3), or {@code API-0005} in the body (v4 and later, which
   * send no challenge). A 401 in neither shape renews too: the authenticator retries only once.
   * {@code error="no_token"} (the request carried no bearer token) is not helped by a new token.
   */
  static final TokenAuthenticator.RenewalPolicy RENEWAL_POLICY =
      unauthorized -> {
        ErrorBody body = ErrorBody.peek(unauthorized);
        String error = body.challengeParameter("error");
        if (error != null) return error.equals("invalid_token");
        Map<?, ?> json = body.jsonObject();
        String code = json != null ? ErrorBody.string(json.get("code")) : null;
        return code == null || code.equals("API-0005");
      };

  /** {@code POST token}, {@code {"clientId","secret"}} in, {@code {"accessToken",…}} out. */
  static TokenEndpoint tokenEndpoint(ProviderConfig config) {
    return config
        .tokenEndpoint(TOKEN_PATH)
        .clientAuthentication(ClientAuthentication.REQUEST_BODY)
        .encoding(TokenEndpoint.Encoding.JSON)
        .omitRequestField("grant_type") // DADI has one grant and no grant_type field.
        .requestField("client_id", "clientId")
        .requestField("client_secret", "secret")
        .responseField("access_token", "accessToken")
        .responseField("token_type", "tokenType")
        .responseField("expires_in", "expiresIn")
        .build();
  }

  private DadiAuth() {}
}
