/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.bindeo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oauthkit.core.TokenManager;
import dev.oauthkit.testing.ClientSetup;
import dev.oauthkit.testing.ProviderFixture;
import java.io.IOException;
import okhttp3.mockwebserver.MockResponse;

/** Bindeo for the tests every provider shares: the account types and Bindeo's answers. */
final class BindeoFixture implements ProviderFixture {
  /** The client under test; a test may replace it, as with a signed-in user's. */
  Bindeo bindeo;

  @Override
  public String tokenPath() {
    return "/access_token";
  }

  @Override
  public void build(ClientSetup setup) {
    bindeo = setup.configure(Bindeo.builder()).build();
  }

  @Override
  public Object client() {
    return bindeo;
  }

  @Override
  public TokenManager tokens() {
    return bindeo.tokens();
  }

  @Override
  public void call() throws IOException {
    assertThat(bindeo.execute(bindeo.api().accountTypes("en_US")).data).isNotEmpty();
  }

  @Override
  public long tokenLifetimeSeconds() {
    return 3600;
  }

  @Override
  public String apiExceptionName() {
    return "BindeoException";
  }

  @Override
  public MockResponse token(String accessToken) {
    return BindeoServer.token(accessToken);
  }

  @Override
  public MockResponse tokenJson(String json) {
    return BindeoServer.json(200, json);
  }

  @Override
  public MockResponse invalidClient(String echo) {
    return BindeoServer.json(
        401,
        "{\"error\":\"invalid_client\",\"message\":\"Client authentication failed: "
            + echo
            + "\"}");
  }

  @Override
  public MockResponse apiOk() {
    return BindeoServer.fixture("account-types.json");
  }

  @Override
  public MockResponse apiTokenRefused() {
    return BindeoServer.accessDenied();
  }

  @Override
  public MockResponse apiForbidden() {
    return BindeoServer.json(403, "{\"error\":{\"code\":403,\"message\":\"Storage space full\"}}");
  }
}
