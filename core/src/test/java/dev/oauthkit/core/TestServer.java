/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.core;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;

/** Helpers for scripting a token endpoint on MockWebServer. */
final class TestServer {
  static final String CLIENT_ID = "client-id";
  static final String CLIENT_SECRET = "s3cr3t-canary-client-secret";

  /**
   * The read timeout of {@link #timingOutClient}, for tests of an endpoint that never answers
   * ({@code SocketPolicy.NO_RESPONSE}): as no answer ever comes, the timeout is the only way out
   * whatever its length, which sets how long such a test takes, not whether it passes.
   */
  static final long HANG_READ_TIMEOUT_MILLIS = 1_500;

  private TestServer() {}

  static MockResponse json(int code, String body) {
    return new MockResponse()
        .setResponseCode(code)
        .setHeader("Content-Type", "application/json")
        .setBody(body);
  }

  /** An RFC 6749 token response. */
  static MockResponse token(String accessToken, long expiresIn) {
    return json(
        200,
        "{\"access_token\":\""
            + accessToken
            + "\",\"token_type\":\"Bearer\",\"expires_in\":"
            + expiresIn
            + "}");
  }

  static MockResponse token(String accessToken, long expiresIn, String refreshToken) {
    return json(
        200,
        "{\"access_token\":\""
            + accessToken
            + "\",\"token_type\":\"Bearer\",\"expires_in\":"
            + expiresIn
            + ",\"refresh_token\":\""
            + refreshToken
            + "\"}");
  }

  static TokenEndpoint.Builder endpoint(MockWebServer server) {
    return new TokenEndpoint.Builder()
        .url(server.url("/oauth/token"))
        .clientId(CLIENT_ID)
        .clientSecret(CLIENT_SECRET);
  }

  /**
   * A client that gives up on an answer after {@link #HANG_READ_TIMEOUT_MILLIS}: only for a server
   * that never answers. Every other test keeps OkHttp's default 10-second timeouts, which only a
   * real hang trips.
   */
  static OkHttpClient timingOutClient() {
    return new OkHttpClient.Builder()
        .readTimeout(HANG_READ_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)
        .build();
  }

  static RecordedRequest take(MockWebServer server) throws InterruptedException {
    RecordedRequest request = server.takeRequest(10, TimeUnit.SECONDS);
    if (request == null) throw new AssertionError("no request within 10 s");
    return request;
  }

  /**
   * Waits until {@code condition} holds, checking it every millisecond; fails after 20 seconds, a
   * guard that only a hang trips. Parks between checks rather than spinning, so that on a busy
   * machine the waiting thread does not take the CPU from the threads it waits for.
   */
  static void awaitCondition(BooleanSupplier condition) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() - deadline > 0) {
        throw new AssertionError("condition not met within 20 s");
      }
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
    }
  }
}
