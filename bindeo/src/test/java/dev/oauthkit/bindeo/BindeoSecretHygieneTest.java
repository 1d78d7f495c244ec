/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.bindeo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oauthkit.core.SignInRequiredException;
import dev.oauthkit.core.TokenRequestException;
import dev.oauthkit.testing.Canaries;
import dev.oauthkit.testing.Script;
import dev.oauthkit.testing.ScriptedServer;
import dev.oauthkit.testing.TestClock;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A full Bindeo flow with a canary client secret, password, access and refresh tokens, logged as
 * the README recommends ({@code HttpLoggingInterceptor} at BODY level with {@code Authorization}
 * redacted): client credentials, a sign-in, a 401 renewal with the refresh token, an API error, a
 * revoked client, a refused refresh token with and without the password to fall back on. No canary
 * may appear in the log, the token events, an exception or a {@code toString()}.
 */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class BindeoSecretHygieneTest {
  private static final String CLIENT_SECRET = "CANARY-bindeo-secret+/=&%ef";
  private static final String PASSWORD = "CANARY-bindeo-password+/=&%42";
  private static final String CLIENT_ACCESS = "CANARY-bindeo-client-access-01";
  private static final String USER_ACCESS_1 = "CANARY-bindeo-user-access-11";
  private static final String USER_REFRESH_1 = "CANARY-bindeo-user-refresh-12";
  private static final String USER_ACCESS_2 = "CANARY-bindeo-user-access-21";
  private static final String USER_REFRESH_2 = "CANARY-bindeo-user-refresh-22";
  private static final String KEEPER_ACCESS_1 = "CANARY-bindeo-keeper-access-31";
  private static final String KEEPER_REFRESH_1 = "CANARY-bindeo-keeper-refresh-32";
  private static final String KEEPER_REFRESH_2 = "CANARY-bindeo-keeper-refresh-42";
  private static final String KEEPER_ACCESS_2 = "CANARY-bindeo-keeper-access-41";

  @AutoClose private final ScriptedServer scripted = new ScriptedServer("/access_token");
  private final MockWebServer server = scripted.server;
  private final Script token = scripted.token;
  private final Script api = scripted.api;
  private final TestClock clock = new TestClock();
  private final Canaries canaries =
      new Canaries(
          CLIENT_SECRET,
          PASSWORD,
          CLIENT_ACCESS,
          USER_ACCESS_1,
          USER_REFRESH_1,
          USER_ACCESS_2,
          USER_REFRESH_2,
          KEEPER_ACCESS_1,
          KEEPER_REFRESH_1,
          KEEPER_REFRESH_2,
          KEEPER_ACCESS_2);

  private Bindeo.Builder builder() {
    return BindeoServer.builder(server, clock)
        .clientSecret(CLIENT_SECRET)
        .client(canaries.loggingClient())
        .tokenListener(canaries.listener);
  }

  /** A refused refresh token, with a hint that echoes it, as a careless server might. */
  private static MockResponse refreshTokenRefused(String refreshToken) {
    return BindeoServer.refreshTokenInvalid("Cannot decrypt the refresh token " + refreshToken);
  }

  private static MockResponse types() throws IOException {
    return BindeoServer.fixture("account-types.json");
  }

  @Test
  void noCanaryLeaks() throws Exception {
    token
        .then(BindeoServer.token(CLIENT_ACCESS))
        .then(BindeoServer.token(USER_ACCESS_1, USER_REFRESH_1))
        .then(BindeoServer.token(USER_ACCESS_2, USER_REFRESH_2))
        .then(
            BindeoServer.json(
                401,
                "{\"error\":\"invalid_client\",\"message\":\"Client authentication failed for "
                    + CLIENT_SECRET
                    + "\"}"))
        .then(refreshTokenRefused(USER_REFRESH_2))
        .then(BindeoServer.token(KEEPER_ACCESS_1, KEEPER_REFRESH_1))
        .then(refreshTokenRefused(KEEPER_REFRESH_1))
        .then(BindeoServer.token(KEEPER_ACCESS_2, KEEPER_REFRESH_2));
    api.then(request -> types())
        .then(request -> types())
        .then(BindeoServer.accessDenied()) // Renewed with the refresh token.
        .then(request -> types())
        .then(BindeoServer.json(404, "{\"error\":{\"code\":404,\"message\":\"Not found\"}}"))
        .then(BindeoServer.accessDenied()) // The client was revoked meanwhile.
        .then(request -> types())
        .then(request -> types());

    Bindeo.Builder appBuilder = builder();
    Bindeo app = appBuilder.build();
    app.execute(app.api().accountTypes("en_US"));
    Bindeo user = app.signIn(BindeoServer.USERNAME, PASSWORD);
    user.execute(user.api().accountTypes("en_US"));
    user.execute(user.api().accountTypes("en_US"));
    BindeoException apiError =
        canaries.expect(BindeoException.class, () -> user.execute(user.api().identities()));
    TokenRequestException revoked =
        canaries.expect(
            TokenRequestException.class, () -> app.execute(app.api().accountTypes("en_US")));
    clock.advance(1, TimeUnit.HOURS);
    SignInRequiredException signIn =
        canaries.expect(
            SignInRequiredException.class, () -> user.execute(user.api().accountTypes("en_US")));
    Bindeo.Builder keeperBuilder = builder().password(BindeoServer.USERNAME, PASSWORD);
    Bindeo keeper = keeperBuilder.build();
    keeper.execute(keeper.api().accountTypes("en_US"));
    clock.advance(1, TimeUnit.HOURS);
    keeper.execute(keeper.api().accountTypes("en_US")); // Refresh refused: password grant.

    assertThat(apiError.code()).isEqualTo(404);
    assertThat(revoked.error()).isEqualTo("invalid_client");
    assertThat(Bindeo.isSignInRequired(signIn)).isTrue();
    assertThat(token.count()).isEqualTo(8);
    assertThat(api.count()).isEqualTo(8);
    // The canaries did travel: to the token endpoint, and to the API as bearer tokens.
    assertThat(token.requests().get(0).getBody().readUtf8()).contains(CLIENT_SECRET);
    assertThat(token.requests().get(1).getBody().readUtf8()).contains(PASSWORD);
    assertThat(token.requests().get(2).getBody().readUtf8()).contains(USER_REFRESH_1);
    assertThat(api.authorizations())
        .containsExactly(
            "Bearer " + CLIENT_ACCESS,
            "Bearer " + USER_ACCESS_1,
            "Bearer " + USER_ACCESS_1,
            "Bearer " + USER_ACCESS_2,
            "Bearer " + USER_ACCESS_2,
            "Bearer " + CLIENT_ACCESS,
            "Bearer " + KEEPER_ACCESS_1,
            "Bearer " + KEEPER_ACCESS_2);

    canaries.addText(app, user, keeper, appBuilder, keeperBuilder);
    canaries.addText(app.tokens(), user.tokens(), keeper.tokens(), keeper.tokens().token());
    canaries.addText(apiError, revoked, signIn);
    canaries.assertNoneLeaked();
  }
}
