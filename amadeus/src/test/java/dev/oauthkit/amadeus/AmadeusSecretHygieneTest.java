/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.amadeus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oauthkit.core.AccessToken;
import dev.oauthkit.core.TokenRequestException;
import dev.oauthkit.testing.Canaries;
import dev.oauthkit.testing.Script;
import dev.oauthkit.testing.TestClock;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A full Amadeus flow with canary secrets, logged as the README recommends ({@code
 * HttpLoggingInterceptor} at BODY level with {@code Authorization} redacted): no canary may appear
 * in the log, the token events, an exception or a {@code toString()}.
 */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class AmadeusSecretHygieneTest {
  private static final String CLIENT_SECRET = "CANARY-amadeus-secret+/=&%ab";
  private static final String ACCESS_1 = "CANARY-amadeus-access-1-d0c5";
  private static final String ACCESS_2 = "CANARY-amadeus-access-2-1f9e";
  private static final String TOKEN_EXPIRED =
      "{\"errors\":[{\"code\":38192,\"title\":\"Access token expired\",\"status\":401}]}";

  private final MockWebServer server = new MockWebServer();
  private final Script token = new Script();
  private final Script api = new Script();
  private final TestClock clock = new TestClock();
  private final Canaries canaries = new Canaries(CLIENT_SECRET, ACCESS_1, ACCESS_2);

  @BeforeEach
  void setUp() throws IOException {
    server.setDispatcher(Script.route("/" + AmadeusAuth.TOKEN_PATH, token, api));
    server.start();
  }

  @AfterEach
  void tearDown() throws IOException {
    server.shutdown();
  }

  private static MockResponse token(String accessToken) throws IOException {
    return Fixtures.token(accessToken);
  }

  @Test
  void noCanaryLeaks() throws Exception {
    Amadeus amadeus =
        Amadeus.builder()
            .clientId(Fixtures.CLIENT_ID)
            .clientSecret(CLIENT_SECRET)
            .baseUrl(server.url("/"))
            .client(canaries.loggingClient())
            .tokenListener(canaries.listener)
            .clock(clock)
            .build();
    String airlines = Fixtures.read("airlines.json");
    token
        .then(token(ACCESS_1))
        .then(token(ACCESS_2))
        .then(
            Fixtures.response(
                401,
                "application/json",
                // A server that echoes the request it refuses.
                "{\"error\":\"invalid_client\",\"error_description\":\"Client credentials are"
                    + " invalid: client_secret="
                    + CLIENT_SECRET
                    + " ("
                    + Canaries.formUrlEncode(CLIENT_SECRET)
                    + ")\",\"code\":38187}"));
    api.then(Fixtures.amadeus(200, airlines))
        .then(Fixtures.amadeus(401, TOKEN_EXPIRED)) // Renewed: ACCESS_2.
        .then(Fixtures.amadeus(200, airlines))
        .then(
            Fixtures.amadeus(
                400, "{\"errors\":[{\"status\":400,\"code\":477,\"title\":\"INVALID FORMAT\"}]}"))
        .then(Fixtures.amadeus(401, TOKEN_EXPIRED)); // The client was revoked meanwhile.

    amadeus.execute(amadeus.api().airlines("BA"));
    AccessToken first = amadeus.tokens().token();
    amadeus.execute(amadeus.api().airlines("BA"));
    AccessToken second = amadeus.tokens().token();
    AmadeusException apiError =
        canaries.expect(AmadeusException.class, () -> amadeus.execute(amadeus.api().airlines("")));
    TokenRequestException revoked =
        canaries.expect(
            TokenRequestException.class, () -> amadeus.execute(amadeus.api().airlines("BA")));

    assertThat(first.value()).isEqualTo(ACCESS_1);
    assertThat(second.value()).isEqualTo(ACCESS_2);
    assertThat(apiError.code()).isEqualTo(400);
    assertThat(revoked.error()).isEqualTo("invalid_client");
    assertThat(token.count()).isEqualTo(3);
    assertThat(api.count()).isEqualTo(5);
    // The canaries did travel: to the token endpoint, and to the API as bearer tokens.
    assertThat(token.requests().get(0).getBody().readUtf8())
        .contains(Canaries.formUrlEncode(CLIENT_SECRET));
    assertThat(api.authorizations())
        .containsExactly(
            "Bearer " + ACCESS_1,
            "Bearer " + ACCESS_1,
            "Bearer " + ACCESS_2,
            "Bearer " + ACCESS_2,
            "Bearer " + ACCESS_2);

    canaries.addText(amadeus, amadeus.tokens(), first, second, apiError, revoked);
    canaries.assertNoneLeaked();
  }
}
