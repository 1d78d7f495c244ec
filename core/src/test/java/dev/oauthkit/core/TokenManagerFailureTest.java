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

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.mockwebserver.MockWebServer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Failures in odd places: sources that throw the unexpected, sign-out mid-flight, odd tokens. */
final class TokenManagerFailureTest {
  private final MockWebServer server = new MockWebServer();
  private final TestClock clock = new TestClock();

  @BeforeEach
  void setUp() throws Exception {
    server.start();
  }

  @AfterEach
  void tearDown() throws Exception {
    server.shutdown();
  }

  /** Throws a checked exception without declaring it, as Kotlin code may. */
  @SuppressWarnings("unchecked")
  private static <E extends Exception> void sneakyThrow(Exception e) throws E {
    throw (E) e;
  }

  @Test
  void undeclaredCheckedExceptionFromASourceIsTypedAndReleasesWaiters() throws Exception {
    final AtomicInteger calls = new AtomicInteger();
    TokenSource kotlinish =
        grant -> {
          if (calls.incrementAndGet() == 1) sneakyThrow(new Exception("secret-ish detail"));
          return new AccessToken.Builder()
              .value("ok")
              .issuedAtMillis(clock.currentTimeMillis())
              .build();
        };
    TokenManager tokens =
        new TokenManager.Builder(kotlinish, Grant.clientCredentials())
            .clock(clock)
            .addApiBaseUrl(server.url("/"))
            .build();

    assertThatThrownBy(tokens::token)
        .isInstanceOf(TokenRequestException.class)
        .hasMessage("token request failed: unexpected java.lang.Exception");
    assertThat(Flight.FLIGHTS.get(tokens.flightKey())).isNull();
    assertThat(tokens.token().value()).isEqualTo("ok");
  }

