/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.learnamp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oauthkit.core.AccessToken;
import dev.oauthkit.core.TokenRequestException;
import dev.oauthkit.testing.Canaries;
import dev.oauthkit.testing.Script;
import dev.oauthkit.testing.TestClock;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A full Learn Amp flow with canary secrets, logged as the README recommends ({@code
 * HttpLoggingInterceptor} at BODY level with {@code Authorization} redacted): no canary may appear
 * in the log, the token events, an exception or a {@code toString()}.
 */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class LearnAmpSecretHygieneTest {
  private static final String CLIENT_SECRET = "CANARY-learnamp-secret+/=&%cd";
  private static final String ACCESS_1 = "CANARY-learnamp-access-1-6b2a";
  private static final String ACCESS_2 = "CANARY-learnamp-access-2-90e4";

  private final MockWebServer server = new MockWebServer();
  private final Script token = new Script();
  private final Script api = new Script();
  private final TestClock clock = new TestClock();
  private final Canaries canaries = new Canaries(CLIENT_SECRET, ACCESS_1, ACCESS_2);

  @BeforeEach
  void setUp() throws IOException {
    server.setDispatcher(Script.route("/oauth/token", token, api));
    server.start();
  }

  @AfterEach
  void tearDown() throws IOException {
    server.shutdown();
  }

  @Test
  void noCanaryLeaks() throws Exception {
    LearnAmp learnAmp =
        LearnAmp.builder()
            .clientId(Fixtures.CLIENT_ID)
            .clientSecret(CLIENT_SECRET)
            .scope("users:read")
            .baseUrl(server.url("/"))
            .client(canaries.loggingClient())
            .tokenListener(canaries.listener)
            .clock(clock)
            .build();
    String user = Fixtures.read("user.json");
    token
        .then(Fixtures.token(ACCESS_1))
        .then(Fixtures.token(ACCESS_2))
        .then(
            Fixtures.json(
                401,
                // A server that echoes the request it refuses.
                "{\"error\":\"invalid_client\",\"error_description\":\"unknown client with"
                    + " client_secret="
                    + CLIENT_SECRET
                    + " ("
                    + Canaries.formUrlEncode(CLIENT_SECRET)
                    + ")\"}"));
    api.then(Fixtures.json(200, user))
        .then(Fixtures.json(401, "{\"error\":\"Unauthorized\"}")) // Renewed: ACCESS_2.
        .then(Fixtures.json(200, user))
        .then(Fixtures.json(404, "{\"error\":\"Not found\"}"))
        .then(Fixtures.json(401, "{\"error\":\"Unauthorized\"}")); // The client was revoked.

    learnAmp.execute(learnAmp.api().user(1));
    AccessToken first = learnAmp.tokens().token();
    learnAmp.execute(learnAmp.api().user(1));
    AccessToken second = learnAmp.tokens().token();
    LearnAmpException apiError =
        canaries.expect(LearnAmpException.class, () -> learnAmp.execute(learnAmp.api().user(2)));
    TokenRequestException revoked =
        canaries.expect(
            TokenRequestException.class, () -> learnAmp.execute(learnAmp.api().user(1)));

    assertThat(first.value()).isEqualTo(ACCESS_1);
    assertThat(second.value()).isEqualTo(ACCESS_2);
    assertThat(apiError.code()).isEqualTo(404);
    assertThat(revoked.error()).isEqualTo("invalid_client");
    assertThat(token.count()).isEqualTo(3);
    assertThat(api.count()).isEqualTo(5);
    // The canaries did travel: to the token endpoint, and to the API as bearer tokens.
    assertThat(token.requests().get(0).getBody().readUtf8()).contains(CLIENT_SECRET);
    assertThat(api.authorizations())
        .containsExactly(
            "Bearer " + ACCESS_1,
            "Bearer " + ACCESS_1,
            "Bearer " + ACCESS_2,
            "Bearer " + ACCESS_2,
            "Bearer " + ACCESS_2);

    canaries.addText(learnAmp, learnAmp.tokens(), first, second, apiError, revoked);
    canaries.assertNoneLeaked();
  }
}
