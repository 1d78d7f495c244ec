/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
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
 * revokes every token it issued. Asserts that no call is lost, no token request is wasted and no
 * caller sends a revoked token twice.
 *
 * <p>Time is a {@link TestClock} that the engine and the server share, and that the server moves on
 * by 5 ms for each API call it answers; the run lasts 10 seconds of that time. Tokens age, and
 * revocations come, with the calls made, not with the speed of the machine: a busy machine makes
 * the run slower, never different. The threads still race each other on the real scheduler.
 *
 * <p>While a caller is between a 401 and its retry, the server neither moves the clock nor revokes.
 * The engine renews the token and retries at once; a token that expired or was revoked in that
 * moment would fail the retry for reasons of timing alone (the authenticator rightly never loops),
 * not because of anything the engine did.
 */
final class RevocationStressTest {
  private static final int THREADS = 32;
  private static final long RUN_MILLIS = 10_000;
  private static final long MILLIS_PER_CALL = 5;
  private static final long TOKEN_LIFETIME_MILLIS = 1_000;
  private static final long MIN_MILLIS_BETWEEN_REVOCATIONS = 500;
  private static final long MAX_MILLIS_BETWEEN_REVOCATIONS = 1_500;

  private final TestClock clock = new TestClock();

  // The server's state, guarded by this.

  /** Issued tokens and when they stop being accepted. */
  private final Map<String, Long> liveUntil = new HashMap<>();

  private final Set<String> revoked = new HashSet<>();

  /** How often each caller sent a token after the server revoked it, keyed "caller token". */
  private final Map<String, Integer> revokedUses = new HashMap<>();

  /** The callers whose last call the server refused: their retry is on its way. */
  private final Set<String> recovering = new HashSet<>();

  private long nextRevocationAt = TestClock.START_MILLIS + randomRevocationDelay();
  private int tokenRequests;
  private int revocations;
  private int refusals;

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
            .addApiBaseUrl(server.url("/"))
            .client(base)
            .clock(clock)
            .build();
    final OkHttpClient client =
        base.newBuilder()
            .addInterceptor(new TokenInterceptor(tokens))
            .authenticator(new TokenAuthenticator(tokens))
            .build();

    final long end = TestClock.START_MILLIS + RUN_MILLIS;
    final AtomicInteger calls = new AtomicInteger();
    final List<String> failures = new ArrayList<>();
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < THREADS; i++) {
      final String caller = "caller-" + i;
      Thread thread =
          new Thread(
              () -> {
                while (clock.currentTimeMillis() < end) {
                  calls.incrementAndGet();
                  Request request =
                      new Request.Builder()
                          .url(server.url("/api"))
                          .header("Caller", caller)
                          .build();
                  try (Response response = client.newCall(request).execute()) {
                    if (response.code() != 200) {
                      synchronized (failures) {
                        failures.add(caller + ": HTTP " + response.code());
                      }
                    }
                  } catch (IOException e) {
                    synchronized (failures) {
                      failures.add(caller + ": " + e);
                    }
                  }
                }
              },
              caller);
      threads.add(thread);
      thread.start();
    }
    for (Thread thread : threads) thread.join();
    server.shutdown();
    base.dispatcher().executorService().shutdown();

    long elapsed = clock.currentTimeMillis() - TestClock.START_MILLIS;
    synchronized (this) {
      System.out.printf(
          "stress: calls=%d failed=%d refused=%d token_requests=%d revocations=%d"
              + " elapsed=%d ms of test-clock time%n",
          calls.get(), failures.size(), refusals, tokenRequests, revocations, elapsed);
      assertThat(failures).isEmpty();
      // The clock moved only with answered calls, so at least this many were made.
      assertThat(calls.get()).isGreaterThanOrEqualTo((int) (RUN_MILLIS / MILLIS_PER_CALL));
      // At most 1.5 s apart over 10 s.
      assertThat(revocations)
          .isGreaterThanOrEqualTo((int) (RUN_MILLIS / MAX_MILLIS_BETWEEN_REVOCATIONS));
      // A token is renewed once half its lifetime has passed (the refresh-ahead window of a
      // 1-second token is 500 ms), and once after each revocation.
      long renewalsByAge = elapsed / (TOKEN_LIFETIME_MILLIS / 2) + 1;
      assertThat((long) tokenRequests).isLessThanOrEqualTo(renewalsByAge + revocations);
      for (Map.Entry<String, Integer> use : revokedUses.entrySet()) {
        assertThat(use.getValue()).as(use.getKey()).isLessThanOrEqualTo(1);
      }
    }
  }

  private static long randomRevocationDelay() {
    return ThreadLocalRandom.current()
        .nextLong(MIN_MILLIS_BETWEEN_REVOCATIONS, MAX_MILLIS_BETWEEN_REVOCATIONS);
  }

  private synchronized MockResponse issue() {
    tokenRequests++;
    String token = UUID.randomUUID().toString();
    liveUntil.put(token, clock.currentTimeMillis() + TOKEN_LIFETIME_MILLIS);
    return TestServer.token(token, TOKEN_LIFETIME_MILLIS / 1000);
  }

  private synchronized MockResponse serve(RecordedRequest request) {
    String caller = request.getHeader("Caller");
    String authorization = request.getHeader("Authorization");
    String token = authorization != null ? authorization.substring("Bearer ".length()) : "";
    if (revoked.contains(token)) revokedUses.merge(caller + " " + token, 1, Integer::sum);
    Long until = liveUntil.get(token);
    boolean refused = until == null || clock.currentTimeMillis() >= until;
    if (refused) {
      refusals++;
      recovering.add(caller);
    } else {
      recovering.remove(caller);
    }
    // Time passes, and revocations come, only while no retry is on its way.
    if (recovering.isEmpty()) advanceClock();
    return refused ? new MockResponse().setResponseCode(401) : new MockResponse().setBody("ok");
  }

  /** Moves the clock on by one call's worth; revokes every token when a revocation is due. */
  private void advanceClock() {
    clock.advance(MILLIS_PER_CALL, TimeUnit.MILLISECONDS);
    long now = clock.currentTimeMillis();
    if (now < nextRevocationAt) return;
    revocations++;
    revoked.addAll(liveUntil.keySet());
    liveUntil.clear();
    nextRevocationAt = now + randomRevocationDelay();
  }
}
