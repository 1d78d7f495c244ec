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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Issue 12 item 7: renewal economy at the edges. */
@Timeout(120)
final class RenewalEconomyTest {
  private final MockWebServer server = new MockWebServer();
  private final TestClock clock = new TestClock();
  private final Script token = new Script();
  private final Script api = new Script();
  private final ExecutorService threads = Executors.newCachedThreadPool();

  @BeforeEach
  void setUp() throws IOException {
    server.setDispatcher(Script.route("/oauth/token", token, api));
    server.start();
  }

  @AfterEach
  void tearDown() throws IOException {
    threads.shutdownNow();
    server.shutdown();
  }

  private TokenManager.Builder builder() {
    return new TokenManager.Builder(TestServer.endpoint(server).build(), Grant.clientCredentials())
        .addApiBaseUrl(server.url("/"))
        .clock(clock)
        .maxAttempts(1);
  }

  private static OkHttpClient api(TokenManager tokens) {
    return new OkHttpClient.Builder()
        .connectionPool(new ConnectionPool(64, 1, TimeUnit.MINUTES))
        .addInterceptor(new TokenInterceptor(tokens))
        .authenticator(new TokenAuthenticator(tokens))
        .build();
  }

  private int call(OkHttpClient client, String path) throws IOException {
    try (Response response =
        client.newCall(new Request.Builder().url(server.url(path)).build()).execute()) {
      return response.code();
    }
  }

  @Test
  void concurrent401sShareOneRenewalEvenWhenTheServerReissuesTheSameToken() throws Exception {
    final int callers = 32;
    final CountDownLatch allRefused = new CountDownLatch(callers);
    final AtomicInteger apiCalls = new AtomicInteger();
    token.forever(request -> token("same", 3600)); // Every renewal answers the same value.
    api.forever(
        request -> {
          if (apiCalls.incrementAndGet() <= callers) {
            allRefused.countDown();
            allRefused.await(); // 32 requests with the token, refused at the same moment.
            return json(401, "{}");
          }
          return json(200, "{}");
        });
    TokenManager tokens = builder().build();
    tokens.token();
    final OkHttpClient client = api(tokens);

    List<Future<Integer>> results = new ArrayList<>();
    for (int i = 0; i < callers; i++) results.add(threads.submit(() -> call(client, "/v1/x")));
    for (Future<Integer> result : results)
      assertThat(result.get(60, TimeUnit.SECONDS)).isEqualTo(200);

    assertThat(token.count()).isEqualTo(2); // The first token and one renewal for all 32.
  }

  @Test
  void unauthorizedForATokenManyRenewalsOldIsRetriedWithTheCurrentOne() throws Exception {
    final AtomicInteger issued = new AtomicInteger();
    token.forever(request -> token("T" + issued.incrementAndGet(), 3600));
    final TokenManager tokens = builder().build();
    api.then(
            request -> {
              // While this request with T1 is on its way, the token is renewed twenty times.
              for (int i = 0; i < 20; i++) tokens.refresh(null);
              return json(401, "{}");
            })
        .forever(request -> json(200, "{}"));
    OkHttpClient client = api(tokens);

    assertThat(call(client, "/v1/x")).isEqualTo(200);
    assertThat(api.authorizations()).containsExactly("Bearer T1", "Bearer T21");
    assertThat(token.count()).isEqualTo(21); // The retry fetched nothing.
  }

  @Test
  void apiThatRefusesEveryTokenBacksOffRenewals() throws Exception {
    token.forever(request -> token("T" + token.count(), 3600));
    api.forever(request -> json(401, "{}"));
    TokenManager tokens = builder().build();
    OkHttpClient client = api(tokens);

    for (int i = 0; i < 20; i++) assertThat(call(client, "/v1/x")).isEqualTo(401);
    // The first token, one free renewal, and one more that starts the backoff: not one per call.
    assertThat(token.count()).isEqualTo(3);

    clock.advance(4999, TimeUnit.MILLISECONDS);
    call(client, "/v1/x");
    assertThat(token.count()).isEqualTo(3);
    clock.advance(1, TimeUnit.MILLISECONDS); // 5 s later: one renewal, then 10 s of backoff.
    call(client, "/v1/x");
    call(client, "/v1/x");
    assertThat(token.count()).isEqualTo(4);
    clock.advance(10, TimeUnit.SECONDS);
    call(client, "/v1/x");
    assertThat(token.count()).isEqualTo(5);
  }

  @Test
  void acceptedTokenEndsTheRenewalBackoff() throws Exception {
    token.forever(request -> token("T" + token.count(), 3600));
    final AtomicInteger refusals = new AtomicInteger(6);
    api.forever(request -> json(refusals.getAndDecrement() > 0 ? 401 : 200, "{}"));
    TokenManager tokens = builder().build();
    OkHttpClient client = api(tokens);

    for (int i = 0; i < 3; i++) call(client, "/v1/x");
    assertThat(token.count()).isEqualTo(3);
    clock.advance(5, TimeUnit.SECONDS);
    assertThat(call(client, "/v1/x")).isEqualTo(200); // Renewed, and this token is accepted.
    int afterAcceptance = token.count();

    refusals.set(1); // One revocation later, the renewal needs no wait.
    assertThat(call(client, "/v1/x")).isEqualTo(200);
    assertThat(token.count()).isEqualTo(afterAcceptance + 1);
  }

  @Test
  void backgroundRenewalAcceptedButNeverRunDoesNotTurnRefreshAheadOff() throws Exception {
    ManualExecutor lost = new ManualExecutor(); // Accepts tasks and never runs them.
    TokenManager tokens = builder().refreshExecutor(lost).build();
    token.forever(request -> token("T" + token.count(), 3600));

    tokens.token();
    clock.advance(3600 - 110, TimeUnit.SECONDS); // Stale.
    tokens.token();
    assertThat(lost.size()).isEqualTo(1);
    clock.advance(29, TimeUnit.SECONDS);
    tokens.token();
    assertThat(lost.size()).isEqualTo(1); // Still pending: not scheduled twice.
    clock.advance(1, TimeUnit.SECONDS);
    tokens.token();
    assertThat(lost.size()).isEqualTo(2); // Pending for 30 s: scheduled again.
  }

  @Test
  void hugeDurationsSaturateInsteadOfOverflowing() throws Exception {
    token.forever(request -> json(200, "{\"access_token\":\"A\",\"token_type\":\"Bearer\"}"));
    TokenManager tokens =
        builder()
            .defaultLifetime(Long.MAX_VALUE, TimeUnit.DAYS)
            .refreshAhead(Long.MAX_VALUE, TimeUnit.DAYS)
            .expirySkew(Long.MAX_VALUE, TimeUnit.NANOSECONDS)
            .build();

    assertThat(tokens.token().value()).isEqualTo("A");
    clock.advance(3650, TimeUnit.DAYS);
    assertThat(tokens.token().value()).isEqualTo("A");
    assertThat(token.count()).isEqualTo(1);
    assertThatThrownBy(() -> builder().defaultLifetime(-1, TimeUnit.SECONDS))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
