/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.learnamp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oauthkit.core.TokenManager;
import dev.oauthkit.testing.ClientSetup;
import dev.oauthkit.testing.ProviderFixture;
import java.io.IOException;
import okhttp3.mockwebserver.MockResponse;

/** Learn Amp for the tests every provider shares: a user lookup and Learn Amp's answers. */
final class LearnAmpFixture implements ProviderFixture {
  private LearnAmp learnAmp;

  @Override
  public String tokenPath() {
    return "/oauth/token";
  }

  @Override
  public void build(ClientSetup setup) {
    learnAmp = setup.configure(LearnAmp.builder()).scope("users:read").build();
  }

  @Override
  public Object client() {
    return learnAmp;
  }

  @Override
  public TokenManager tokens() {
    return learnAmp.tokens();
  }

  @Override
  public void call() throws IOException {
    assertThat(learnAmp.execute(learnAmp.api().user(1)).id).isEqualTo(1L);
  }

  @Override
  public long tokenLifetimeSeconds() {
    return 7200;
  }

  @Override
  public String apiExceptionName() {
    return "LearnAmpException";
  }

  @Override
  public MockResponse token(String accessToken) {
    return Fixtures.token(accessToken);
  }

  @Override
  public MockResponse tokenJson(String json) {
    return Fixtures.json(200, json);
  }

  @Override
  public MockResponse invalidClient(String echo) {
    return Fixtures.json(
        401,
        "{\"error\":\"invalid_client\",\"error_description\":\"Client authentication failed: "
            + echo
            + "\"}");
  }

  @Override
  public MockResponse apiOk() {
    return Fixtures.json(200, Fixtures.read("user.json"));
  }

  @Override
  public MockResponse apiTokenRefused() {
    return Fixtures.json(401, "{\"error\":\"Unauthorized\"}");
  }

  @Override
  public MockResponse apiForbidden() {
    return Fixtures.json(403, "{\"error\":\"You are not authorized to access this page.\"}");
  }
}
