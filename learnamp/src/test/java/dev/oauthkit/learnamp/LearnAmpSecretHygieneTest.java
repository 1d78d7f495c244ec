/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.learnamp;

import dev.oauthkit.core.TokenListener;
import dev.oauthkit.core.TokenManager;
import dev.oauthkit.testing.ProviderSecretHygieneTest;
import java.io.IOException;
import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.MockResponse;

/** Secret hygiene through {@link LearnAmp}: its answers to {@link ProviderSecretHygieneTest}. */
class LearnAmpSecretHygieneTest extends ProviderSecretHygieneTest {
  private LearnAmp learnAmp;

  LearnAmpSecretHygieneTest() {
    super("/oauth/token", "CANARY-learnamp");
  }

  @Override
  protected void build(String clientSecret, OkHttpClient client, TokenListener listener) {
    learnAmp =
        Fixtures.learnAmp(server(), clock())
            .clientSecret(clientSecret)
            .scope("users:read")
            .client(client)
            .tokenListener(listener)
            .build();
  }

  @Override
  protected void call() throws IOException {
    learnAmp.execute(learnAmp.api().user(1));
  }

  @Override
  protected void failingCall() throws IOException {
    learnAmp.execute(learnAmp.api().user(2));
  }

  @Override
  protected Object client() {
    return learnAmp;
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
  protected MockResponse invalidClientEchoing(String echo) {
    return Fixtures.json(
        401,
        "{\"error\":\"invalid_client\",\"error_description\":\"unknown client: " + echo + "\"}");
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
  protected MockResponse apiError() {
    return Fixtures.json(404, "{\"error\":\"Not found\"}");
  }
}
