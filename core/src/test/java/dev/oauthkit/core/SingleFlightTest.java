/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.core;

import static dev.oauthkit.core.TestServer.awaitCondition;
import static dev.oauthkit.core.TestServer.json;
import static dev.oauthkit.core.TestServer.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
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
import org.junit.jupiter.api.Timeout;

/** Guarantees 3 and 9: one token request per key at a time, and keys that never mix. */
@Timeout(30)
final class SingleFlightTest {
  private static final int CALLERS = 50;

  private final MockWebServer server = new MockWebServer();
  private final TestClock clock = new TestClock();
  private final ExecutorService threads = Executors.newFixedThreadPool(CALLERS);
  private final CountDownLatch release = new CountDownLatch(1);
  private final AtomicInteger issued = new AtomicInteger();

  @BeforeEach
  void setUp() throws Exception {
    server.start();
  }

  @AfterEach
  void tearDown() throws Exception {
    release.countDown();
    threads.shutdownNow();
    server.shutdown();
  }

  /** Answers every token request with {@code response} once the test releases it. */
  private void answerWhenReleased(final MockResponse response) {
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
            release.await();
            issued.incrementAndGet();
            return response.clone();
          }
        });
  }

  private List<Future<AccessToken>> callConcurrently(final TokenManager tokens) {
    List<Future<AccessToken>> results = new ArrayList<>();
    for (int i = 0; i < CALLERS; i++) {
      results.add(
          threads.submit(
              new Callable<AccessToken>() {
                @Override
                public AccessToken call() throws Exception {
                  return tokens.token();
                }
              }));
    }
    return results;
  }

  /** Waits until one caller's request reached the server and all others wait for it. */
  private void awaitSharedFlight(final TokenManager tokens) {
    awaitCondition(() -> server.getRequestCount() == 1);
    awaitCondition(
        () -> {
          Flight flight = Flight.FLIGHTS.get(tokens.flightKey());
          return flight != null && flight.waiters.get() == CALLERS;
        });
  }

  @Test
  void fiftyCallersOnAnEmptyCacheShareOneRequest() throws Exception {
    answerWhenReleased(token("shared", 3600));
    TokenManager tokens = manager(TestServer.endpoint(server).build());

    List<Future<AccessToken>> results = callConcurrently(tokens);
    awaitSharedFlight(tokens);
    release.countDown();

    Set<AccessToken> distinct = new LinkedHashSet<>();
    for (Future<AccessToken> result : results) distinct.add(result.get(10, TimeUnit.SECONDS));
    assertThat(distinct).hasSize(1);
    assertThat(distinct.iterator().next().value()).isEqualTo("shared");
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void fiftyCallersShareOneFailure() throws Exception {
    answerWhenReleased(
        json(401, "{\"error\":\"invalid_client\",\"error_description\":\"Unknown client\"}"));
    TokenManager tokens = manager(TestServer.endpoint(server).build());

    List<Future<AccessToken>> results = callConcurrently(tokens);
    awaitSharedFlight(tokens);
    release.countDown();

    for (Future<AccessToken> result : results) {
      assertThatThrownBy(() -> result.get(10, TimeUnit.SECONDS))
          .isInstanceOf(ExecutionException.class)
          .cause()
          .isInstanceOf(TokenRequestException.class)
          .hasMessageContaining("invalid_client")
          .satisfies(e -> assertThat(((TokenRequestException) e).code()).isEqualTo(401));
    }
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void managersSharingAStoreAndKeyShareTokensAndRequests() throws Exception {
    release.countDown();
    answerWhenReleased(token("shared", 3600));
    TokenStore store = TokenStore.inMemory();
    TokenEndpoint endpoint = TestServer.endpoint(server).build();
    TokenManager first = manager(endpoint, store, Grant.clientCredentials());
    TokenManager second = manager(endpoint, store, Grant.clientCredentials());

    assertThat(first.storeKey()).isEqualTo(second.storeKey());
    assertThat(first.token()).isEqualTo(second.token());
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void differentClientsScopesAndUsersDoNotShareTokens() throws Exception {
    release.countDown();
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            return token("token-" + issued.incrementAndGet(), 3600);
          }
        });
    TokenStore store = TokenStore.inMemory();
    TokenEndpoint base = TestServer.endpoint(server).build();
    List<TokenManager> managers = new ArrayList<>();
    managers.add(manager(base, store, Grant.clientCredentials()));
    managers.add(
        manager(base.newBuilder().clientId("other").build(), store, Grant.clientCredentials()));
    managers.add(
        manager(base.newBuilder().scope("read").build(), store, Grant.clientCredentials()));
    managers.add(
        manager(base.newBuilder().scope("write").build(), store, Grant.clientCredentials()));
    managers.add(manager(base, store, Grant.password("alice", "pw")));
    managers.add(manager(base, store, Grant.password("bob", "pw")));
    managers.add(
        manager(
            base.newBuilder().url(server.url("/other/token")).build(),
            store,
            Grant.clientCredentials()));

    Set<String> keys = new LinkedHashSet<>();
    Set<String> values = new LinkedHashSet<>();
    for (TokenManager manager : managers) {
      keys.add(manager.storeKey());
      values.add(manager.token().value());
    }

    assertThat(keys).hasSize(managers.size());
    assertThat(values).hasSize(managers.size());
    assertThat(server.getRequestCount()).isEqualTo(managers.size());
    for (String key : keys) {
      assertThat(key).matches("oauthkit:[0-9a-f]{40}").doesNotContain("alice");
    }
  }

  private TokenManager manager(TokenEndpoint endpoint) {
    return manager(endpoint, TokenStore.inMemory(), Grant.clientCredentials());
  }

  private TokenManager manager(TokenEndpoint endpoint, TokenStore store, Grant grant) {
    return new TokenManager.Builder(endpoint, grant)
        .addApiBaseUrl(server.url("/"))
        .clock(clock)
        .store(store)
        .maxAttempts(1)
        .refreshExecutor(new ManualExecutor())
        .build();
  }
}
