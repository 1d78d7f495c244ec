/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.bindeo;

import static dev.oauthkit.bindeo.BindeoServer.CLIENT_ID;
import static dev.oauthkit.bindeo.BindeoServer.CLIENT_SECRET;
import static dev.oauthkit.bindeo.BindeoServer.PASSWORD;
import static dev.oauthkit.bindeo.BindeoServer.USERNAME;
import static dev.oauthkit.bindeo.BindeoServer.body;
import static dev.oauthkit.bindeo.BindeoServer.take;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.oauthkit.core.SignInRequiredException;
import dev.oauthkit.core.TokenRequestException;
import dev.oauthkit.core.TokenStore;
import dev.oauthkit.testing.TestClock;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The token requests Bindeo gets for each grant, and how refusals are handled. */
class BindeoAuthTest {
  private final TestClock clock = new TestClock();
  @AutoClose private final MockWebServer server = new MockWebServer();

  @Test
  void clientCredentialsGrantIsJsonWithCredentialsInTheBodyOnly() throws Exception {
    server.enqueue(BindeoServer.token("access-1"));
    Bindeo bindeo = BindeoServer.builder(server, clock).build();

    assertThat(bindeo.tokens().token().value()).isEqualTo("access-1");

    RecordedRequest request = take(server);
    assertThat(request.getMethod()).isEqualTo("POST");
    assertThat(request.getPath()).isEqualTo("/access_token");
    assertThat(request.getHeader("Content-Type")).isEqualTo("application/json; charset=utf-8");
    assertThat(request.getHeader("Authorization")).isNull();
    assertThat(body(request))
        .isEqualTo(
            "{\"grant_type\":\"client_credentials\",\"client_id\":\""
                + CLIENT_ID
                + "\",\"client_secret\":\""
                + CLIENT_SECRET
                + "\"}");
  }

  @Test
  void passwordGrantSendsUsernameAndPassword() throws Exception {
    server.enqueue(BindeoServer.token("access-1", "refresh-1"));
    Bindeo bindeo = BindeoServer.builder(server, clock).password(USERNAME, PASSWORD).build();

    assertThat(bindeo.tokens().token().refreshToken()).isEqualTo("refresh-1");

    RecordedRequest request = take(server);
    assertThat(request.getPath()).isEqualTo("/access_token");
    assertThat(request.getRequestUrl().query()).isNull();
    assertThat(request.getHeader("Authorization")).isNull();
    assertThat(body(request))
        .isEqualTo(
            "{\"grant_type\":\"password\",\"client_id\":\""
                + CLIENT_ID
                + "\",\"client_secret\":\""
                + CLIENT_SECRET
                + "\",\"username\":\""
                + USERNAME
                + "\",\"password\":\""
                + PASSWORD
                + "\"}");
  }

  @Test
  void renewalUsesTheRefreshTokenAndKeepsTheRotatedOne() throws Exception {
    server.enqueue(BindeoServer.token("access-1", "refresh-1"));
    server.enqueue(BindeoServer.token("access-2", "refresh-2"));
    server.enqueue(BindeoServer.token("access-3", "refresh-3"));
    Bindeo bindeo = BindeoServer.builder(server, clock).password(USERNAME, PASSWORD).build();

    bindeo.tokens().token();
    clock.advance(1, TimeUnit.HOURS);
    assertThat(bindeo.tokens().token().value()).isEqualTo("access-2");
    clock.advance(1, TimeUnit.HOURS);
    assertThat(bindeo.tokens().token().value()).isEqualTo("access-3");

    take(server);
    assertThat(body(take(server)))
        .isEqualTo(
            "{\"grant_type\":\"refresh_token\",\"client_id\":\""
                + CLIENT_ID
                + "\",\"client_secret\":\""
                + CLIENT_SECRET
                + "\",\"refresh_token\":\"refresh-1\"}");
    assertThat(body(take(server))).contains("\"refresh_token\":\"refresh-2\"");
  }

