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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Guarantee 6: a 401 renews the token once and retries once, never loops. */
final class TokenAuthenticatorTest {
  private final MockWebServer tokenServer = new MockWebServer();
  private final MockWebServer api = new MockWebServer();
  private final TestClock clock = new TestClock();
  private final RecordingTokenListener listener = new RecordingTokenListener();
  private TokenManager tokens;
  private OkHttpClient client;

  @BeforeEach
  void setUp() throws Exception {
    tokenServer.start();
    api.start();
    OkHttpClient base = new OkHttpClient();
    tokens =
        new TokenManager.Builder(
                TestServer.endpoint(tokenServer).build(), Grant.clientCredentials())
            .client(base)
            .clock(clock)
            .listener(listener)
            .refreshExecutor(new ManualExecutor())
            .addApiBaseUrl(api.url("/"))
            .build();
    TokenInterceptor interceptor = new TokenInterceptor(tokens);
    client =
        base.newBuilder()
            .addInterceptor(interceptor)
            .addNetworkInterceptor(interceptor)
            .authenticator(new TokenAuthenticator(tokens))
            .build();
  }

  @AfterEach
  void tearDown() throws Exception {
    tokenServer.shutdown();
    api.shutdown();
  }

  private Response get(String path) throws IOException {
    return client.newCall(new Request.Builder().url(api.url(path)).build()).execute();
  }

  @Test
  void unauthorizedWithTheCurrentTokenFetchesOnceAndRetriesOnce() throws Exception {
    tokenServer.enqueue(token("A", 3600));
    tokenServer.enqueue(token("B", 3600));
    api.enqueue(new MockResponse().setResponseCode(401));
    api.enqueue(new MockResponse().setBody("ok"));

    try (Response response = get("/resource")) {
      assertThat(response.code()).isEqualTo(200);
      assertThat(response.body().string()).isEqualTo("ok");
    }

    assertThat(take(api).getHeader("Authorization")).isEqualTo("Bearer A");
    assertThat(take(api).getHeader("Authorization")).isEqualTo("Bearer B");
    assertThat(tokenServer.getRequestCount()).isEqualTo(2);
    assertThat(listener.events()).contains("invalidated");
  }

  @Test
  void unauthorizedWithAnAlreadyReplacedTokenRetriesWithTheCurrentOneWithoutFetching()
      throws Exception {
    tokenServer.enqueue(token("A", 3600));
    tokenServer.enqueue(token("B", 3600));
    assertThat(tokens.token().value()).isEqualTo("A");
    assertThat(tokens.refresh("A").value()).isEqualTo("B"); // Another call renewed it.

    api.enqueue(new MockResponse().setResponseCode(401));
    api.enqueue(new MockResponse().setBody("ok"));
    Request stale =
        new Request.Builder().url(api.url("/resource")).header("Authorization", "Bearer A").build();
    try (Response response = client.newCall(stale).execute()) {
      assertThat(response.code()).isEqualTo(200);
    }

    assertThat(take(api).getHeader("Authorization")).isEqualTo("Bearer A");
    assertThat(take(api).getHeader("Authorization")).isEqualTo("Bearer B");
    assertThat(tokenServer.getRequestCount()).isEqualTo(2);
  }

  @Test
  void secondUnauthorizedIsReturnedToTheCaller() throws Exception {
    tokenServer.enqueue(token("A", 3600));
    tokenServer.enqueue(token("B", 3600));
    api.enqueue(new MockResponse().setResponseCode(401).setBody("first"));
    api.enqueue(new MockResponse().setResponseCode(401).setBody("second"));

    try (Response response = get("/resource")) {
      assertThat(response.code()).isEqualTo(401);
      assertThat(response.body().string()).isEqualTo("second");
    }

    assertThat(api.getRequestCount()).isEqualTo(2);
    assertThat(tokenServer.getRequestCount()).isEqualTo(2);
  }

