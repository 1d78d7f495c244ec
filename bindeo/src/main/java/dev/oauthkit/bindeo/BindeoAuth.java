/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.bindeo;

import dev.oauthkit.core.ClientAuthentication;
import dev.oauthkit.core.ErrorBody;
import dev.oauthkit.core.ProviderConfig;
import dev.oauthkit.core.TokenEndpoint;
import dev.oauthkit.core.TokenManager.RefreshTokenRejection;
import dev.oauthkit.core.TokenRequestException;
import java.util.Locale;
import okhttp3.HttpUrl;
import okio.ByteString;
import org.jspecify.annotations.Nullable;

/** OAuth configuration for the Bindeo API: one JSON token endpoint for all three grants. */
final class BindeoAuth {
  /**
   * Bindeo (league/oauth2-server 5.0.0-RC1) refuses a spent, expired or revoked refresh token with
   * 400 {@code invalid_request}, message "The refresh token is invalid.", not with {@code
   * invalid_grant}. Both are recognised.
   */
  static final RefreshTokenRejection REFRESH_TOKEN_REJECTION =
      new RefreshTokenRejection() {
        @Override
        public boolean isRejected(TokenRequestException e) {
          if (RefreshTokenRejection.INVALID_GRANT.isRejected(e)) return true;
          if (!"invalid_request".equals(e.error())) return false;
          String hint = ErrorBody.string(e.errorBody().get("hint"));
          return mentionsRefreshToken(e.errorDescription())
              || mentionsRefreshToken(hint)
              || "Token has expired".equals(hint)
              || "Token has been revoked".equals(hint);
        }

        @Override
        public String toString() {
          return "BindeoAuth.REFRESH_TOKEN_REJECTION";
        }
      };

  static TokenEndpoint tokenEndpoint(ProviderConfig config) {
    return config
        .tokenEndpoint("access_token")
        .clientAuthentication(ClientAuthentication.REQUEST_BODY)
        .encoding(TokenEndpoint.Encoding.JSON)
        .build();
  }

  /**
   * Returns the store key of a signed-in user's session with this API and client. It does not
   * change when the refresh token rotates, so a persisted session is found again after a restart.
   */
  static String sessionKey(HttpUrl baseUrl, String clientId, String username) {
    String material = baseUrl + "\n" + clientId + "\n" + username;
    return "bindeo:session:" + ByteString.encodeUtf8(material).sha256().hex().substring(0, 40);
  }

  /** "The refresh token is invalid." and "Cannot parse refresh token: …". */
  private static boolean mentionsRefreshToken(@Nullable String text) {
    return text != null && text.toLowerCase(Locale.ROOT).contains("refresh token");
  }

  private BindeoAuth() {}
}
