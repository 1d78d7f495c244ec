/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.amadeus;

import dev.oauthkit.amadeus.model.Issue;
import dev.oauthkit.core.ClientAuthentication;
import dev.oauthkit.core.ErrorBody;
import dev.oauthkit.core.ProviderConfig;
import dev.oauthkit.core.TokenAuthenticator;
import dev.oauthkit.core.TokenEndpoint;
import java.io.IOException;
import java.util.List;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;

/** The OAuth configuration of the Amadeus APIs. */
final class AmadeusAuth {
  /** The token endpoint, relative to the base URL. */
  static final String TOKEN_PATH = "v1/security/oauth2/token";

  /**
   * Renews the token on a 401 whose {@code errors[].code} says the token is invalid (38190),
   * expired (38192) or revoked (38193), as a number or a string. A 401 whose body is not an Amadeus
   * error body is renewed too: the authenticator retries only once, so that costs at most one token
   * request, and refusing would leave a caller with a dead token. Other codes, such as 38191
   * (malformed header) and 39686 (invalid API key), are not helped by a new token.
   */
  static final TokenAuthenticator.RenewalPolicy RENEWAL_POLICY =
      new TokenAuthenticator.RenewalPolicy() {
        @Override
        public boolean shouldRenew(Response unauthorized) throws IOException {
          List<Issue> errors = AmadeusException.issues(ErrorBody.peek(unauthorized).json());
          if (errors == null) return true;
          for (Issue error : errors) {
            if (isTokenCode(error.code)) return true;
          }
          return false;
        }

        @Override
        public String toString() {
          return "AmadeusAuth.RENEWAL_POLICY";
        }
      };

  static TokenEndpoint tokenEndpoint(ProviderConfig config) {
    // The credentials in the request body are the only documented way.
    return config
        .tokenEndpoint(TOKEN_PATH)
        .clientAuthentication(ClientAuthentication.REQUEST_BODY)
        .build();
  }

  static boolean isTokenCode(@Nullable String code) {
    return "38190".equals(code) || "38192".equals(code) || "38193".equals(code);
  }

  private AmadeusAuth() {}
}
