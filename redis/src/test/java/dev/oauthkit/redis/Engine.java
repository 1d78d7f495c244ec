/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.redis;

import dev.oauthkit.core.Clock;
import dev.oauthkit.core.Grant;
import dev.oauthkit.core.TokenAuthenticator;
import dev.oauthkit.core.TokenEndpoint;
import dev.oauthkit.core.TokenInterceptor;
import dev.oauthkit.core.TokenListener;
import dev.oauthkit.core.TokenManager;
import dev.oauthkit.core.TokenStore;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;

/**
 * One instance of a fleet: its own {@link TokenManager}, OkHttp client and store, sharing nothing
 * with the others but Redis (if it has a {@link RedisTokenStore}) and the servers. Its callers
 * count what they got.
 */
final class Engine implements AutoCloseable {
  final String name;
  final TokenManager manager;
  final @Nullable RedisTokenStore store;
  final AtomicInteger ok = new AtomicInteger();
  final AtomicInteger failed = new AtomicInteger();
  final java.util.concurrent.atomic.AtomicReference<@Nullable String> firstFailure =
      new java.util.concurrent.atomic.AtomicReference<>();
  final AtomicInteger storeFailures = new AtomicInteger();

  /** Token requests this instance made that produced a token. */
  final AtomicInteger tokenRequests = new AtomicInteger();

  final AtomicLong firstStoreFailureNanos = new AtomicLong();
  private final OkHttpClient client;
  private final HttpUrl api;
  private final List<Thread> callers = new ArrayList<>();
  private volatile boolean stopped;

  /** Returns a builder for the manager of an instance, its API at {@code /api} of the server. */
  static TokenManager.Builder manager(
      HttpUrl tokenUrl, Grant grant, OkHttpClient client, Clock clock) {
    TokenEndpoint endpoint =
        new TokenEndpoint.Builder()
            .url(tokenUrl)
            .clientId("fleet")
            .clientSecret("fleet-client-secret")
            .build();
    return new TokenManager.Builder(endpoint, grant)
        .client(client)
        .clock(clock)
        .refreshAhead(1, TimeUnit.SECONDS)
        .addApiBaseUrl(tokenUrl.resolve("/api/"));
  }

  Engine(String name, FleetServer server, Grant grant, @Nullable RedisTokenStore store) {
    this.name = name;
    this.store = store;
    this.api = server.apiUrl();
    OkHttpClient base = new OkHttpClient();
    TokenManager.Builder builder =
        manager(server.tokenUrl(), grant, base, Clock.SYSTEM)
            .listener(
                new TokenListener() {
                  @Override
                  public void tokenRequestEnd(
                      String grantType, long expiresAtMillis, long durationMillis) {
                    tokenRequests.incrementAndGet();
                  }

                  @Override
                  public void storeFailed(IOException e) {
                    firstStoreFailureNanos.compareAndSet(0L, System.nanoTime());
                    storeFailures.incrementAndGet();
                  }
                });
    builder.store(store != null ? store : TokenStore.inMemory());
    this.manager = builder.build();
    this.client =
        base.newBuilder()
            .addInterceptor(new TokenInterceptor(manager))
            .authenticator(new TokenAuthenticator(manager))
            .build();
  }

  /** Starts {@code threads} callers, each calling the API until {@link #close}. */
  Engine start(int threads) {
    for (int i = 0; i < threads; i++) {
      Thread thread = new Thread(this::callUntilStopped, name + " caller " + i);
      thread.setDaemon(true);
      callers.add(thread);
      thread.start();
    }
    return this;
  }

  private void callUntilStopped() {
    while (!stopped) call();
  }

  void call() {
    try (Response response = client.newCall(new Request.Builder().url(api).build()).execute()) {
      if (response.code() == 200) {
        ok.incrementAndGet();
      } else {
        failed("HTTP " + response.code());
      }
    } catch (IOException | RuntimeException | Error e) {
      failed(e.toString());
    }
  }

  private void failed(String why) {
    failed.incrementAndGet();
    firstFailure.compareAndSet(null, why);
  }

  /** The token this instance serves now. */
  String token() throws IOException {
    return manager.token().value();
  }

  void stop() throws InterruptedException {
    stopped = true;
    for (Thread caller : callers) caller.join(TimeUnit.SECONDS.toMillis(30));
  }

  @Override
  public void close() throws InterruptedException {
    stop();
    if (store != null) store.close();
    client.dispatcher().executorService().shutdown();
    client.connectionPool().evictAll();
  }

  @Override
  public String toString() {
    return name
        + "{ok="
        + ok
        + ", failed="
        + failed
        + (firstFailure.get() != null ? " (first: " + firstFailure.get() + ")" : "")
        + ", tokenRequests="
        + tokenRequests
        + ", storeFailures="
        + storeFailures
        + "}";
  }
}