  @Test
  void tenConcurrentUnauthorizedForTheSameTokenFetchOnce() throws Exception {
    final AtomicInteger issued = new AtomicInteger();
    tokenServer.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            return token(issued.incrementAndGet() == 1 ? "A" : "B" + issued.get(), 3600);
          }
        });
    api.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            return "Bearer A".equals(request.getHeader("Authorization"))
                ? new MockResponse().setResponseCode(401)
                : new MockResponse().setBody(request.getHeader("Authorization"));
          }
        });
    tokens.token(); // Everyone starts with A.

    ExecutorService threads = Executors.newFixedThreadPool(10);
    try {
      List<Future<String>> results = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
        results.add(
            threads.submit(
                () -> {
                  try (Response response = get("/resource")) {
                    return response.code() + " " + response.body().string();
                  }
                }));
      }
      for (Future<String> result : results) {
        assertThat(result.get(10, TimeUnit.SECONDS)).isEqualTo("200 Bearer B2");
      }
    } finally {
      threads.shutdownNow();
    }
    assertThat(tokenServer.getRequestCount()).isEqualTo(2);
  }

  @Test
  void currentTokenRevokedWithTheOldOneGetsOneRenewal() throws Exception {
    tokenServer.enqueue(token("A", 3600));
    tokenServer.enqueue(token("B", 3600));
    tokenServer.enqueue(token("C", 3600));
    tokens.token();
    tokens.refresh("A"); // Another call renewed A to B; then the server revoked both.

    api.enqueue(new MockResponse().setResponseCode(401));
    api.enqueue(new MockResponse().setResponseCode(401));
    api.enqueue(new MockResponse().setBody("ok"));
    Request stale =
        new Request.Builder().url(api.url("/resource")).header("Authorization", "Bearer A").build();
    try (Response response = client.newCall(stale).execute()) {
      assertThat(response.code()).isEqualTo(200);
    }

    assertThat(take(api).getHeader("Authorization")).isEqualTo("Bearer A");
    assertThat(take(api).getHeader("Authorization")).isEqualTo("Bearer B");
    assertThat(take(api).getHeader("Authorization")).isEqualTo("Bearer C");
    assertThat(tokenServer.getRequestCount()).isEqualTo(3);
  }

  @Test
  void neverMoreThanThreeAttempts() throws Exception {
    tokenServer.enqueue(token("A", 3600));
    tokenServer.enqueue(token("B", 3600));
    tokenServer.enqueue(token("C", 3600));
    tokens.token();
    tokens.refresh("A");
    for (int i = 0; i < 5; i++) api.enqueue(new MockResponse().setResponseCode(401));

    Request stale =
        new Request.Builder().url(api.url("/resource")).header("Authorization", "Bearer A").build();
    try (Response response = client.newCall(stale).execute()) {
      assertThat(response.code()).isEqualTo(401);
    }
    assertThat(api.getRequestCount()).isEqualTo(3);
    assertThat(tokenServer.getRequestCount()).isEqualTo(3);
  }

  @Test
  void hugeRetryAfterOnAnApiCallIsAnIoExceptionNotACrash() throws Exception {
    tokenServer.enqueue(token("A", 3600));
    api.enqueue(new MockResponse().setResponseCode(503).setHeader("Retry-After", "99999999999"));

    assertThatThrownBy(() -> get("/resource").close())
        .isInstanceOf(IOException.class)
        .hasCauseInstanceOf(NumberFormatException.class);
  }

  @Test
  void forbiddenDoesNotRenew() throws Exception {
    tokenServer.enqueue(token("A", 3600));
    api.enqueue(new MockResponse().setResponseCode(403));

    try (Response response = get("/resource")) {
      assertThat(response.code()).isEqualTo(403);
    }

    assertThat(api.getRequestCount()).isEqualTo(1);
    assertThat(tokenServer.getRequestCount()).isEqualTo(1);
  }

  @Test
  void unauthorizedForACallersOwnCredentialsIsReturnedAsIs() throws Exception {
    api.enqueue(new MockResponse().setResponseCode(401));
    Request own =
        new Request.Builder()
            .url(api.url("/resource"))
            .header("Authorization", "Bearer somebody-elses")
            .build();

    try (Response response = client.newCall(own).execute()) {
      assertThat(response.code()).isEqualTo(401);
    }
    assertThat(tokenServer.getRequestCount()).isZero();
  }

  @Test
  void renewalPolicyCanDeclineA401() throws Exception {
    OkHttpClient declining =
        client
            .newBuilder()
            .authenticator(
                new TokenAuthenticator(
                    tokens, response -> !response.peekBody(1024).string().contains("key revoked")))
            .build();
    tokenServer.enqueue(token("A", 3600));
    api.enqueue(new MockResponse().setResponseCode(401).setBody("{\"error\":\"key revoked\"}"));

    try (Response response =
        declining.newCall(new Request.Builder().url(api.url("/r")).build()).execute()) {
      assertThat(response.code()).isEqualTo(401);
    }
    assertThat(tokenServer.getRequestCount()).isEqualTo(1);
  }

  @Test
  void unauthorizedOnAnAsyncCallRenewsAndRetries() throws Exception {
    tokenServer.enqueue(token("A", 3600));
    tokenServer.enqueue(token("B", 3600));
    api.enqueue(new MockResponse().setResponseCode(401));
    api.enqueue(new MockResponse().setBody("ok"));

    final CompletableFuture<String> result = new CompletableFuture<>();
    client
        .newCall(new Request.Builder().url(api.url("/resource")).build())
        .enqueue(
            new Callback() {
              @Override
              public void onFailure(Call call, IOException e) {
                result.completeExceptionally(e);
              }

              @Override
              public void onResponse(Call call, Response response) throws IOException {
                try (Response r = response) {
                  result.complete(r.code() + " " + r.body().string());
                }
              }
            });

    assertThat(result.get(10, TimeUnit.SECONDS)).isEqualTo("200 ok");
    assertThat(take(api).getHeader("Authorization")).isEqualTo("Bearer A");
    assertThat(take(api).getHeader("Authorization")).isEqualTo("Bearer B");
  }

  @Test
  void tokenFailureDuringRenewalFailsTheCallWithTheTypedError() throws Exception {
    tokenServer.enqueue(token("A", 3600));
    tokenServer.enqueue(json(401, "{\"error\":\"invalid_client\"}"));
    api.enqueue(new MockResponse().setResponseCode(401));

    try {
      get("/resource").close();
      throw new AssertionError("expected TokenRequestException");
    } catch (TokenRequestException e) {
      assertThat(e.error()).isEqualTo("invalid_client");
    }
    assertThat(api.getRequestCount()).isEqualTo(1);
  }
}
