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

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 12 item 2: a token request that times out is one typed failure for all its waiters, and a
 * caller whose call is canceled or times out stops waiting at once while the request goes on.
 *
 * <p>The token endpoint stalls until the test releases it, so no outcome depends on how fast the
 * machine is. Where a caller must return "promptly", it must do so well within 20 seconds while the
 * token client would wait 120.
 */
@Timeout(120)
final class CancellationTest {
  private static final long PROMPTLY_SECONDS = 20;

  private final MockWebServer server = new MockWebServer();
  private final Script token = new Script();
  private final Script api = new Script();
  private final CountDownLatch release = new CountDownLatch(1);
  private final ExecutorService threads = Executors.newCachedThreadPool();

  @BeforeEach
  void setUp() throws IOException {
    server.setDispatcher(Script.route("/oauth/token", token, api));
    server.start();
  }

  @AfterEach
  void tearDown() throws IOException {
    release.countDown();
    threads.shutdownNow();
    server.shutdown();
  }

  /** Answers once the test releases the endpoint. */
  private Script.Answer stalled(final MockResponse response) {
    return request -> {
      release.await();
      return response;
    };
  }

  private TokenManager manager(OkHttpClient tokenClient, Clock clock, int maxAttempts) {
    return new TokenManager.Builder(TestServer.endpoint(server).build(), Grant.clientCredentials())
        .addApiBaseUrl(server.url("/"))
        .client(tokenClient)
        .clock(clock)
        .maxAttempts(maxAttempts)
        .build();
  }

  private OkHttpClient api(TokenManager tokens, OkHttpClient.Builder builder) {
    return builder
        .addInterceptor(new TokenInterceptor(tokens))
        .authenticator(new TokenAuthenticator(tokens))
        .build();
  }

  private Future<Response> execute(final Call call) {
    return threads.submit(call::execute);
  }