  @Test
  void refusedRefreshTokenFallsBackToThePasswordGrantOnce() throws Exception {
    server.enqueue(BindeoServer.token("access-1", "refresh-1"));
    server.enqueue(BindeoServer.refreshTokenInvalid("Token has expired"));
    server.enqueue(BindeoServer.token("access-2", "refresh-2"));
    Bindeo bindeo = BindeoServer.builder(server, clock).password(USERNAME, PASSWORD).build();

    bindeo.tokens().token();
    clock.advance(1, TimeUnit.HOURS);
    assertThat(bindeo.tokens().token().value()).isEqualTo("access-2");

    take(server);
    assertThat(body(take(server))).contains("\"grant_type\":\"refresh_token\"");
    assertThat(body(take(server))).contains("\"grant_type\":\"password\"");
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  @Test
  void wrongPasswordAfterRefusedRefreshMeansSignInAgain() throws Exception {
    server.enqueue(BindeoServer.token("access-1", "refresh-1"));
    server.enqueue(BindeoServer.refreshTokenInvalid("Token has been revoked"));
    server.enqueue(BindeoServer.invalidCredentials());
    Bindeo bindeo = BindeoServer.builder(server, clock).password(USERNAME, PASSWORD).build();
    bindeo.tokens().token();
    clock.advance(1, TimeUnit.HOURS);

    TokenRequestException e =
        catchThrowableOfType(TokenRequestException.class, () -> bindeo.tokens().token());

    assertThat(e.code()).isEqualTo(401);
    assertThat(e.error()).isEqualTo("invalid_credentials");
    assertThat(e.errorDescription()).isEqualTo("The user credentials were incorrect.");
    assertThat(Bindeo.isSignInRequired(e)).isTrue();
    assertThat(server.getRequestCount()).isEqualTo(3); // Not retried.
    assertThat(e.getMessage()).doesNotContain(PASSWORD).doesNotContain(CLIENT_SECRET);
  }

  @Test
  void wrongPasswordOnSignInIsTypedAndNotRetried() throws Exception {
    server.enqueue(BindeoServer.invalidCredentials());
    Bindeo bindeo = BindeoServer.builder(server, clock).build();

    TokenRequestException e =
        catchThrowableOfType(TokenRequestException.class, () -> bindeo.signIn(USERNAME, PASSWORD));

    assertThat(e.error()).isEqualTo("invalid_credentials");
    assertThat(Bindeo.isSignInRequired(e)).isTrue();
    assertThat(e).isNotInstanceOf(SignInRequiredException.class);
    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(e.getMessage()).doesNotContain(PASSWORD).doesNotContain(CLIENT_SECRET);
  }

  @Test
  void wrongClientCredentialsAreAConfigurationError() throws Exception {
    server.enqueue(
        BindeoServer.json(
            401, "{\"error\":\"invalid_client\",\"message\":\"Client authentication failed\"}"));
    Bindeo bindeo = BindeoServer.builder(server, clock).build();

    TokenRequestException e =
        catchThrowableOfType(TokenRequestException.class, () -> bindeo.tokens().token());

    assertThat(e.error()).isEqualTo("invalid_client");
    assertThat(e.errorDescription()).isEqualTo("Client authentication failed");
    assertThat(Bindeo.isSignInRequired(e)).isFalse();
    assertThat(e.getMessage()).doesNotContain(CLIENT_SECRET);
  }

  @Test
  void signInSendsThePasswordOnceThenRenewsWithRefreshTokensOnly() throws Exception {
    server.enqueue(BindeoServer.token("access-1", "refresh-1"));
    server.enqueue(BindeoServer.token("access-2", "refresh-2"));
    Bindeo bindeo = BindeoServer.builder(server, clock).build();

    Bindeo user = bindeo.signIn(USERNAME, PASSWORD);
    assertThat(user.tokens().token().value()).isEqualTo("access-1"); // No second request.
    clock.advance(1, TimeUnit.HOURS);
    assertThat(user.tokens().token().value()).isEqualTo("access-2");

    assertThat(body(take(server))).contains("\"grant_type\":\"password\"");
    String refresh = body(take(server));
    assertThat(refresh).contains("\"refresh_token\":\"refresh-1\"").doesNotContain(PASSWORD);
    assertThat(server.getRequestCount()).isEqualTo(2);
    assertThat(user.tokens().grant().type()).isEqualTo("refresh_token");
    assertThat(user.toString()).doesNotContain("refresh-1").doesNotContain(PASSWORD);
  }

  @Test
  void refusedRefreshTokenWithoutPasswordRequiresSignIn() throws Exception {
    server.enqueue(BindeoServer.token("access-1", "refresh-1"));
    server.enqueue(BindeoServer.refreshTokenInvalid("Token has expired"));
    Bindeo bindeo = BindeoServer.builder(server, clock).build();
    Bindeo user = bindeo.signIn(USERNAME, PASSWORD);
    clock.advance(1, TimeUnit.HOURS);

    SignInRequiredException e =
        catchThrowableOfType(SignInRequiredException.class, () -> user.tokens().token());

    assertThat(Bindeo.isSignInRequired(e)).isTrue();
    assertThat(e.code()).isEqualTo(400);
    assertThat(e.error()).isEqualTo("invalid_request");
    assertThat(server.getRequestCount()).isEqualTo(2); // No password grant: none is held.
    assertThat(bindeo.resumeSession(USERNAME))
        .isNull(); // The refused session is gone from the store.
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"error\":\"invalid_request\",\"message\":\"The refresh token is invalid.\"}",
        "{\"error\":\"invalid_request\",\"message\":\"The refresh token is invalid.\","
            + "\"hint\":\"Token has been revoked\"}",
        "{\"error\":\"invalid_request\",\"message\":\"The refresh token is invalid.\","
            + "\"hint\":\"Cannot parse refresh token: Syntax error\"}",
        "{\"error\":\"invalid_request\",\"hint\":\"Token has expired\"}",
        "{\"error\":\"invalid_grant\",\"message\":\"The provided authorization grant is invalid\"}"
      })
  void recognisesEveryRefusalOfTheRefreshToken(String refusal) throws Exception {
    server.enqueue(BindeoServer.json(400, refusal));
    Bindeo user =
        BindeoServer.builder(server, clock).refreshToken(USERNAME, "saved-refresh").build();

    SignInRequiredException e =
        catchThrowableOfType(SignInRequiredException.class, () -> user.tokens().token());

    assertThat(Bindeo.isSignInRequired(e)).isTrue();
    assertThat(body(take(server))).contains("\"refresh_token\":\"saved-refresh\"");
  }

