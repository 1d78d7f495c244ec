/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.core;

import static dev.oauthkit.core.TestServer.json;
import static dev.oauthkit.core.TestServer.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Issue 12 item 5: refresh tokens at the edges. */
@Timeout(60)
final class RefreshTokenBoundariesTest {
  private final MockWebServer server = new MockWebServer();
  private final TestClock clock = new TestClock();
  private final TokenStore store = TokenStore.inMemory();
  private final ManualExecutor background = new ManualExecutor();

  @BeforeEach
  void setUp() throws IOException {
    server.start();
  }

  @AfterEach
  void tearDown() throws IOException {
    server.shutdown();
  }

  private TokenManager.Builder builder(Grant grant) {
    return new TokenManager.Builder(TestServer.endpoint(server).build(), grant)
        .addApiBaseUrl(server.url("/"))
        .clock(clock)
        .store(store)
        .refreshExecutor(background)
        .maxAttempts(3);
  }

  private String body() throws InterruptedException {
    return TestServer.take(server).getBody().readUtf8();
  }

  @Test
  void refreshTokenRefusedInTheBackgroundKeepsServingTheValidToken() throws Exception {
    TokenManager tokens = builder(Grant.refreshToken("r0")).storeKey("session").build();
    server.enqueue(token("A", 3600, "r1"));
    server.enqueue(json(400, "{\"error\":\"invalid_grant\"}"));

    assertThat(tokens.token().value()).isEqualTo("A");
    clock.advance(3600 - 100, TimeUnit.SECONDS); // Stale: renewed in the background.
    assertThat(tokens.token().value()).isEqualTo("A");
    assertThat(background.runAll()).isEqualTo(1);

    // Refused, but A is valid for another 70 seconds: the user is not signed out yet.
    assertThat(tokens.token().value()).isEqualTo("A");
    assertThat(store.get("session").value()).isEqualTo("A");

    clock.advance(71, TimeUnit.SECONDS); // Expired: now sign-in is required, r1 is not resent.
    assertThatThrownBy(tokens::token).isInstanceOf(SignInRequiredException.class);
    assertThat(server.getRequestCount()).isEqualTo(2);
    assertThat(store.get("session")).isNull();
  }

