/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * 32 threads share one client against a server that issues 1-second tokens and, at random moments,
 * revokes every token it issued. Runs on the real clock for about 10 seconds: this measures the
 * engine under contention, and asserts no call is lost and no token request is wasted.
 */
final class RevocationStressTest {
  private static final int THREADS = 32;
  private static final long RUN_MILLIS = 10_000;
  private static final long TOKEN_LIFETIME_MILLIS = 1_000;
  private static final long MIN_MILLIS_BETWEEN_REVOCATIONS = 500;

  /** Issued tokens and when they stop being accepted. */
  private final Map<String, Long> liveUntil = new ConcurrentHashMap<>();

  /** How often each caller sent a token after the server revoked it, keyed "caller token". */
  private final Map<String, AtomicInteger> revokedUses = new ConcurrentHashMap<>();

  private final Map<String, Boolean> revoked = new ConcurrentHashMap<>();
  private final AtomicInteger tokenRequests = new AtomicInteger();
  private final AtomicInteger revocations = new AtomicInteger();
  private final AtomicLong nextRevocationAt = new AtomicLong();

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS) // A deadlock fails here instead of hanging.
  void noCallIsLostUnderRevocations() throws Exception {
    MockWebServer server = new MockWebServer();
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            return request.getPath().startsWith("/oauth/token") ? issue() : serve(request);
          }
        });
    server.start();
    OkHttpClient base = new OkHttpClient();
    TokenManager tokens =
        new TokenManager.Builder(TestServer.endpoint(server).build(), Grant.clientCredentials())
            .client(base)
            .build();
    final OkHttpClient client =
        base.newBuilder()
            .addInterceptor(new TokenInterceptor(tokens))
            .authenticator(new TokenAuthenticator(tokens))
            .build();

    final AtomicInteger calls = new AtomicInteger();
    final AtomicInteger failed = new AtomicInteger();
    final List<String> failures = new ArrayList<>();
    final long start = System.currentTimeMillis();
    nextRevocationAt.set(start + randomRevocationDelay());
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < THREADS; i++) {
      final String caller = "caller-" + i;
      Thread thread =
          new Thread(
              () -> {
                while (System.currentTimeMillis() - start < RUN_MILLIS) {
                  calls.incrementAndGet();
                  Request request =
                      new Request.Builder()
                          .url(server.url("/api"))
                          .header("Caller", caller)
                          .build();
                  try (Response response = client.newCall(request).execute()) {
                    if (response.code() != 200) {
                      failed.incrementAndGet();
                      synchronized (failures) {
                        failures.add("HTTP " + response.code());
                      }
                    }
                  } catch (IOException e) {
                    failed.incrementAndGet();
                    synchronized (failures) {
                      failures.add(e.toString());
                    }
                  }
                }
              },
              caller);
      threads.add(thread);
      thread.start();
    }
    for (Thread thread : threads) thread.join();
    long elapsed = System.currentTimeMillis() - start;
    server.shutdown();
    base.dispatcher().executorService().shutdown();

    System.out.printf(
        "stress: calls=%d failed=%d token_requests=%d revocations=%d elapsed=%dms%n",
        calls.get(), failed.get(), tokenRequests.get(), revocations.get(), elapsed);
    assertThat(failures).isEmpty();
    assertThat(calls.get()).isGreaterThan(THREADS);
    assertThat(revocations.get()).isGreaterThan(3);
    // A token is renewed once half its lifetime has passed (the refresh-ahead window of a 1-second
    // token is 500 ms), and once after each revocation.
    long renewalsByAge = elapsed / (TOKEN_LIFETIME_MILLIS / 2) + 1;
    assertThat((long) tokenRequests.get()).isLessThanOrEqualTo(renewalsByAge + revocations.get());
    for (Map.Entry<String, AtomicInteger> use : revokedUses.entrySet()) {
      assertThat(use.getValue().get()).as(use.getKey()).isLessThanOrEqualTo(1);
    }
  }

  private long randomRevocationDelay() {
    return MIN_MILLIS_BETWEEN_REVOCATIONS + ThreadLocalRandom.current().nextLong(1000);
  }

  private MockResponse issue() {
    tokenRequests.incrementAndGet();
    String token = UUID.randomUUID().toString();
    liveUntil.put(token, System.currentTimeMillis() + TOKEN_LIFETIME_MILLIS);
    return TestServer.token(token, TOKEN_LIFETIME_MILLIS / 1000);
  }

  private MockResponse serve(RecordedRequest request) {
    long now = System.currentTimeMillis();
    long due = nextRevocationAt.get();
    if (now >= due && nextRevocationAt.compareAndSet(due, now + randomRevocationDelay())) {
      revocations.incrementAndGet();
      for (String token : liveUntil.keySet()) {
        revoked.put(token, true);
        liveUntil.remove(token);
      }
    }
    String authorization = request.getHeader("Authorization");
    String token = authorization != null ? authorization.substring("Bearer ".length()) : "";
    if (revoked.containsKey(token)) {
      revokedUses
          .computeIfAbsent(request.getHeader("Caller") + " " + token, k -> new AtomicInteger())
          .incrementAndGet();
    }
    Long until = liveUntil.get(token);
    if (until == null || now >= until) return new MockResponse().setResponseCode(401);
    return new MockResponse().setBody("ok");
  }
}
