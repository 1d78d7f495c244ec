/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.redis;

import java.io.IOException;
import java.net.URLDecoder;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import okhttp3.HttpUrl;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.jspecify.annotations.Nullable;

/**
 * The one authorization server and API of a fleet test: a token endpoint that issues {@code
 * access-1}, {@code access-2}, … with rotating refresh tokens {@code refresh-1}, {@code refresh-2},
 * … (each usable once; the fleet starts with {@code refresh-0}), and an API at {@code /api} that
 * accepts any issued token not revoked. The API does not enforce expiry: on a busy machine a call
 * sent just before its token expired may arrive just after, and the tests count renewals the
 * engines decide on, not ones a slow machine forces.
 */
final class FleetServer extends Dispatcher implements AutoCloseable {
  /** One token request as the server saw it. */
  static final class TokenRequest {
    final long atNanos;
    final String grantType;
    final @Nullable String refreshToken;
    final int status;

    TokenRequest(long atNanos, String grantType, @Nullable String refreshToken, int status) {
      this.atNanos = atNanos;
      this.grantType = grantType;
      this.refreshToken = refreshToken;
      this.status = status;
    }

    @Override
    public String toString() {
      return grantType + (refreshToken != null ? " " + refreshToken : "") + " → " + status;
    }
  }

  private final MockWebServer server = new MockWebServer();
  private volatile long expiresInSeconds;
  private final List<TokenRequest> tokenRequests = new ArrayList<>(); // Guarded by this.
  private final Set<String> valid = ConcurrentHashMap.newKeySet();
  private final Set<String> unspentRefreshTokens = ConcurrentHashMap.newKeySet();
  private int issued; // Guarded by this.
  private final java.util.concurrent.atomic.AtomicInteger received =
      new java.util.concurrent.atomic.AtomicInteger();
  private volatile @Nullable CountDownLatch hang;
  private volatile int hangAtRequest = -1;

  FleetServer(long expiresInSeconds) throws IOException {
    this.expiresInSeconds = expiresInSeconds;
    unspentRefreshTokens.add("refresh-0"); // What a fleet of refresh-token grants starts with.
    server.setDispatcher(this);
    server.start();
  }

  /** Tokens issued from now on live {@code seconds}. */
  void expiresIn(long seconds) {
    expiresInSeconds = seconds;
  }

  HttpUrl tokenUrl() {
    return server.url("/oauth/token");
  }

  HttpUrl apiUrl() {
    return server.url("/api/data");
  }

  /** Token request number {@code number} (1-based) hangs until {@link #close}. */
  void hangTokenRequest(int number) {
    hang = new CountDownLatch(1);
    hangAtRequest = number;
  }

  /** Revokes every token issued so far: the API answers 401 to them. */
  void revokeAll() {
    valid.clear();
  }

  synchronized List<TokenRequest> tokenRequests() {
    return new ArrayList<>(tokenRequests);
  }

  /** Waits until the token endpoint has answered {@code count} requests. */
  synchronized void awaitTokenRequests(int count, long timeout, TimeUnit unit)
      throws InterruptedException {
    long deadline = System.nanoTime() + unit.toNanos(timeout);
    while (answered() < count) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new AssertionError("token requests: " + tokenRequests + ", wanted " + count);
      }
      TimeUnit.NANOSECONDS.timedWait(this, left);
    }
  }

  /** Waits until {@code count} token requests have arrived, answered or not. */
  synchronized void awaitReceived(int count, long timeout, TimeUnit unit)
      throws InterruptedException {
    long deadline = System.nanoTime() + unit.toNanos(timeout);
    while (received.get() < count) {
      long left = deadline - System.nanoTime();
      if (left <= 0) throw new AssertionError("token requests received: " + received);
      TimeUnit.NANOSECONDS.timedWait(this, left);
    }
  }

  private int answered() {
    return tokenRequests.size();
  }

  @Override
  public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
    String path = request.getPath() != null ? request.getPath() : "";
    if (path.startsWith("/api")) {
      String authorization = request.getHeader("Authorization");
      if (authorization != null
          && authorization.startsWith("Bearer ")
          && valid.contains(authorization.substring(7))) {
        return new MockResponse().setBody("{\"ok\":true}");
      }
      return new MockResponse().setResponseCode(401).setBody("{\"error\":\"invalid_token\"}");
    }
    return token(request);
  }

  private MockResponse token(RecordedRequest request) throws InterruptedException {
    long at = System.nanoTime();
    String body = request.getBody().readUtf8();
    String grantType = String.valueOf(field(body, "grant_type"));
    String refreshToken = field(body, "refresh_token");
    int number = received.incrementAndGet();
    synchronized (this) {
      notifyAll();
    }
    CountDownLatch hang = this.hang;
    if (hang != null && number == hangAtRequest) {
      hang.await(); // Until the test ends: the client that sent it is killed meanwhile.
      return new MockResponse().setResponseCode(503);
    }
    synchronized (this) {
      if (grantType.equals("refresh_token") && !unspentRefreshTokens.remove(refreshToken)) {
        tokenRequests.add(new TokenRequest(at, grantType, refreshToken, 400));
        notifyAll();
        return new MockResponse()
            .setResponseCode(400)
            .setHeader("Content-Type", "application/json")
            .setBody("{\"error\":\"invalid_grant\"}");
      }
      int n = ++issued;
      valid.add("access-" + n);
      unspentRefreshTokens.add("refresh-" + n);
      tokenRequests.add(new TokenRequest(at, grantType, refreshToken, 200));
      notifyAll();
      return new MockResponse()
          .setHeader("Content-Type", "application/json")
          .setBody(
              "{\"access_token\":\"access-"
                  + n
                  + "\",\"token_type\":\"Bearer\",\"expires_in\":"
                  + expiresInSeconds
                  + ",\"refresh_token\":\"refresh-"
                  + n
                  + "\"}");
    }
  }

  private static @Nullable String field(String form, String name) {
    for (String pair : form.split("&")) {
      int equals = pair.indexOf('=');
      if (equals > 0 && pair.substring(0, equals).equals(name)) {
        try {
          return URLDecoder.decode(pair.substring(equals + 1), "UTF-8");
        } catch (java.io.UnsupportedEncodingException e) {
          throw new AssertionError(e);
        }
      }
    }
    return null;
  }

  @Override
  public void close() throws IOException {
    CountDownLatch hang = this.hang;
    if (hang != null) hang.countDown();
    server.shutdown();
  }
}
