/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.learnamp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oauthkit.core.TokenManager;
import dev.oauthkit.testing.ProviderFaultMatrixTest;
import java.io.IOException;
import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.MockResponse;

/** The fault matrix through {@link LearnAmp}: its answers to {@link ProviderFaultMatrixTest}. */
class LearnAmpFaultMatrixTest extends ProviderFaultMatrixTest {
  private LearnAmp learnAmp;

  LearnAmpFaultMatrixTest() {
    super("learnamp", "/oauth/token");
  }

  @Override
  protected void build(OkHttpClient client) {
    learnAmp =
        Fixtures.learnAmp(server(), clock()).client(client).tokenListener(listener()).build();
  }

  @Override
  protected void call() throws IOException {
    assertThat(learnAmp.execute(learnAmp.api().user(1)).id).isEqualTo(1L);
  }

  @Override
  protected TokenManager tokens() {
    return learnAmp.tokens();
  }

  @Override
  protected MockResponse token(String accessToken) {
    return Fixtures.token(accessToken);
  }

  @Override
  protected MockResponse tokenJson(String json) {
    return Fixtures.json(200, json);
  }

  @Override
  protected MockResponse apiOk() {
    return Fixtures.json(200, Fixtures.read("user.json"));
  }

  @Override
  protected MockResponse apiTokenRefused() {
    return Fixtures.json(401, "{\"error\":\"Unauthorized\"}");
  }

  @Override
  protected MockResponse apiForbidden() {
    return Fixtures.json(403, "{\"error\":\"You are not authorized to access this page.\"}");
  }

  @Override
  protected MockResponse invalidClient() {
    return Fixtures.json(
        401,
        "{\"error\":\"invalid_client\",\"error_description\":\"Client authentication failed due"
            + " to unknown client.\"}");
  }

  @Override
  protected long tokenLifetimeSeconds() {
    return 7200;
  }

  @Override
  protected String apiExceptionName() {
    return "LearnAmpException";
  }
}
