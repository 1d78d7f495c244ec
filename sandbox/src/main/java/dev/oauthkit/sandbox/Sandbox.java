/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.sandbox;

import dev.oauthkit.sandbox.internal.HttpMessages;
import dev.oauthkit.sandbox.internal.IssuedTokens;
import dev.oauthkit.sandbox.internal.SandboxClock;
import java.io.Closeable;
import java.io.IOException;
import java.net.InetAddress;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.HttpUrl;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.jspecify.annotations.Nullable;

/**
 * An offline stand-in for a provider, on a loopback port, for an app's own tests. It speaks the
 * provider's token protocol and its error bodies, and answers a few of its API paths with fixed
 * data. Start one in a test, point the provider's client at {@link #baseUrl()} with {@link
 * #CLIENT_ID} and {@link #CLIENT_SECRET}, then steer it with the controls and assert on the
 * counters:
 *
 * <pre>{@code
 * try (AmadeusSandbox sandbox = new AmadeusSandbox()) {
 *   sandbox.start();
 *   Amadeus amadeus = Amadeus.builder()
 *       .clientId(Sandbox.CLIENT_ID)
 *       .clientSecret(Sandbox.CLIENT_SECRET)
 *       .baseUrl(sandbox.baseUrl())
 *       .build();
 *   amadeus.execute(amadeus.api().checkinLinks("BA", null));
 *
 *   sandbox.revokeAllTokens(); // The next call gets a 401 and renews its token.
 *   amadeus.execute(amadeus.api().checkinLinks("BA", null));
 *
 *   assertThat(sandbox.tokenRequests("client_credentials")).isEqualTo(2);
 *   assertThat(sandbox.unauthorizedResponses()).isEqualTo(1);
 * }
 * }</pre>
 *
 * <p>The sandboxes are {@link AmadeusSandbox}, {@link LearnAmpSandbox} and {@link BindeoSandbox};
 * this class cannot be extended outside this package.
 *
 * <p><b>Threading.</b> Controls and counters are thread-safe and take effect for the next request
 * the sandbox reads. Counters count from {@link #start()} and are never reset: use a new sandbox
 * per test.
 *
 * <p><b>Time.</b> The sandbox judges token expiry by the system clock. A client that runs on a test
 * clock renews by its own clock: {@link #tokenLifetime} sets the {@code expires_in} it reads.
 */
public abstract class Sandbox implements Closeable {
  /** The client id every sandbox accepts. */
  public static final String CLIENT_ID = "sandbox-client";

  /** The client secret every sandbox accepts. */
  public static final String CLIENT_SECRET = "sandbox-secret";

  /** The access tokens issued, checked and revoked. */
  final IssuedTokens tokens = new IssuedTokens();

  private final MockWebServer server = new MockWebServer();
  private final String tokenPath;
  private volatile long tokenLifetimeMillis;
  private volatile boolean started;

  private final Object failureLock = new Object();
  private int failuresLeft; // Guarded by failureLock.
  private int failureCode; // Guarded by failureLock.
  private volatile boolean refuseRefreshTokens;
  private volatile boolean tokenEndpointDown;

  private final AtomicInteger tokenRequests = new AtomicInteger();
  private final ConcurrentHashMap<String, AtomicInteger> grantRequests = new ConcurrentHashMap<>();
  private final AtomicInteger apiCalls = new AtomicInteger();
  private final AtomicInteger unauthorizedResponses = new AtomicInteger();

  /**
   * @param tokenPath the token endpoint's path, such as {@code /access_token}.
   * @param tokenLifetimeSeconds the lifetime of access tokens until {@link #tokenLifetime} changes
   *     it.
   */
  Sandbox(String tokenPath, long tokenLifetimeSeconds) {
    this.tokenPath = tokenPath;
    this.tokenLifetimeMillis = TimeUnit.SECONDS.toMillis(tokenLifetimeSeconds);
  }

  /**
   * Starts the sandbox on a free loopback port.
   *
   * @throws IllegalStateException if it was started before.
   */
  public final void start() throws IOException {
    start(0);
  }