  @Test
  void signOutDuringARequestKeepsNothing() throws Exception {
    final CountDownLatch requested = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);
    TokenSource slow =
        grant -> {
          requested.countDown();
          try {
            release.await();
          } catch (InterruptedException e) {
            throw new java.io.InterruptedIOException();
          }
          return new AccessToken.Builder()
              .value("issued-before-sign-out")
              .issuedAtMillis(clock.currentTimeMillis())
              .refreshToken("rt")
              .build();
        };
    TokenStore store = TokenStore.inMemory();
    TokenManager tokens =
        new TokenManager.Builder(slow, Grant.clientCredentials())
            .clock(clock)
            .store(store)
            .storeKey("session")
            .addApiBaseUrl(server.url("/"))
            .build();
    ExecutorService thread = Executors.newSingleThreadExecutor();
    try {
      Future<AccessToken> pending = thread.submit(tokens::token);
      assertThat(requested.await(10, TimeUnit.SECONDS)).isTrue();
      tokens.clear();
      release.countDown();

      assertThat(pending.get(10, TimeUnit.SECONDS).value()).isEqualTo("issued-before-sign-out");
      assertThat(store.get("session")).isNull();
    } finally {
      thread.shutdownNow();
    }
  }

  @Test
  void refreshGrantIsNotResentAfterAnAmbiguousFailure() throws Exception {
    TokenManager tokens =
        new TokenManager.Builder(TestServer.endpoint(server).build(), Grant.password("u", "p"))
            .addApiBaseUrl(server.url("/"))
            .clock(clock)
            .build();
    server.enqueue(token("A", 3600, "r1"));
    server.enqueue(json(500, "{}")); // The server may have rotated r1 before failing.

    tokens.token();
    clock.advance(1, TimeUnit.HOURS);
    assertThatThrownBy(tokens::token).isInstanceOf(TokenRequestException.class);

    assertThat(server.getRequestCount()).isEqualTo(2);
    assertThat(clock.sleeps).isEmpty();
  }

  @Test
  void refreshGrantIsRetriedWhenTheServerSaysItDidNotProcessIt() throws Exception {
    TokenManager tokens =
        new TokenManager.Builder(TestServer.endpoint(server).build(), Grant.password("u", "p"))
            .addApiBaseUrl(server.url("/"))
            .clock(clock)
            .build();
    server.enqueue(token("A", 3600, "r1"));
    server.enqueue(json(503, "{}"));
    server.enqueue(token("B", 3600, "r2"));

    tokens.token();
    clock.advance(1, TimeUnit.HOURS);
    assertThat(tokens.token().value()).isEqualTo("B");
    take(server);
    assertThat(take(server).getBody().readUtf8()).contains("refresh_token=r1");
    assertThat(take(server).getBody().readUtf8()).contains("refresh_token=r1");
  }

  @Test
  void emptyRefreshTokenIsTreatedAsNone() throws Exception {
    TokenManager tokens =
        new TokenManager.Builder(TestServer.endpoint(server).build(), Grant.clientCredentials())
            .addApiBaseUrl(server.url("/"))
            .clock(clock)
            .build();
    server.enqueue(
        json(200, "{\"access_token\":\"A\",\"expires_in\":3600,\"refresh_token\":\"\"}"));
    server.enqueue(token("B", 3600));

    assertThat(tokens.token().refreshToken()).isNull();
    clock.advance(1, TimeUnit.HOURS);
    assertThat(tokens.token().value()).isEqualTo("B");
    take(server);
    assertThat(take(server).getBody().readUtf8()).startsWith("grant_type=client_credentials");
  }

  @Test
  void customSourceSharingAStoreNeedsAKey() {
    TokenSource source = grant -> new AccessToken.Builder().value("x").issuedAtMillis(0).build();
    assertThatThrownBy(
            () ->
                new TokenManager.Builder(source, Grant.clientCredentials())
                    .store(TokenStore.inMemory())
                    .addApiBaseUrl(server.url("/"))
                    .build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("storeKey required");
  }

  @Test
  void interruptedCallerWaitingForABackgroundRenewalStopsAtOnce() throws Exception {
    final CountDownLatch requested = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);
    final AtomicInteger calls = new AtomicInteger();
    TokenSource source =
        grant -> {
          if (calls.incrementAndGet() > 1) {
            requested.countDown();
            try {
              release.await();
            } catch (InterruptedException e) {
              throw new InterruptedIOException();
            }
          }
          return new AccessToken.Builder()
              .value("token-" + calls.get())
              .issuedAtMillis(clock.currentTimeMillis())
              .expiresAtMillis(clock.currentTimeMillis() + TimeUnit.HOURS.toMillis(1))
              .build();
        };
    ExecutorService background = Executors.newSingleThreadExecutor();
    ExecutorService caller = Executors.newSingleThreadExecutor();
    try {
      final TokenManager tokens =
          new TokenManager.Builder(source, Grant.clientCredentials())
              .clock(clock)
              .refreshExecutor(background)
              .addApiBaseUrl(server.url("/"))
              .build();
      assertThat(tokens.token().value()).isEqualTo("token-1");
      clock.advance(3600 - 100, TimeUnit.SECONDS); // Stale: renewed in the background.
      tokens.token();
      assertThat(requested.await(10, TimeUnit.SECONDS)).isTrue();

      // A 401 for token-1 while the background renewal hangs: the caller waits for it, and is
      // interrupted. It must stop at once, not spin until the renewal ends.
      Future<Throwable> interrupted =
          caller.submit(
              () -> {
                Thread.currentThread().interrupt();
                try {
                  tokens.refresh("token-1");
                  return null;
                } catch (IOException e) {
                  return e;
                } finally {
                  Thread.interrupted();
                }
              });
      assertThat(interrupted.get(10, TimeUnit.SECONDS)).isInstanceOf(InterruptedIOException.class);
    } finally {
      release.countDown();
      caller.shutdownNow();
      background.shutdownNow();
    }
  }

  @Test
  void signOutWhileTheNewTokenIsBeingStoredKeepsNothing() throws Exception {
    final AtomicReference<TokenManager> manager = new AtomicReference<>();
    final AtomicBoolean signOut = new AtomicBoolean(true);
    final TokenStore memory = TokenStore.inMemory();
    TokenStore store =
        new TokenStore() {
          @Override
          public @Nullable AccessToken get(String key) throws IOException {
            return memory.get(key);
          }

          @Override
          public void put(String key, AccessToken token) throws IOException {
            memory.put(key, token);
          }

          @Override
          public void remove(String key) throws IOException {
            memory.remove(key);
          }

          @Override
          public boolean compareAndSet(
              String key, @Nullable AccessToken expected, AccessToken update) throws IOException {
            // The user signs out just after the token was served, just before it is stored.
            if (signOut.getAndSet(false)) manager.get().clear();
            return memory.compareAndSet(key, expected, update);
          }
        };
    final AtomicInteger calls = new AtomicInteger();
    TokenSource source =
        grant ->
            new AccessToken.Builder()
                .value("token-" + calls.incrementAndGet())
                .issuedAtMillis(clock.currentTimeMillis())
                .refreshToken("rt")
                .build();
    TokenManager tokens =
        new TokenManager.Builder(source, Grant.clientCredentials())
            .clock(clock)
            .store(store)
            .storeKey("session")
            .addApiBaseUrl(server.url("/"))
            .build();
    manager.set(tokens);

    tokens.token();
    assertThat(memory.get("session")).isNull(); // Signed out: the store keeps nothing.
    assertThat(tokens.token().value()).isEqualTo("token-2"); // Not the one from before.
  }

  @Test
  void flightThatGetsNoThreadFailsInsteadOfStayingRegistered() throws Exception {
    TokenSource source =
        grant ->
            new AccessToken.Builder().value("x").issuedAtMillis(clock.currentTimeMillis()).build();
    TokenManager.Builder builder =
        new TokenManager.Builder(source, Grant.clientCredentials())
            .clock(clock)
            .addApiBaseUrl(server.url("/"));
    Executor noThreads =
        task -> {
          throw new OutOfMemoryError("unable to create native thread");
        };
    TokenManager tokens = new TokenManager(builder, source, new ManualExecutor(), noThreads);

    assertThatThrownBy(tokens::token)
        .isInstanceOf(TokenRequestException.class)
        .hasMessage("token request failed: unexpected java.lang.OutOfMemoryError");
    // Not left behind for every later caller to wait on forever.
    assertThat(Flight.FLIGHTS.get(tokens.flightKey())).isNull();
  }
}
