/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.amadeus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oauthkit.core.TokenManager;
import dev.oauthkit.testing.ProviderFaultMatrixTest;
import java.io.IOException;
import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.MockResponse;

/** The fault matrix through {@link Amadeus}: its answers to {@link ProviderFaultMatrixTest}. */
class AmadeusFaultMatrixTest extends ProviderFaultMatrixTest {
  private Amadeus amadeus;

  AmadeusFaultMatrixTest() {
    super("amadeus", "/" + AmadeusAuth.TOKEN_PATH);
  }

  @Override
  protected void build(OkHttpClient client) {
    amadeus = Fixtures.amadeus(server(), clock()).client(client).tokenListener(listener()).build();
  }

  @Override
  protected void call() throws IOException {
    assertThat(amadeus.execute(amadeus.api().airlines("BA")).data).isNotEmpty();
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
  protected MockResponse tokenJson(String json) {
    return Fixtures.response(200, "application/json", json);
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
  protected MockResponse apiForbidden() {
    return Fixtures.amadeus(
        403, "{\"errors\":[{\"status\":403,\"code\":38197,\"title\":\"Forbidden\"}]}");
  }

  @Override
  protected MockResponse invalidClient() {
    return Fixtures.response(
        401, "application/json", Fixtures.read("token-error-invalid-client.json"));
  }

  @Override
  protected long tokenLifetimeSeconds() {
    return 1799;
  }

  @Override
  protected String apiExceptionName() {
    return "AmadeusException";
  }
}
