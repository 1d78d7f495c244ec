/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.core;

import static dev.oauthkit.core.TestServer.token;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Issue 12 item 3: listeners can neither break nor block the engine. */
@Timeout(60)
final class ListenerBoundariesTest {
  private final MockWebServer server = new MockWebServer();
  private final TestClock clock = new TestClock();
  private final Script token = new Script();
  private final TokenStore store = TokenStore.inMemory();
  private final AtomicReference<TokenManager> manager = new AtomicReference<>();

  @BeforeEach
  void setUp() throws IOException {
    server.setDispatcher(token);
    server.start();
  }

  @AfterEach
  void tearDown() throws IOException {
    server.shutdown();
  }

  private TokenManager manager(Grant grant, TokenListener listener) {
    TokenManager tokens =
        new TokenManager.Builder(TestServer.endpoint(server).build(), grant)
            .addApiBaseUrl(server.url("/"))
            .clock(clock)
            .store(store)
            .listener(listener)
            .maxAttempts(3)
            .build();
    manager.set(tokens);
    return tokens;
  }

  @Test
  void checkedExceptionFromTokenRequestEndKeepsTheRotatedRefreshToken() throws Exception {
    TokenListener kotlinish =
        new TokenListener() {
          @Override
          public void tokenRequestEnd(String grantType, long expiresAtMillis, long durationMillis) {
            HostileTokenTest.sneakyThrow(new IOException("from Kotlin"));
          }
        };
    TokenManager tokens = manager(Grant.password("alice", "pw"), kotlinish);
    token.then(token("A", 3600, "r1")).then(token("B", 3600, "r2"));

    assertThat(tokens.token().value()).isEqualTo("A");
    clock.advance(1, TimeUnit.HOURS);
    assertThat(tokens.token().value()).isEqualTo("B");

    assertThat(store.get(tokens.storeKey()).refreshToken()).isEqualTo("r2");
    assertThat(token.count()).isEqualTo(2); // Neither token cost a retry.
  }

  @Test
  void listenerThrowingFromEveryEventCostsNoRetryAndNoToken() throws Exception {
    TokenManager tokens =
        manager(Grant.clientCredentials(), new HostileTokenTest.ThrowingListener());
    token.then(TestServer.json(503, "{}")).then(token("A", 3600));

    assertThat(tokens.token().value()).isEqualTo("A");
    assertThat(token.count()).isEqualTo(2); // The 503 and one retry: nothing more.
    assertThat(clock.sleeps).hasSize(1);
  }

  @Test
  void listenerCallingTokenFromTokenRequestEndGetsTheNewTokenWithoutDeadlock() throws Exception {
    final List<String> seen = new CopyOnWriteArrayList<>();
    TokenListener reentrant =
        new TokenListener() {
          @Override
          public void tokenRequestEnd(String grantType, long expiresAtMillis, long durationMillis) {
            try {
              seen.add(manager.get().token().value());
            } catch (IOException e) {
              seen.add("failed: " + e.getMessage());
            }
          }
        };
    TokenManager tokens = manager(Grant.clientCredentials(), reentrant);
    token.then(token("A", 3600));

    assertThat(tokens.token().value()).isEqualTo("A");
    TestServer.awaitCondition(() -> !seen.isEmpty()); // The event follows the token's arrival.
    assertThat(seen).containsExactly("A");
    assertThat(token.count()).isEqualTo(1);
  }

  @Test
  void listenerCallingBackFromInsideTheRequestFailsFastInsteadOfWaitingForItself()
      throws Exception {
    final List<String> seen = new CopyOnWriteArrayList<>();
    final AtomicBoolean once = new AtomicBoolean();
    TokenListener reentrant =
        new TokenListener() {
          @Override
          public void tokenRequestStart(String grantType) {
            if (!once.compareAndSet(false, true)) return;
            try {
              seen.add(manager.get().token().value());
            } catch (IOException e) {
              seen.add(e.getClass().getSimpleName());
            }
            try {
              seen.add(manager.get().refresh(null).value());
            } catch (IOException e) {
              seen.add(e.getClass().getSimpleName());
            }
          }
        };
    TokenManager tokens = manager(Grant.clientCredentials(), reentrant);
    token.then(token("A", 3600));

    assertThat(tokens.token().value()).isEqualTo("A");
    assertThat(seen).containsExactly("TokenRequestException", "TokenRequestException");
    assertThat(token.count()).isEqualTo(1);
  }

  @Test
  void listenerClearingAndRefreshingFromEventsDoesNotDeadlock() throws Exception {
    final AtomicBoolean renewedOnce = new AtomicBoolean();
    final CountDownLatch renewed = new CountDownLatch(1);
    TokenListener reentrant =
        new TokenListener() {
          @Override
          public void tokenInvalidated() {
            manager.get().clear();
          }

          @Override
          public void tokenRequestEnd(String grantType, long expiresAtMillis, long durationMillis) {
            if (!renewedOnce.compareAndSet(false, true)) return;
            try {
              manager.get().refresh(null);
              renewed.countDown();
            } catch (IOException e) {
              throw new AssertionError(e);
            }
          }
        };
    TokenManager tokens = manager(Grant.clientCredentials(), reentrant);
    token.then(token("A", 3600)).then(token("B", 3600)).then(token("C", 3600));

    assertThat(tokens.token().value()).isEqualTo("A");
    assertThat(renewed.await(30, TimeUnit.SECONDS)).isTrue(); // From the listener, no deadlock.
    assertThat(tokens.token().value()).isEqualTo("B");
    assertThat(tokens.refresh("B").value()).isEqualTo("C"); // invalidated → clear() → new token.
    assertThat(token.count()).isEqualTo(3);
  }
}
