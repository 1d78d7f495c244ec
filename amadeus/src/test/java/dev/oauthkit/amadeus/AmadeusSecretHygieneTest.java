/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.amadeus;

import dev.oauthkit.core.TokenListener;
import dev.oauthkit.core.TokenManager;
import dev.oauthkit.testing.ProviderSecretHygieneTest;
import java.io.IOException;
import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.MockResponse;

/** Secret hygiene through {@link Amadeus}: its answers to {@link ProviderSecretHygieneTest}. */
class AmadeusSecretHygieneTest extends ProviderSecretHygieneTest {
  private Amadeus amadeus;

  AmadeusSecretHygieneTest() {
    super("/" + AmadeusAuth.TOKEN_PATH, "CANARY-amadeus");
  }

  @Override
  protected void build(String clientSecret, OkHttpClient client, TokenListener listener) {
    amadeus =
        Fixtures.amadeus(server(), clock())
            .clientSecret(clientSecret)
            .client(client)
            .tokenListener(listener)
            .build();
  }

  @Override
  protected void call() throws IOException {
    amadeus.execute(amadeus.api().airlines("BA"));
  }

  @Override
  protected void failingCall() throws IOException {
    amadeus.execute(amadeus.api().airlines(""));
  }

  @Override
  protected Object client() {
    return amadeus;
  }

  @Override
  protected TokenManager tokens() {
    return amadeus.tokens();
  }

  @Override
  protected MockResponse token(String accessToken) {
    return Fixtures.token(accessToken);
  }

  @Override
  protected MockResponse invalidClientEchoing(String echo) {
    return Fixtures.response(
        401,
        "application/json",
        "{\"error\":\"invalid_client\",\"error_description\":\"Client credentials are invalid: "
            + echo
            + "\",\"code\":38187}");
  }

  @Override
  protected MockResponse apiOk() {
    return Fixtures.amadeus(200, Fixtures.read("airlines.json"));
  }

  @Override
  protected MockResponse apiTokenRefused() {
    return Fixtures.amadeus(
        401, "{\"errors\":[{\"code\":38192,\"title\":\"Access token expired\",\"status\":401}]}");
  }

  @Override
  protected MockResponse apiError() {
    return Fixtures.amadeus(
        400, "{\"errors\":[{\"status\":400,\"code\":477,\"title\":\"INVALID FORMAT\"}]}");
  }
}