  @Test
  void otherInvalidRequestIsNotARefusedRefreshToken() throws Exception {
    server.enqueue(
        BindeoServer.json(
            400,
            "{\"error\":\"invalid_request\",\"message\":\"The request is missing a required"
                + " parameter, includes an invalid parameter value, includes a parameter more than"
                + " once, or is otherwise malformed.\",\"hint\":\"Check the `client_id`"
                + " parameter\"}"));
    Bindeo user =
        BindeoServer.builder(server, clock).refreshToken(USERNAME, "saved-refresh").build();

    TokenRequestException e =
        catchThrowableOfType(TokenRequestException.class, () -> user.tokens().token());

    assertThat(e).isNotInstanceOf(SignInRequiredException.class);
    assertThat(e.error()).isEqualTo("invalid_request");
    assertThat(e.errorBody()).containsEntry("hint", "Check the `client_id` parameter");
    assertThat(Bindeo.isSignInRequired(e)).isFalse();
  }

  @Test
  void resumeSessionFindsTheStoredSessionWithoutAPassword() throws Exception {
    TokenStore store = TokenStore.inMemory();
    server.enqueue(BindeoServer.token("access-1", "refresh-1"));
    server.enqueue(BindeoServer.token("access-2", "refresh-2"));
    BindeoServer.builder(server, clock).tokenStore(store).build().signIn(USERNAME, PASSWORD);

    // A new process: the same store, no password.
    Bindeo restarted = BindeoServer.builder(server, clock).tokenStore(store).build();
    Bindeo user = restarted.resumeSession(USERNAME);

    assertThat(user).isNotNull();
    assertThat(user.tokens().token().value()).isEqualTo("access-1");
    assertThat(server.getRequestCount()).isEqualTo(1);
    clock.advance(1, TimeUnit.HOURS);
    assertThat(user.tokens().token().value()).isEqualTo("access-2");
    take(server);
    assertThat(body(take(server))).contains("\"refresh_token\":\"refresh-1\"");
    assertThat(store.get(user.tokens().storeKey()).refreshToken()).isEqualTo("refresh-2");
  }