  /**
   * Starts the sandbox on loopback port {@code port}, so that programs in other processes can be
   * pointed at an address known in advance, such as {@code http://127.0.0.1:8080/}. Port 0 means a
   * free port, as {@link #start()} picks.
   *
   * @throws IllegalArgumentException if {@code port} is not between 0 and 65535.
   * @throws IllegalStateException if it was started before.
   * @throws IOException if the port is taken ({@link java.net.BindException}).
   */
  public final void start(int port) throws IOException {
    if (port < 0 || port > 65535) throw new IllegalArgumentException("port out of range: " + port);
    if (started) throw new IllegalStateException("already started");
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            try {
              return Sandbox.this.dispatch(request);
            } catch (RuntimeException e) {
              return new MockResponse()
                  .setResponseCode(500)
                  .setBody("sandbox failure: " + e.getClass().getName());
            }
          }
        });
    server.start(InetAddress.getLoopbackAddress(), port);
    started = true;
  }

  /**
   * Returns the root of the sandbox, such as {@code http://127.0.0.1:53122/}: pass it to the
   * provider builder's {@code baseUrl(...)}.
   *
   * @throws IllegalStateException if the sandbox was not started.
   */
  public final HttpUrl baseUrl() {
    if (!started) throw new IllegalStateException("call start() first");
    // The address it listens on, not a name that might resolve to another loopback address first.
    return new HttpUrl.Builder()
        .scheme("http")
        .host(InetAddress.getLoopbackAddress().getHostAddress())
        .port(server.getPort())
        .build();
  }

  /** Stops the sandbox and releases its port. */
  @Override
  public final void close() throws IOException {
    server.shutdown();
  }

  // Controls.

  /**
   * Sets how long access tokens issued from now on live: their {@code expires_in}, and when the
   * sandbox starts refusing them with the provider's 401. Tokens issued before keep their lifetime.
   *
   * @throws IllegalArgumentException if the lifetime is shorter than one second, the unit of {@code
   *     expires_in}.
   */
  public final void tokenLifetime(long duration, TimeUnit unit) {
    Objects.requireNonNull(unit, "unit == null");
    long millis = unit.toMillis(duration);
    if (millis < 1000) throw new IllegalArgumentException("tokenLifetime < 1 second: " + millis);
    this.tokenLifetimeMillis = millis;
  }

  /**
   * Revokes every access token issued so far: an API call that carries one gets the provider's 401
   * for a revoked token. Tokens issued afterwards work. Refresh tokens stay valid.
   */
  public final void revokeAllTokens() {
    tokens.revokeAll();
  }

  /**
   * Answers the next {@code count} token requests with HTTP {@code code} in the provider's own
   * error format, before reading them. Replaces what an earlier call left; {@code count} 0 clears
   * it. Whatever the code, the answers carry no {@code Retry-After} header: the providers document
   * none.
   *
   * @param code 429, or 500 to 599.
   * @throws IllegalArgumentException if {@code count} is negative or {@code code} is neither 429
   *     nor a 5xx.
   */
  public final void failNextTokenRequests(int count, int code) {
    if (count < 0) throw new IllegalArgumentException("count < 0: " + count);
    if (code != 429 && (code < 500 || code > 599)) {
      throw new IllegalArgumentException("code is neither 429 nor 5xx: " + code);
    }
    synchronized (failureLock) {
      failuresLeft = count;
      failureCode = code;
    }
  }

  /**
   * Sets whether {@code refresh_token} grants are refused as the provider refuses a refresh token
   * it no longer accepts. Only {@link BindeoSandbox} issues refresh tokens; the other sandboxes
   * refuse the grant either way.
   */
  public final void refuseRefreshTokens(boolean refuse) {
    this.refuseRefreshTokens = refuse;
  }

  /**
   * Sets whether the token endpoint is down: while it is, every token request is answered 503 in
   * the provider's error format. API calls with a live token still work.
   */
  public final void tokenEndpointDown(boolean down) {
    this.tokenEndpointDown = down;
  }

  // Counters.

  /** Returns how many requests reached the token endpoint, answered or failed. */
  public final int tokenRequests() {
    return tokenRequests.get();
  }

  /**
   * Returns how many token requests named the grant type {@code grantType}, such as {@code
   * "client_credentials"}, {@code "password"} or {@code "refresh_token"}, answered or failed. A
   * request the provider could not read (a body in another encoding) names no grant type.
   */
  public final int tokenRequests(String grantType) {
    Objects.requireNonNull(grantType, "grantType == null");
    AtomicInteger count = grantRequests.get(grantType);
    return count != null ? count.get() : 0;
  }

  /** Returns how many requests reached API paths: every path but the token endpoint's. */
  public final int apiCalls() {
    return apiCalls.get();
  }

  /** Returns how many API calls the sandbox answered with 401. */
  public final int unauthorizedResponses() {
    return unauthorizedResponses.get();
  }

  // What each provider's sandbox implements.

  /** Returns the grant type of a token request as the provider's server reads it, or null. */
  abstract @Nullable String grantType(RecordedRequest request);

  /** Answers a token request that no control intercepted. */
  abstract MockResponse token(RecordedRequest request, @Nullable String grantType);

  /** Answers the provider's error for {@code code} (429 or 5xx) at the token endpoint. */
  abstract MockResponse tokenFailure(int code);

  /** Answers an API call. */
  abstract MockResponse api(RecordedRequest request);

  /** Returns the lifetime of a token issued now, in milliseconds. */
  final long tokenLifetimeMillis() {
    return tokenLifetimeMillis;
  }

  /** Returns the {@code expires_in} of a token issued now. */
  final long expiresInSeconds() {
    return TimeUnit.MILLISECONDS.toSeconds(tokenLifetimeMillis);
  }

  /** Returns true if refresh-token grants are to be refused. */
  final boolean refusesRefreshTokens() {
    return refuseRefreshTokens;
  }

  /** Sets the clock the sandbox judges token expiry by; for this package's tests. */
  final void clock(SandboxClock clock) {
    tokens.clock(clock);
  }

  private MockResponse dispatch(RecordedRequest request) {
    if (HttpMessages.path(request).equals(tokenPath) && "POST".equals(request.getMethod())) {
      tokenRequests.incrementAndGet();
      String grantType = grantType(request);
      if (grantType != null) {
        AtomicInteger count = grantRequests.get(grantType);
        if (count == null) {
          AtomicInteger added = new AtomicInteger();
          count = grantRequests.putIfAbsent(grantType, added);
          if (count == null) count = added;
        }
        count.incrementAndGet();
      }
      if (tokenEndpointDown) return tokenFailure(503);
      int failure = nextFailure();
      if (failure != 0) return tokenFailure(failure);
      return token(request, grantType);
    }
    apiCalls.incrementAndGet();
    MockResponse response = api(request);
    if (HttpMessages.code(response) == 401) unauthorizedResponses.incrementAndGet();
    return response;
  }

  /** Returns the status code the next token request fails with, or 0. */
  private int nextFailure() {
    synchronized (failureLock) {
      if (failuresLeft == 0) return 0;
      failuresLeft--;
      return failureCode;
    }
  }
}
