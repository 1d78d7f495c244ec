/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.core;

import static dev.oauthkit.core.TestServer.json;
import static dev.oauthkit.core.TestServer.take;
import static dev.oauthkit.core.TestServer.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Guarantee 5: refresh tokens are used, rotated, used once, and refusals fall back or fail. */
final class RefreshTokenTest {
  private final MockWebServer server = new MockWebServer();
  private final TestClock clock = new TestClock();
  private final RecordingTokenListener listener = new RecordingTokenListener();
  private final TokenStore store = TokenStore.inMemory();

  @BeforeEach
  void setUp() throws Exception {
    server.start();
  }

  @AfterEach
  void tearDown() throws Exception {
    server.shutdown();
  }

  private TokenManager manager(Grant grant) {
    return builder(grant).build();
  }

  private TokenManager.Builder builder(Grant grant) {
    return new TokenManager.Builder(TestServer.endpoint(server).build(), grant)
        .addApiBaseUrl(server.url("/"))
        .clock(clock)
        .store(store)
        .listener(listener)
        .maxAttempts(1)
        .refreshExecutor(new ManualExecutor());
  }

  private static String body(RecordedRequest request) {
    return request.getBody().readUtf8();
  }

  @Test
  void renewalUsesTheRefreshTokenGrant() throws Exception {
    TokenManager tokens = manager(Grant.password("alice", "pw"));
    server.enqueue(token("A", 3600, "r1"));
    server.enqueue(token("B", 3600, "r2"));

    tokens.token();
    clock.advance(1, TimeUnit.HOURS);
    assertThat(tokens.token().value()).isEqualTo("B");

    assertThat(body(take(server))).isEqualTo("grant_type=password&username=alice&password=pw");
    assertThat(body(take(server))).isEqualTo("grant_type=refresh_token&refresh_token=r1");
  }

  @Test
  void rotatedRefreshTokenIsStoredAndTheOldOneNeverSentAgain() throws Exception {
    TokenManager tokens = manager(Grant.password("alice", "pw"));
    server.enqueue(token("A", 3600, "r1"));
    server.enqueue(token("B", 3600, "r2"));
    server.enqueue(token("C", 3600, "r3"));

    tokens.token();
    clock.advance(1, TimeUnit.HOURS);
    tokens.token();
    assertThat(store.get(tokens.storeKey()).refreshToken()).isEqualTo("r2");
    clock.advance(1, TimeUnit.HOURS);
    assertThat(tokens.token().value()).isEqualTo("C");

    take(server);
    assertThat(body(take(server))).contains("refresh_token=r1");
    assertThat(body(take(server))).contains("refresh_token=r2").doesNotContain("r1");
  }

  @Test
  void refreshTokenIsKeptWhenTheServerDoesNotRotateIt() throws Exception {
    TokenManager tokens = manager(Grant.password("alice", "pw"));
    server.enqueue(token("A", 3600, "r1"));
    server.enqueue(token("B", 3600));
    server.enqueue(token("C", 3600));

    tokens.token();
    clock.advance(1, TimeUnit.HOURS);
    assertThat(tokens.token().refreshToken()).isEqualTo("r1");
    clock.advance(1, TimeUnit.HOURS);
    tokens.token();

    take(server);
    assertThat(body(take(server))).contains("refresh_token=r1");
    assertThat(body(take(server))).contains("refresh_token=r1");
  }