  @Test
  void secondBackgroundRenewalAfterARefusalStillKeepsServingTheValidToken() throws Exception {
    TokenManager tokens = builder(Grant.refreshToken("r0")).storeKey("session").build();
    server.enqueue(token("A", 3600, "r1"));
    server.enqueue(json(400, "{\"error\":\"invalid_grant\"}"));

    assertThat(tokens.token().value()).isEqualTo("A");
    clock.advance(3600 - 100, TimeUnit.SECONDS);
    assertThat(tokens.token().value()).isEqualTo("A");
    assertThat(background.runAll()).isEqualTo(1); // r1 refused.

    // After the backoff, another background renewal: it has no refresh token left to send, but A
    // is still valid for another 65 seconds, so it must not sign the user out either.
    clock.advance(5, TimeUnit.SECONDS);
    assertThat(tokens.token().value()).isEqualTo("A");
    background.runAll();
    assertThat(tokens.token().value()).isEqualTo("A");
    assertThat(store.get("session").value()).isEqualTo("A");
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void secondBackgroundRenewalAfterARefusalDoesNotFallBackWhileTheTokenIsValid() throws Exception {
    TokenManager tokens = builder(Grant.password("alice", "pw")).build();
    server.enqueue(token("A", 3600, "r1"));
    server.enqueue(json(400, "{\"error\":\"invalid_grant\"}"));
    server.enqueue(token("B", 3600, "r2"));

    tokens.token();
    clock.advance(3600 - 100, TimeUnit.SECONDS);
    tokens.token();
    background.runAll();
    clock.advance(5, TimeUnit.SECONDS);
    tokens.token();
    background.runAll();
    assertThat(tokens.token().value()).isEqualTo("A");
    assertThat(server.getRequestCount()).isEqualTo(2); // No fallback while A is valid.
  }

  @Test
  void refreshTokenRefusedInTheBackgroundFallsBackToThePasswordOnlyAtExpiry() throws Exception {
    TokenManager tokens = builder(Grant.password("alice", "pw")).build();
    server.enqueue(token("A", 3600, "r1"));
    server.enqueue(json(400, "{\"error\":\"invalid_grant\"}"));
    server.enqueue(token("B", 3600, "r2"));

    tokens.token();
    clock.advance(3600 - 100, TimeUnit.SECONDS);
    tokens.token();
    background.runAll();
    assertThat(tokens.token().value()).isEqualTo("A");
    assertThat(server.getRequestCount()).isEqualTo(2); // No fallback while A is valid.

    clock.advance(71, TimeUnit.SECONDS);
    assertThat(tokens.token().value()).isEqualTo("B");
    body();
    assertThat(body()).isEqualTo("grant_type=refresh_token&refresh_token=r1");
    assertThat(body()).startsWith("grant_type=password");
  }

  @Test
  void refreshRequestIsNotResentByOkHttpAfterTheConnectionDropped() throws Exception {
    // The client would silently retry a request whose connection failed; refresh requests must
    // not be: the server may have rotated the refresh token before the connection dropped.
    OkHttpClient client = new OkHttpClient.Builder().retryOnConnectionFailure(true).build();
    TokenManager tokens = builder(Grant.password("alice", "pw")).client(client).build();
    server.enqueue(token("A", 3600, "r1"));
    server.enqueue(
        new okhttp3.mockwebserver.MockResponse()
            .setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
    server.enqueue(token("B", 3600, "r2"));

    tokens.token();
    clock.advance(1, TimeUnit.HOURS);
    assertThatThrownBy(tokens::token)
        .isInstanceOf(TokenRequestException.class)
        .matches(e -> ((TokenRequestException) e).isTransient());
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @ParameterizedTest
  @ValueSource(strings = {"HTTP 500", "dropped connection"})
  void ambiguousRefreshFailureIsResentOnceOnTheNextRenewalOnly(String failure) throws Exception {
    TokenManager tokens = builder(Grant.password("alice", "pw")).build();
    server.enqueue(token("A", 3600, "r1"));
    // The server may or may not have rotated r1.
    server.enqueue(
        failure.equals("HTTP 500")
            ? json(500, "{}")
            : new okhttp3.mockwebserver.MockResponse()
                .setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
    server.enqueue(json(400, "{\"error\":\"invalid_grant\"}")); // It had: r1 is spent.
    server.enqueue(token("B", 3600, "r2"));

    tokens.token();
    clock.advance(1, TimeUnit.HOURS);
    assertThatThrownBy(tokens::token).isInstanceOf(TokenRequestException.class);
    assertThat(server.getRequestCount()).isEqualTo(2); // Not resent within that renewal.

    assertThat(tokens.token().value()).isEqualTo("B"); // The next renewal resends r1, once.
    body();
    assertThat(body()).isEqualTo("grant_type=refresh_token&refresh_token=r1");
    assertThat(body()).isEqualTo("grant_type=refresh_token&refresh_token=r1");
    assertThat(body()).startsWith("grant_type=password");
  }

  @Test
  void passwordSignInIsVerifiedByTheServerEvenWithATokenStoredForThatUser() throws Exception {
    TokenManager signedIn = builder(Grant.password("alice", "right")).build();
    server.enqueue(token("A", 3600, "r1"));
    assertThat(signedIn.token().value()).isEqualTo("A");

    TokenManager wrongPassword = builder(Grant.password("alice", "wrong")).build();
    assertThat(wrongPassword.storeKey()).isEqualTo(signedIn.storeKey());
    server.enqueue(json(400, "{\"error\":\"invalid_grant\"}"));

    assertThatThrownBy(wrongPassword::token)
        .isInstanceOf(TokenRequestException.class)
        .matches(e -> "invalid_grant".equals(((TokenRequestException) e).error()));
    body();
    assertThat(body()).isEqualTo("grant_type=password&username=alice&password=wrong");
    assertThat(store.get(signedIn.storeKey()).value()).isEqualTo("A");
  }

  @Test
  void passwordSignInAfterSignOutIsVerifiedAgain() throws Exception {
    TokenManager tokens = builder(Grant.password("alice", "pw")).build();
    server.enqueue(token("A", 3600, "r1"));
    tokens.token();
    tokens.clear();
    // Another process signed the same user in meanwhile; this sign-in still asks the server.
    store.put(
        tokens.storeKey(),
        new AccessToken.Builder().value("other").issuedAtMillis(clock.currentTimeMillis()).build());
    server.enqueue(token("B", 3600, "r2"));

    assertThat(tokens.token().value()).isEqualTo("B");
    body();
    assertThat(body()).startsWith("grant_type=password");
  }
}
