/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.bindeo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oauthkit.core.TokenManager;
import dev.oauthkit.testing.FaultMatrixServer;
import dev.oauthkit.testing.ProviderFaultMatrixTest;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.MockResponse;
import org.junit.jupiter.api.Test;

/**
 * The fault matrix through {@link Bindeo}: its answers to {@link ProviderFaultMatrixTest}, and the
 * refresh-token rows, which only Bindeo has.
 */
class BindeoFaultMatrixTest extends ProviderFaultMatrixTest {
  private Bindeo bindeo;

  BindeoFaultMatrixTest() {
    super("bindeo", "/access_token");
  }

  @Override
  protected void build(OkHttpClient client) {
    bindeo = build(BindeoServer.builder(server(), clock()), client);
  }

  private Bindeo build(Bindeo.Builder builder, OkHttpClient client) {
    return builder.client(client).tokenListener(listener()).build();
  }

  @Override
  protected void call() throws IOException {
    assertThat(bindeo.execute(bindeo.api().accountTypes("en_US")).data).isNotEmpty();
  }

  @Override
  protected TokenManager tokens() {
    return bindeo.tokens();
  }

  @Override
  protected MockResponse token(String accessToken) {
    return BindeoServer.token(accessToken);
  }

  @Override
  protected MockResponse tokenJson(String json) {
    return BindeoServer.json(200, json);
  }

  @Override
  protected MockResponse apiOk() throws IOException {
    return BindeoServer.fixture("account-types.json");
  }

  @Override
  protected MockResponse apiTokenRefused() {
    return BindeoServer.accessDenied();
  }

  @Override
  protected MockResponse apiForbidden() {
    return BindeoServer.json(403, "{\"error\":{\"code\":403,\"message\":\"Storage space full\"}}");
  }

  @Override
  protected MockResponse invalidClient() {
    return BindeoServer.json(
        401, "{\"error\":\"invalid_client\",\"message\":\"Client authentication failed\"}");
  }

  @Override
  protected long tokenLifetimeSeconds() {
    return 3600;
  }

  @Override
  protected String apiExceptionName() {
    return "BindeoException";
  }

  @Override
  protected boolean issuesRefreshTokens() {
    return true;
  }

  @Test
  void refreshTokenRevokedWithoutFallback() throws Exception {
    tokenScript()
        .then(BindeoServer.token("A", "R1"))
        .then(BindeoServer.refreshTokenInvalid("Token has been revoked"));
    apiScript().forever(request -> apiOk());

    bindeo = bindeo.signIn(BindeoServer.USERNAME, BindeoServer.PASSWORD);
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
    bindeo =
        build(
            BindeoServer.builder(server(), clock())
                .password(BindeoServer.USERNAME, BindeoServer.PASSWORD),
            FaultMatrixServer.client());
    tokenScript()
        .then(BindeoServer.token("A", "R1"))
        .then(BindeoServer.refreshTokenInvalid("Token has been revoked"))
        .then(BindeoServer.token("B", "R2"));
    apiScript().forever(request -> apiOk());

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
