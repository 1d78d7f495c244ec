/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.amadeus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oauthkit.core.TokenManager;
import dev.oauthkit.testing.ClientSetup;
import dev.oauthkit.testing.ProviderFixture;
import java.io.IOException;
import okhttp3.mockwebserver.MockResponse;

/** Amadeus for the tests every provider shares: an airline lookup and Amadeus's answers. */
final class AmadeusFixture implements ProviderFixture {
  private Amadeus amadeus;

  @Override
  public String tokenPath() {
    return "/" + AmadeusAuth.TOKEN_PATH;
  }

  @Override
  public void build(ClientSetup setup) {
    amadeus = setup.configure(Amadeus.builder()).build();
  }

  @Override
  public Object client() {
    return amadeus;
  }

  @Override
  public TokenManager tokens() {
    return amadeus.tokens();
  }

  @Override
  public void call() throws IOException {
    assertThat(amadeus.execute(amadeus.api().airlines("BA")).data).isNotEmpty();
  }

  @Override
  public long tokenLifetimeSeconds() {
    return 1799;
  }

  @Override
  public String apiExceptionName() {
    return "AmadeusException";
  }

  @Override
  public MockResponse token(String accessToken) {
    return Fixtures.token(accessToken);
  }

  @Override
  public MockResponse tokenJson(String json) {
    return Fixtures.response(200, "application/json", json);
  }

  @Override
  public MockResponse invalidClient(String echo) {
    return Fixtures.response(
        401,
        "application/json",
        "{\"error\":\"invalid_client\",\"error_description\":\"Client credentials are invalid: "
            + echo
            + "\",\"code\":38187,\"title\":\"Invalid parameters\"}");
  }

  @Override
  public MockResponse apiOk() {
    return Fixtures.amadeus(200, Fixtures.read("airlines.json"));
  }

  @Override
  public MockResponse apiTokenRefused() {
    return Fixtures.amadeus(
        401, "{\"errors\":[{\"code\":38192,\"title\":\"Access token expired\",\"status\":401}]}");
  }

  @Override
  public MockResponse apiForbidden() {
    return Fixtures.amadeus(
        403, "{\"errors\":[{\"status\":403,\"code\":38197,\"title\":\"Forbidden\"}]}");
  }
}