  @Test
  void sessionsOfDifferentUsersNeverShareTokens() throws Exception {
    TokenStore store = TokenStore.inMemory();
    server.enqueue(BindeoServer.token("access-ana", "refresh-ana"));
    server.enqueue(BindeoServer.token("access-bo", "refresh-bo"));
    Bindeo base = BindeoServer.builder(server, clock).tokenStore(store).build();

    Bindeo ana = base.signIn(USERNAME, PASSWORD);
    Bindeo bo = base.signIn("bo@example.com", "bo-password");

    assertThat(ana.tokens().storeKey()).isNotEqualTo(bo.tokens().storeKey());
    assertThat(ana.tokens().token().value()).isEqualTo("access-ana");
    assertThat(bo.tokens().token().value()).isEqualTo("access-bo");
    assertThat(base.resumeSession(USERNAME).tokens().token().value()).isEqualTo("access-ana");
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void resumeSessionIsNullWithoutASession() throws Exception {
    Bindeo bindeo = BindeoServer.builder(server, clock).build();

    assertThat(bindeo.resumeSession(USERNAME)).isNull();
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void savedRefreshTokenPrefersTheNewerOneInTheStore() throws Exception {
    TokenStore store = TokenStore.inMemory();
    server.enqueue(BindeoServer.token("access-1", "refresh-1"));
    server.enqueue(BindeoServer.token("access-2", "refresh-2"));
    server.enqueue(BindeoServer.token("access-3", "refresh-3"));
    Bindeo user =
        BindeoServer.builder(server, clock).tokenStore(store).build().signIn(USERNAME, PASSWORD);
    clock.advance(1, TimeUnit.HOURS);
    user.tokens().token(); // Rotates refresh-1 to refresh-2.

    Bindeo restarted =
        BindeoServer.builder(server, clock)
            .tokenStore(store)
            .refreshToken(USERNAME, "refresh-1")
            .build();
    clock.advance(1, TimeUnit.HOURS);
    assertThat(restarted.tokens().token().value()).isEqualTo("access-3");

    take(server);
    take(server);
    assertThat(body(take(server))).contains("\"refresh_token\":\"refresh-2\"");
  }

  @Test
  void signInReplacesAnEarlierSession() throws Exception {
    TokenStore store = TokenStore.inMemory();
    server.enqueue(BindeoServer.token("access-ana", "refresh-ana"));
    server.enqueue(BindeoServer.token("access-bo", "refresh-bo"));
    Bindeo bindeo = BindeoServer.builder(server, clock).tokenStore(store).build();
    bindeo.signIn(USERNAME, PASSWORD);

    Bindeo bo = bindeo.signIn("bo@example.com", "another-password");

    assertThat(bo.tokens().token().value()).isEqualTo("access-bo");
    take(server);
    assertThat(body(take(server)))
        .contains("\"grant_type\":\"password\"")
        .contains("\"username\":\"bo@example.com\"");
  }

  @Test
  void nonJsonServerErrorIsRetriedThenTyped() throws Exception {
    MockResponse crash =
        new MockResponse()
            .setResponseCode(500)
            .setHeader("Content-Type", "text/html")
            .setBody("<html>PDOException: SQLSTATE[HY000] [2002] Connection refused</html>");
    server.enqueue(crash);
    server.enqueue(crash);
    server.enqueue(crash);
    Bindeo bindeo = BindeoServer.builder(server, clock).build();

    TokenRequestException e =
        catchThrowableOfType(TokenRequestException.class, () -> bindeo.tokens().token());

    assertThat(e.code()).isEqualTo(500);
    assertThat(e.isTransient()).isTrue();
    assertThat(e.error()).isNull();
    assertThat(e.bodyExcerpt()).contains("PDOException");
    assertThat(server.getRequestCount()).isEqualTo(3);
    assertThat(clock.sleeps).hasSize(2);
    assertThat(Bindeo.isSignInRequired(e)).isFalse();
  }

  @Test
  void signInWithoutRefreshTokenFails() throws Exception {
    server.enqueue(BindeoServer.token("access-1"));
    Bindeo bindeo = BindeoServer.builder(server, clock).build();

    IOException e =
        catchThrowableOfType(IOException.class, () -> bindeo.signIn(USERNAME, PASSWORD));

    assertThat(e).hasMessageContaining("no refresh token");
    assertThat(bindeo.resumeSession(USERNAME)).isNull();
  }
}