  private static Throwable failureOf(Future<?> future) throws Exception {
    try {
      future.get(PROMPTLY_SECONDS, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      return e.getCause();
    }
    throw new AssertionError("no failure");
  }

  @Test
  void tokenRequestCallTimeoutIsOneTypedTransientFailureSharedByEveryWaiter() throws Exception {
    token.forever(stalled(token("never", 3600)));
    OkHttpClient tokenClient = new OkHttpClient.Builder().callTimeout(3, TimeUnit.SECONDS).build();
    final TokenManager tokens = manager(tokenClient, new TestClock(), 2);

    List<Future<AccessToken>> waiters = new ArrayList<>();
    for (int i = 0; i < 8; i++) waiters.add(threads.submit(tokens::token));

    for (Future<AccessToken> waiter : waiters) {
      assertThatThrownBy(() -> waiter.get(60, TimeUnit.SECONDS))
          .hasCauseInstanceOf(TokenRequestException.class);
      TokenRequestException failure = (TokenRequestException) failureOf(waiter);
      assertThat(failure.isTransient()).isTrue();
      assertThat(failure).hasMessage("token request failed: InterruptedIOException: timeout");
    }
    // One request per attempt, not one per waiter.
    assertThat(token.count()).isEqualTo(2);
  }

  @Test
  void canceledCallStopsWaitingAndTheTokenRequestGoesOnForTheOthers() throws Exception {
    token.then(stalled(token("A", 3600)));
    api.forever(request -> json(200, "{}"));
    TokenManager tokens = manager(slowTokenClient(), new TestClock(), 1);
    OkHttpClient client = api(tokens, new OkHttpClient.Builder());

    Call canceled = client.newCall(new Request.Builder().url(server.url("/v1/a")).build());
    Future<Response> leader = execute(canceled);
    awaitCondition(() -> token.count() == 1);
    Future<Response> waiter =
        execute(client.newCall(new Request.Builder().url(server.url("/v1/b")).build()));
    canceled.cancel();

    Throwable failure = failureOf(leader);
    assertThat(failure).isInstanceOf(IOException.class).hasMessage("Canceled");

    release.countDown();
    try (Response response = waiter.get(60, TimeUnit.SECONDS)) {
      assertThat(response.code()).isEqualTo(200);
    }
    assertThat(tokens.token().value()).isEqualTo("A");
    assertThat(token.count()).isEqualTo(1);
    assertThat(api.authorizations()).containsExactly("Bearer A");
  }

  @Test
  void canceledWaiterStopsWaitingWhileTheOneWhoAskedGetsTheToken() throws Exception {
    token.then(stalled(token("A", 3600)));
    api.forever(request -> json(200, "{}"));
    TokenManager tokens = manager(slowTokenClient(), new TestClock(), 1);
    OkHttpClient client = api(tokens, new OkHttpClient.Builder());

    Future<Response> first =
        execute(client.newCall(new Request.Builder().url(server.url("/v1/a")).build()));
    awaitCondition(() -> token.count() == 1);
    Call second = client.newCall(new Request.Builder().url(server.url("/v1/b")).build());
    Future<Response> waiter = execute(second);
    awaitCondition(
        () -> {
          Flight flight = Flight.FLIGHTS.get(tokens.flightKey());
          return flight != null && flight.waiters.get() == 2;
        });
    second.cancel();

    assertThat(failureOf(waiter)).hasMessage("Canceled");
    release.countDown();
    try (Response response = first.get(60, TimeUnit.SECONDS)) {
      assertThat(response.code()).isEqualTo(200);
    }
    assertThat(token.count()).isEqualTo(1);
  }

  @Test
  void callTimeoutWhileWaitingForATokenEndsTheCallAndTheTokenIsStillCached() throws Exception {
    token.then(stalled(token("A", 3600)));
    TokenManager tokens = manager(slowTokenClient(), new TestClock(), 1);
    OkHttpClient client = api(tokens, new OkHttpClient.Builder().callTimeout(2, TimeUnit.SECONDS));

    Future<Response> call =
        execute(client.newCall(new Request.Builder().url(server.url("/v1/a")).build()));

    Throwable failure = failureOf(call);
    assertThat(failure).isInstanceOf(InterruptedIOException.class).hasMessage("timeout");
    release.countDown();
    awaitCondition(() -> tokens.cache.current != null);
    assertThat(tokens.token().value()).isEqualTo("A");
    assertThat(token.count()).isEqualTo(1);
  }

  @Test
  void canceledCallStopsWaitingOutARetryAfter() throws Exception {
    BlockingClock clock = new BlockingClock();
    token
        .then(json(503, "{}").setHeader("Retry-After", "20"))
        .then(json(200, "{\"access_token\":\"A\",\"expires_in\":3600}"));
    TokenManager tokens = manager(slowTokenClient(), clock, 3);
    OkHttpClient client = api(tokens, new OkHttpClient.Builder());

    Call call = client.newCall(new Request.Builder().url(server.url("/v1/a")).build());
    Future<Response> pending = execute(call);
    assertThat(clock.sleeping.await(60, TimeUnit.SECONDS)).isTrue(); // Waiting out Retry-After.
    call.cancel();

    assertThat(failureOf(pending)).hasMessage("Canceled");
    assertThat(clock.slept).containsExactly(20_000L);
    clock.wake.countDown();
    awaitCondition(() -> tokens.cache.current != null);
    assertThat(tokens.token().value()).isEqualTo("A");
    assertThat(token.count()).isEqualTo(2);
  }

  @Test
  void oneCallerNeverWaitsMoreThanThirtySecondsBetweenAttempts() throws Exception {
    TestClock clock = new TestClock();
    token.forever(request -> json(503, "{}"));
    TokenManager tokens = manager(new OkHttpClient(), clock, 10);

    assertThatThrownBy(tokens::token)
        .isInstanceOf(TokenRequestException.class)
        .matches(e -> ((TokenRequestException) e).isTransient());
    long waited = 0;
    for (long sleep : clock.sleeps) waited += sleep;
    assertThat(waited).isLessThanOrEqualTo(30_000L);
    assertThat(token.count()).isBetween(2, 10);
  }

  @Test
  void retryAfterLongerThanWhatRemainsFailsAtOnce() throws Exception {
    TestClock clock = new TestClock();
    token
        .then(json(429, "{}").setHeader("Retry-After", "20"))
        .then(json(429, "{}").setHeader("Retry-After", "20"))
        .then(token("A", 3600));
    TokenManager tokens = manager(new OkHttpClient(), clock, 10);

    assertThatThrownBy(tokens::token)
        .isInstanceOf(TokenRequestException.class)
        .matches(e -> ((TokenRequestException) e).isTransient())
        .matches(e -> ((TokenRequestException) e).code() == 429);
    assertThat(clock.sleeps).containsExactly(20_000L); // 20 s more would make 40.
    assertThat(token.count()).isEqualTo(2);
  }

  @Test
  void boundedDispatcherBusyWithWaitingCallsDoesNotStarveTheTokenRequest() throws Exception {
    token.then(token("A", 3600));
    api.forever(request -> json(200, "{}"));
    // Two dispatcher threads, both taken by calls that wait for the token: the token request must
    // not queue behind them.
    okhttp3.Dispatcher dispatcher = new okhttp3.Dispatcher(Executors.newFixedThreadPool(2));
    OkHttpClient base = new OkHttpClient.Builder().dispatcher(dispatcher).build();
    TokenManager tokens =
        new TokenManager.Builder(TestServer.endpoint(server).build(), Grant.clientCredentials())
            .addApiBaseUrl(server.url("/"))
            .client(base)
            .clock(new TestClock())
            .build();
    OkHttpClient client = api(tokens, base.newBuilder());

    List<java.util.concurrent.CompletableFuture<Integer>> codes = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      final java.util.concurrent.CompletableFuture<Integer> code =
          new java.util.concurrent.CompletableFuture<>();
      client
          .newCall(new Request.Builder().url(server.url("/v1/" + i)).build())
          .enqueue(
              new okhttp3.Callback() {
                @Override
                public void onFailure(Call call, IOException e) {
                  code.completeExceptionally(e);
                }

                @Override
                public void onResponse(Call call, Response response) {
                  code.complete(response.code());
                  response.close();
                }
              });
      codes.add(code);
    }
    for (java.util.concurrent.CompletableFuture<Integer> code : codes) {
      assertThat(code.get(60, TimeUnit.SECONDS)).isEqualTo(200);
    }
    assertThat(token.count()).isEqualTo(1);
    dispatcher.executorService().shutdown();
  }

  /** A token client that would wait two minutes: a caller returning sooner did not wait for it. */
  private static OkHttpClient slowTokenClient() {
    return new OkHttpClient.Builder()
        .callTimeout(120, TimeUnit.SECONDS)
        .readTimeout(120, TimeUnit.SECONDS)
        .build();
  }

  /** A clock whose sleep blocks until the test wakes it, so a wait can be observed. */
  static final class BlockingClock implements Clock {
    final CountDownLatch sleeping = new CountDownLatch(1);
    final CountDownLatch wake = new CountDownLatch(1);
    final List<Long> slept = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final TestClock time = new TestClock();

    @Override
    public long currentTimeMillis() {
      return time.currentTimeMillis();
    }

    @Override
    public void sleep(long millis) throws InterruptedException {
      slept.add(millis);
      sleeping.countDown();
      wake.await();
      time.advance(millis, TimeUnit.MILLISECONDS);
    }
  }
}