  @Test
  void twoThreadsNeverRefreshWithTheSameRefreshToken() throws Exception {
    final AtomicInteger issued = new AtomicInteger();
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            int n = issued.incrementAndGet();
            return token("T" + n, 3600, "r" + n);
          }
        });
    final TokenManager tokens = manager(Grant.password("alice", "pw"));
    tokens.token();
    clock.advance(1, TimeUnit.HOURS);

    ExecutorService threads = Executors.newFixedThreadPool(20);
    try {
      List<Future<AccessToken>> results = new ArrayList<>();
      for (int i = 0; i < 20; i++) results.add(threads.submit(tokens::token));
      for (Future<AccessToken> result : results) {
        assertThat(result.get(10, TimeUnit.SECONDS).value()).isEqualTo("T2");
      }
    } finally {
      threads.shutdownNow();
    }
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void invalidGrantOnRefreshFallsBackToTheOriginalGrantOnce() throws Exception {
    TokenManager tokens = manager(Grant.password("alice", "pw"));
    server.enqueue(token("A", 3600, "r1"));
    server.enqueue(json(400, "{\"error\":\"invalid_grant\",\"error_description\":\"revoked\"}"));
    server.enqueue(token("B", 3600, "r2"));

    tokens.token();
    clock.advance(1, TimeUnit.HOURS);
    assertThat(tokens.token().value()).isEqualTo("B");

    take(server);
    assertThat(body(take(server))).contains("grant_type=refresh_token");
    assertThat(body(take(server))).contains("grant_type=password");
    assertThat(listener.count("refreshTokenRejected")).isEqualTo(1);
  }

  @Test
  void fallbackThatFailsToo() throws Exception {
    TokenManager tokens = manager(Grant.password("alice", "pw"));
    server.enqueue(token("A", 3600, "r1"));
    server.enqueue(json(400, "{\"error\":\"invalid_grant\"}"));
    server.enqueue(
        json(400, "{\"error\":\"invalid_grant\",\"error_description\":\"bad password\"}"));

    tokens.token();
    clock.advance(1, TimeUnit.HOURS);
    assertThatThrownBy(tokens::token)
        .isInstanceOf(TokenRequestException.class)
        .hasMessageContaining("bad password");
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  @Test
  void providerSpecificRefusalIsRecognisedByItsPredicate() throws Exception {
    TokenManager tokens =
        builder(Grant.password("alice", "pw"))
            .refreshTokenRejection(
                e ->
                    "invalid_request".equals(e.error())
                        && "The refresh token is invalid.".equals(e.errorDescription()))
            .build();
    server.enqueue(token("A", 3600, "r1"));
    server.enqueue(
        json(
            400,
            "{\"error\":\"invalid_request\",\"message\":\"The refresh token is invalid.\","
                + "\"hint\":\"Token has been revoked\"}"));
    server.enqueue(token("B", 3600, "r2"));

    tokens.token();
    clock.advance(1, TimeUnit.HOURS);
    assertThat(tokens.token().value()).isEqualTo("B");
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  @Test
  void otherRefreshFailuresDoNotFallBack() throws Exception {
    TokenManager tokens = manager(Grant.password("alice", "pw"));
    server.enqueue(token("A", 3600, "r1"));
    server.enqueue(json(401, "{\"error\":\"invalid_client\"}"));

    tokens.token();
    clock.advance(1, TimeUnit.HOURS);
    assertThatThrownBy(tokens::token)
        .isInstanceOf(TokenRequestException.class)
        .satisfies(
            e -> assertThat(((TokenRequestException) e).error()).isEqualTo("invalid_client"));
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void refreshOnlyGrantUsesItsTokenAndThenTheRotatedOnes() throws Exception {
    TokenManager tokens = manager(Grant.refreshToken("r0"));
    server.enqueue(token("A", 3600, "r1"));
    server.enqueue(token("B", 3600, "r2"));

    assertThat(tokens.token().value()).isEqualTo("A");
    clock.advance(1, TimeUnit.HOURS);
    assertThat(tokens.token().value()).isEqualTo("B");

    assertThat(body(take(server))).isEqualTo("grant_type=refresh_token&refresh_token=r0");
    assertThat(body(take(server))).isEqualTo("grant_type=refresh_token&refresh_token=r1");
  }

  @Test
  void refusedRefreshOnlyGrantRequiresSignIn() throws Exception {
    TokenManager tokens = manager(Grant.refreshToken("r0"));
    server.enqueue(token("A", 3600, "r1"));
    server.enqueue(json(400, "{\"error\":\"invalid_grant\"}"));

    tokens.token();
    clock.advance(1, TimeUnit.HOURS);
    assertThatThrownBy(tokens::token)
        .isInstanceOf(SignInRequiredException.class)
        .hasMessageStartingWith("sign in required")
        .satisfies(e -> assertThat(((TokenRequestException) e).error()).isEqualTo("invalid_grant"));
    assertThat(store.get(tokens.storeKey())).isNull();

    // The refused token is never sent again: the next call fails without a request.
    assertThatThrownBy(tokens::token).isInstanceOf(SignInRequiredException.class);
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void refusedRefreshTokenWhoseSuccessorIsInTheStoreUsesTheSuccessor() throws Exception {
    final TokenManager tokens = manager(Grant.refreshToken("r0"));
    final List<String> sent = new ArrayList<>();
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            String body = request.getBody().readUtf8();
            sent.add(body);
            if (body.contains("refresh_token=r0")) return token("A", 3600, "r1");
            if (body.contains("refresh_token=r1")) {
              // Another process spent r1 a moment ago and stored what it got for it.
              try {
                store.put(
                    tokens.storeKey(),
                    new AccessToken.Builder()
                        .value("B")
                        .issuedAtMillis(clock.currentTimeMillis() - 1000)
                        .expiresAtMillis(clock.currentTimeMillis())
                        .refreshToken("r2")
                        .build());
              } catch (java.io.IOException e) {
                throw new AssertionError(e);
              }
              return json(400, "{\"error\":\"invalid_grant\"}");
            }
            if (body.contains("refresh_token=r2")) return token("C", 3600, "r3");
            return json(400, "{\"error\":\"invalid_grant\"}");
          }
        });

    tokens.token();
    clock.advance(1, TimeUnit.HOURS);

    assertThat(tokens.token().value()).isEqualTo("C");
    assertThat(sent).hasSize(3);
    assertThat(sent.get(2)).contains("refresh_token=r2");
    assertThat(store.get(tokens.storeKey()).refreshToken()).isEqualTo("r3");
  }

  @Test
  void refreshTokenTheAppPassesIsTriedWhenTheStoredOneIsRefused() throws Exception {
    store.put(
        "session",
        new AccessToken.Builder()
            .value("old")
            .issuedAtMillis(TestClock.START_MILLIS - 7_200_000)
            .expiresAtMillis(TestClock.START_MILLIS - 3_600_000)
            .refreshToken("stale-rt")
            .build());
    TokenManager tokens = builder(Grant.refreshToken("fresh-rt")).storeKey("session").build();
    server.enqueue(json(400, "{\"error\":\"invalid_grant\"}"));
    server.enqueue(token("A", 3600, "r1"));

    assertThat(tokens.token().value()).isEqualTo("A");
    assertThat(body(take(server))).contains("refresh_token=stale-rt");
    assertThat(body(take(server))).contains("refresh_token=fresh-rt");
  }

  @Test
  void unauthorizedKeepsTheRefreshTokenForTheRenewal() throws Exception {
    TokenManager tokens = manager(Grant.password("alice", "pw"));
    server.enqueue(token("A", 3600, "r1"));
    server.enqueue(token("B", 3600, "r2"));

    tokens.token();
    assertThat(tokens.refresh("A").value()).isEqualTo("B");

    take(server);
    assertThat(body(take(server))).isEqualTo("grant_type=refresh_token&refresh_token=r1");
  }

  @Test
  void clearSignsOut() throws Exception {
    TokenManager tokens = manager(Grant.password("alice", "pw"));
    server.enqueue(token("A", 3600, "r1"));
    server.enqueue(token("B", 3600, "r2"));

    tokens.token();
    tokens.clear();
    assertThat(store.get(tokens.storeKey())).isNull();
    assertThat(tokens.token().value()).isEqualTo("B");

    take(server);
    assertThat(body(take(server))).startsWith("grant_type=password");
  }

  @Test
  void clearWithARefreshTokenGrantRequiresSignInWithoutARequest() throws Exception {
    TokenManager tokens = manager(Grant.refreshToken("r0"));
    server.enqueue(token("A", 3600, "r1"));

    assertThat(tokens.token().value()).isEqualTo("A");
    tokens.clear();

    assertThatThrownBy(tokens::token).isInstanceOf(SignInRequiredException.class);
    assertThatThrownBy(() -> tokens.refresh(null)).isInstanceOf(SignInRequiredException.class);
    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(store.get(tokens.storeKey())).isNull();
  }

  @Test
  void clearBeforeTheFirstTokenOfARefreshTokenGrantAlsoRequiresSignIn() throws Exception {
    TokenManager tokens = manager(Grant.refreshToken("r0"));

    tokens.clear();

    assertThatThrownBy(tokens::token).isInstanceOf(SignInRequiredException.class);
    assertThat(server.getRequestCount()).isZero();
  }
}
