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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 12 item 1: nothing unchecked reaches OkHttp's threads, whatever a token or plug-in does.
 */
@Timeout(60)
final class HostileTokenTest {
  private final MockWebServer server = new MockWebServer();
  private final TestClock clock = new TestClock();
  private final Script token = new Script();
  private final Script api = new Script();

  @BeforeEach
  void setUp() throws IOException {
    server.setDispatcher(Script.route("/oauth/token", token, api));
    server.start();
  }

  @AfterEach
  void tearDown() throws IOException {
    server.shutdown();
  }

  private TokenManager manager(TokenListener listener) {
    return new TokenManager.Builder(TestServer.endpoint(server).build(), Grant.clientCredentials())
        .addApiBaseUrl(server.url("/"))
        .clock(clock)
        .listener(listener)
        .maxAttempts(1)
        .build();
  }

  private OkHttpClient api(TokenManager tokens) {
    return new OkHttpClient.Builder()
        .addInterceptor(new TokenInterceptor(tokens))
        .authenticator(new TokenAuthenticator(tokens))
        .build();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"abc\\r\\nX-Injected: 1", "t\\u00f6ken", "abc\\u0000def", "a b", "abc\\u007f"})
  void headerUnsafeAccessTokenIsATypedParseErrorAndNeverCached(String jsonEscapedValue)
      throws Exception {
    token.forever(
        request ->
            json(
                200,
                "{\"access_token\":\""
                    + jsonEscapedValue
                    + "\",\"token_type\":\"Bearer\","
                    + "\"expires_in\":3600}"));
    TokenManager tokens = manager(TokenListener.NONE);

    assertThatThrownBy(tokens::token)
        .isInstanceOf(TokenRequestException.class)
        .hasMessageStartingWith("malformed token response")
        .hasMessageContaining("cannot go into an HTTP header")
        .hasMessageNotContaining("abc");
    assertThatThrownBy(tokens::token).isInstanceOf(TokenRequestException.class);
    assertThat(token.count()).isEqualTo(2); // Nothing was cached: each call asks again.
    assertThat(api.count()).isZero(); // No call was made with it.
  }

  @Test
  void headerUnsafeTokenOnEnqueueFailsTheCallTypedInsteadOfCrashingTheDispatcher()
      throws Exception {
    token.forever(
        request -> json(200, "{\"access_token\":\"bad\\r\\nvalue\",\"token_type\":\"Bearer\"}"));
    OkHttpClient client = api(manager(TokenListener.NONE));

    IOException failure = enqueue(client, new Request.Builder().url(server.url("/v1/x")).build());

    // OkHttp reports an unchecked exception as "canceled due to …" and then rethrows it on its
    // dispatcher thread; a typed failure means nothing unchecked got there.
    assertThat(failure).isInstanceOf(TokenRequestException.class);
    assertThat(api.count()).isZero();
  }

  @Test
  void customSourceBuildingAHeaderUnsafeTokenIsTyped() {
    TokenSource source =
        grant ->
            new AccessToken.Builder()
                .value("line\nbreak")
                .issuedAtMillis(clock.currentTimeMillis())
                .build();
    TokenManager tokens =
        new TokenManager.Builder(source, Grant.clientCredentials())
            .clock(clock)
            .addApiBaseUrl(server.url("/"))
            .build();

    assertThatThrownBy(tokens::token)
        .isInstanceOf(TokenRequestException.class)
        .hasMessage("token request failed: unexpected java.lang.IllegalArgumentException");
  }

  @Test
  void accessTokenBuilderRefusesHeaderUnsafeValuesWithoutQuotingThem() {
    assertThatThrownBy(() -> new AccessToken.Builder().value("sécret").issuedAtMillis(0).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("value has characters not allowed in an HTTP header");
    assertThatThrownBy(
            () ->
                new AccessToken.Builder()
                    .value("ok")
                    .tokenType("Bearer\r\n")
                    .issuedAtMillis(0)
                    .build())
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void hostileStoreListenerAndPolicyOnlyEverSurfaceAsIoExceptions() throws Exception {
    TokenStore store =
        new TokenStore() {
          @Override
          public AccessToken get(String key) {
            throw new IllegalStateException("store get");
          }

          @Override
          public void put(String key, AccessToken token) {
            throw new OutOfMemoryError("store put");
          }

          @Override
          public void remove(String key) {
            throw new IllegalStateException("store remove");
          }
        };
    TokenListener listener = new ThrowingListener();
    TokenManager tokens =
        new TokenManager.Builder(TestServer.endpoint(server).build(), Grant.clientCredentials())
            .addApiBaseUrl(server.url("/"))
            .clock(clock)
            .store(store)
            .storeKey("k")
            .listener(listener)
            .maxAttempts(1)
            .build();
    OkHttpClient client =
        new OkHttpClient.Builder()
            .addInterceptor(new TokenInterceptor(tokens))
            .authenticator(
                new TokenAuthenticator(
                    tokens,
                    response -> {
                      throw new IllegalStateException("policy");
                    }))
            .build();
    token.forever(request -> token("A", 3600));
    api.then(json(200, "{}")).then(json(401, "{}"));

    // The store and the listener throw on every use: the call still succeeds.
    try (Response response =
        client.newCall(new Request.Builder().url(server.url("/v1/x")).build()).execute()) {
      assertThat(response.code()).isEqualTo(200);
    }
    // The renewal policy throws: the call fails with an IOException, on enqueue too.
    IOException failure = enqueue(client, new Request.Builder().url(server.url("/v1/y")).build());
    assertThat(failure).hasMessage("token engine failed: java.lang.IllegalStateException");
    assertThat(failure.getMessage()).doesNotStartWith("canceled due to");
  }

  private static IOException enqueue(OkHttpClient client, Request request) throws Exception {
    final CompletableFuture<IOException> result = new CompletableFuture<>();
    client
        .newCall(request)
        .enqueue(
            new Callback() {
              @Override
              public void onFailure(Call call, IOException e) {
                result.complete(e);
              }

              @Override
              public void onResponse(Call call, Response response) {
                response.close();
                result.completeExceptionally(new AssertionError("HTTP " + response.code()));
              }
            });
    return result.get(30, TimeUnit.SECONDS);
  }

  @SuppressWarnings("unchecked")
  static <E extends Throwable> void sneakyThrow(Throwable e) throws E {
    throw (E) e;
  }

  /** Throws a checked exception, as Kotlin code may, from every event. */
  static final class ThrowingListener extends TokenListener {
    @Override
    public void tokenRequestStart(String grantType) {
      sneakyThrow(new IOException("start"));
    }

    @Override
    public void tokenRequestEnd(String grantType, long expiresAtMillis, long durationMillis) {
      sneakyThrow(new IOException("end"));
    }

    @Override
    public void tokenRequestFailed(String grantType, IOException e, long durationMillis) {
      throw new IllegalStateException("failed");
    }

    @Override
    public void tokenRequestRetry(String grantType, int attempt, long delayMillis) {
      sneakyThrow(new Exception("retry"));
    }

    @Override
    public void tokenInvalidated() {
      throw new StackOverflowError("invalidated");
    }

    @Override
    public void refreshTokenRejected(TokenRequestException e) {
      sneakyThrow(new IOException("rejected"));
    }

    @Override
    public void storeFailed(IOException e) {
      throw new IllegalStateException("storeFailed");
    }
  }
}
