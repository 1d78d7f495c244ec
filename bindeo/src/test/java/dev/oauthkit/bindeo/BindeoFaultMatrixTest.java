/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.bindeo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oauthkit.testing.FaultMatrixServer;
import dev.oauthkit.testing.ProviderFaultMatrixTest;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The fault matrix through {@link Bindeo}, with the refresh-token rows only Bindeo has. */
class BindeoFaultMatrixTest extends ProviderFaultMatrixTest {
  BindeoFaultMatrixTest() {
    super("bindeo", new BindeoFixture());
  }

  @Override
  protected boolean issuesRefreshTokens() {
    return true;
  }

  @Override
  protected void assertSignInIssuesARefreshToken() throws Exception {
    tokenScript().then(BindeoServer.token("A", "R1"));
    apiScript().forever(request -> provider().apiOk());

    bindeo().bindeo = bindeo().bindeo.signIn(BindeoServer.USERNAME, BindeoServer.PASSWORD);

    assertThat(outcomeOfCall()).isEqualTo(RECOVERED);
    assertThat(bindeo().bindeo.tokens().token().refreshToken()).isEqualTo("R1");
  }

  private BindeoFixture bindeo() {
    return (BindeoFixture) provider();
  }

  @Test
  void refreshTokenRevokedWithoutFallback() throws Exception {
    tokenScript()
        .then(BindeoServer.token("A", "R1"))
        .then(BindeoServer.refreshTokenInvalid("Token has been revoked"));
    apiScript().forever(request -> provider().apiOk());

    bindeo().bindeo = bindeo().bindeo.signIn(BindeoServer.USERNAME, BindeoServer.PASSWORD);
    assertThat(outcomeOfCall()).isEqualTo(RECOVERED);
    clock().sleep(TimeUnit.HOURS.toMillis(1));
    String outcome = outcomeOfCall();

    assertThat(outcome).isEqualTo("SignInRequiredException: invalid_request, HTTP 400");
    assertThat(listener().events())
        .filteredOn(e -> e.startsWith("start"))
        .containsExactly("start password", "start refresh_token");
    record("refresh token revoked, no password to fall back on", outcome, 2, 1);
  }

  @Test
  void refreshTokenRevokedWithPasswordFallback() throws Exception {
    bindeo().bindeo =
        BindeoServer.builder(server(), clock())
            .password(BindeoServer.USERNAME, BindeoServer.PASSWORD)
            .client(FaultMatrixServer.client())
            .tokenListener(listener())
            .build();
    tokenScript()
        .then(BindeoServer.token("A", "R1"))
        .then(BindeoServer.refreshTokenInvalid("Token has been revoked"))
        .then(BindeoServer.token("B", "R2"));
    apiScript().forever(request -> provider().apiOk());

    assertThat(outcomeOfCall()).isEqualTo(RECOVERED);
    clock().sleep(TimeUnit.HOURS.toMillis(1));
    assertThat(outcomeOfCall()).isEqualTo(RECOVERED);

    assertThat(listener().events())
        .filteredOn(e -> e.startsWith("start"))
        .containsExactly("start password", "start refresh_token", "start password");
    assertThat(apiScript().authorizations()).containsExactly("Bearer A", "Bearer B");
    record(
        "refresh token revoked, password grant to fall back on",
        "recovered (password grant once)",
        3,
        2);
  }
}
