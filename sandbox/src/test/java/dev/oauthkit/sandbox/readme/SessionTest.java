/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.sandbox.readme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oauthkit.bindeo.Bindeo;
import dev.oauthkit.sandbox.BindeoSandbox;
import dev.oauthkit.sandbox.Sandbox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The test in bindeo's "Testing your integration", verbatim. */
final class SessionTest {
  private final BindeoSandbox sandbox = new BindeoSandbox();
  private Bindeo bindeo;

  @BeforeEach
  void setUp() throws Exception {
    sandbox.start();
    bindeo =
        Bindeo.builder()
            .clientId(Sandbox.CLIENT_ID)
            .clientSecret(Sandbox.CLIENT_SECRET)
            .baseUrl(sandbox.baseUrl())
            .build();
  }

  @AfterEach
  void tearDown() throws Exception {
    sandbox.close();
  }

  @Test
  void renewsARevokedTokenWithTheRefreshToken() throws Exception {
    Bindeo user = bindeo.signIn(BindeoSandbox.USERNAME, BindeoSandbox.PASSWORD);
    user.execute(user.api().identities());
    sandbox.revokeAllTokens(); // 401 access_denied; the refresh token stays valid.

    assertThat(user.execute(user.api().identities()).data).hasSize(1);
    assertThat(sandbox.tokenRequests("password")).isEqualTo(1);
    assertThat(sandbox.tokenRequests("refresh_token")).isEqualTo(1);
  }

  @Test
  void asksForANewSignInWhenTheRefreshTokenIsRefused() throws Exception {
    Bindeo user = bindeo.signIn(BindeoSandbox.USERNAME, BindeoSandbox.PASSWORD);
    user.execute(user.api().identities());
    sandbox.refuseRefreshTokens(true); // 400 invalid_request "The refresh token is invalid."
    sandbox.revokeAllTokens();

    assertThatThrownBy(() -> user.execute(user.api().identities()))
        .satisfies(e -> assertThat(Bindeo.isSignInRequired(e)).isTrue());
  }
}
