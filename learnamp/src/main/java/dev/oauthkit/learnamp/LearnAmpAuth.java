/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.learnamp;

import dev.oauthkit.core.ClientAuthentication;
import dev.oauthkit.core.ProviderConfig;
import dev.oauthkit.core.TokenAuthenticator;
import dev.oauthkit.core.TokenEndpoint;
import org.jspecify.annotations.Nullable;

/** OAuth configuration for the Learn Amp API. */
final class LearnAmpAuth {
  /**
   * Learn Amp's 401 body is undocumented, and its tokens cannot be refreshed, so every 401 renews
   * the token once. A 403 (missing permission or scope) never reaches the policy.
   */
  static final TokenAuthenticator.RenewalPolicy RENEWAL_POLICY =
      TokenAuthenticator.RenewalPolicy.ALWAYS;

  /**
   * Returns the token endpoint {@code POST {baseUrl}oauth/token}: client credentials as
   * multipart/form-data fields {@code client_id}, {@code client_secret}, {@code grant_type} (and
   * {@code scope} when set), as in Learn Amp's {@code curl --form} example. The response is RFC
   * 6749 plus {@code created_at}, which core's standard parser reads.
   */
  static TokenEndpoint tokenEndpoint(ProviderConfig config, @Nullable String scope) {
    return config
        .tokenEndpoint("oauth/token")
        .clientAuthentication(ClientAuthentication.REQUEST_BODY)
        .encoding(TokenEndpoint.Encoding.MULTIPART)
        .scope(scope)
        .build();
  }

  private LearnAmpAuth() {}
}
