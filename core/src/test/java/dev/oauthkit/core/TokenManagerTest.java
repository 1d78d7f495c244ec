/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.core;

import static dev.oauthkit.core.TestServer.take;
import static dev.oauthkit.core.TestServer.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.logging.HttpLoggingInterceptor;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The manager's wiring: custom sources, failing stores and listeners, the derived client. */
final class TokenManagerTest {
  private final MockWebServer server = new MockWebServer();
  private final TestClock clock = new TestClock();
  private final RecordingTokenListener listener = new RecordingTokenListener();

  @BeforeEach
  void setUp() throws Exception {
    server.start();
  }

  @AfterEach
  void tearDown() throws Exception {
    server.shutdown();
  }

  @Test
  void customTokenSourceIsCachedAndNeedsAnApiBaseUrl() throws Exception {
    final AtomicInteger calls = new AtomicInteger();
    TokenSource backend =
        grant ->
            new AccessToken.Builder()
                .value("from-backend-" + calls.incrementAndGet())
                .issuedAtMillis(clock.currentTimeMillis())
                .expiresAtMillis(clock.currentTimeMillis() + 3_600_000)
                .build();

    assertThatThrownBy(() -> new TokenManager.Builder(backend, Grant.clientCredentials()).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("addApiBaseUrl required");

    TokenManager tokens =
        new TokenManager.Builder(backend, Grant.clientCredentials())
            .clock(clock)
            .addApiBaseUrl(server.url("/api/"))
            .build();
    assertThat(tokens.token().value()).isEqualTo("from-backend-1");
    assertThat(tokens.token().value()).isEqualTo("from-backend-1");
    assertThat(calls.get()).isEqualTo(1);
    assertThat(tokens.isInScope(server.url("/api/x"))).isTrue();
    assertThat(tokens.isInScope(server.url("/apix"))).isFalse();
  }

  @Test
  void failingStoreDoesNotFailTheCall() throws Exception {
    TokenStore broken =
        new TokenStore() {
          @Override
          public @Nullable AccessToken get(String key) throws IOException {
            throw new IOException("store down");
          }

          @Override
          public void put(String key, AccessToken token) throws IOException {
            throw new IOException("store down");
          }

          @Override
          public void remove(String key) {
            throw new IllegalStateException("bug in store");
          }
        };
    TokenManager tokens =
        new TokenManager.Builder(TestServer.endpoint(server).build(), Grant.clientCredentials())
            .addApiBaseUrl(server.url("/"))
            .clock(clock)
            .store(broken)
            .listener(listener)
            .build();
    server.enqueue(token("A", 3600));

    assertThat(tokens.token().value()).isEqualTo("A");
    assertThat(tokens.token().value()).isEqualTo("A");
    tokens.clear();

    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(listener.count("storeFailed")).isGreaterThanOrEqualTo(3);
    assertThat(listener.events())
        .contains("storeFailed token store failed: java.lang.IllegalStateException");
  }

  @Test
  void throwingListenerDoesNotFailTheCall() throws Exception {
    TokenListener throwing =
        new TokenListener() {
          @Override
          public void tokenRequestStart(String grantType) {
            throw new IllegalStateException("listener bug");
          }

          @Override
          public void tokenRequestEnd(String grantType, long expiresAtMillis, long durationMillis) {
            throw new IllegalStateException("listener bug");
          }
        };
    TokenManager tokens =
        new TokenManager.Builder(TestServer.endpoint(server).build(), Grant.clientCredentials())
            .addApiBaseUrl(server.url("/"))
            .listener(throwing)
            .build();
    server.enqueue(token("A", 3600));

    assertThat(tokens.token().value()).isEqualTo("A");
  }

  @Test
  void tokenRequestsSkipTheCallersAuthAndLogging() throws Exception {
    final List<String> logged = new ArrayList<>();
    HttpLoggingInterceptor logging = new HttpLoggingInterceptor(logged::add);
    logging.setLevel(HttpLoggingInterceptor.Level.BODY);
    OkHttpClient base = new OkHttpClient.Builder().addInterceptor(logging).build();
    TokenManager tokens =
        new TokenManager.Builder(TestServer.endpoint(server).build(), Grant.clientCredentials())
            .addApiBaseUrl(server.url("/"))
            .client(base)
            .build();
    // A common mistake: handing the manager the already-authenticated client.
    OkHttpClient authenticated =
        base.newBuilder()
            .addInterceptor(new TokenInterceptor(tokens))
            .authenticator(new TokenAuthenticator(tokens))
            .build();
    TokenManager second =
        new TokenManager.Builder(
                TestServer.endpoint(server).scope("other").build(), Grant.clientCredentials())
            .addApiBaseUrl(server.url("/"))
            .client(authenticated)
            .build();
    server.enqueue(token("second-token", 3600));
    server.enqueue(token("canary-token-value", 3600));
    server.enqueue(new MockResponse().setBody("api"));

    assertThat(second.token().value()).isEqualTo("second-token");
    try (Response response =
        authenticated.newCall(new Request.Builder().url(server.url("/api")).build()).execute()) {
      assertThat(response.body().string()).isEqualTo("api");
    }

    assertThat(take(server).getHeader("Authorization")).startsWith("Basic ");
    assertThat(take(server).getHeader("Authorization")).startsWith("Basic ");
    assertThat(take(server).getHeader("Authorization")).isEqualTo("Bearer canary-token-value");
    assertThat(String.join("\n", logged))
        .contains("/api")
        .doesNotContain("/oauth/token")
        .doesNotContain(TestServer.CLIENT_SECRET);
  }

  @Test
  void defaultLifetimeAppliesToTokensWithoutExpiresIn() throws Exception {
    TokenManager tokens =
        new TokenManager.Builder(TestServer.endpoint(server).build(), Grant.clientCredentials())
            .addApiBaseUrl(server.url("/"))
            .clock(clock)
            .defaultLifetime(10, TimeUnit.MINUTES)
            .build();
    server.enqueue(TestServer.json(200, "{\"access_token\":\"A\"}"));

    AccessToken token = tokens.token();
    assertThat(token.expiresAtMillis()).isEqualTo(TestClock.START_MILLIS + 600_000);
  }

  @Test
  void builderRejectsBadValues() {
    TokenManager.Builder builder =
        new TokenManager.Builder(TestServer.endpoint(server).build(), Grant.clientCredentials())
            .addApiBaseUrl(server.url("/"));
    assertThatThrownBy(() -> builder.maxAttempts(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> builder.refreshAhead(-1, TimeUnit.SECONDS))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> builder.defaultLifetime(0, TimeUnit.SECONDS))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> builder.addApiBaseUrl(HttpUrl.get("http://api.example.com/")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("plain http");
    assertThatThrownBy(() -> new AccessToken.Builder().issuedAtMillis(1).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("value required.");
  }
}
