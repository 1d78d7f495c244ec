/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.SocketPolicy;

/**
 * What every provider's fault-matrix test runs against: one MockWebServer whose token endpoint and
 * API are told apart by path, each with its {@link Script}, a {@link TestClock} and a {@link
 * RecordingTokenListener}. {@link #record} checks the request counts before recording a row.
 */
public final class FaultMatrixServer {
  /** The server; {@link #start} starts it. */
  public final MockWebServer server = new MockWebServer();

  /** The answers of the token endpoint. */
  public final Script token = new Script();

  /** The answers of every other path. */
  public final Script api = new Script();

  /** The clock to build the client under test with. */
  public final TestClock clock = new TestClock();

  /** The token listener to build the client under test with. */
  public final RecordingTokenListener listener = new RecordingTokenListener();

  private final FaultMatrix matrix;

  /** A server whose rows go into {@code matrix}. */
  public FaultMatrixServer(FaultMatrix matrix) {
    this.matrix = matrix;
  }

  /** Routes {@code tokenPath} to {@link #token} and all else to {@link #api}; starts the server. */
  public MockWebServer start(String tokenPath) throws IOException {
    server.setDispatcher(Script.route(tokenPath, token, api));
    server.start();
    return server;
  }

  /** Shuts the server down. */
  public void shutdown() throws IOException {
    server.shutdown();
  }

  /**
   * The read timeout of {@link #timingOutClient}. Only the row whose endpoint never answers uses
   * it, and as that endpoint never answers, the timeout is the only way out whatever its length:
   * the length sets how long the row takes (three attempts), not whether it passes.
   */
  public static final long HANG_READ_TIMEOUT_MILLIS = 1_500;

  /**
   * A client for every row but {@link #noResponse}: OkHttp's default 10-second timeouts, which only
   * a real hang trips, so a busy machine cannot turn a slow answer into a timeout.
   */
  public static OkHttpClient client() {
    return new OkHttpClient();
  }

  /**
   * A client for the row whose endpoint never answers ({@link #noResponse}): its read timeout is
   * {@link #HANG_READ_TIMEOUT_MILLIS}.
   */
  public static OkHttpClient timingOutClient() {
    return new OkHttpClient.Builder()
        .readTimeout(HANG_READ_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)
        .build();
  }

  /**
   * An answer that never comes: the server reads the request, then waits, without a timeout of its
   * own, until the client hangs up (or the server shuts down), so only the client's read timeout
   * ends the request.
   */
  public static MockResponse noResponse() {
    return new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE);
  }

  /**
   * {@code response} cut off midway: the server writes the headers and half the body, then closes
   * the connection. Nothing is timed: the client reads to the early end of the stream.
   */
  public static MockResponse disconnectedMidBody(MockResponse response) {
    return response.setSocketPolicy(SocketPolicy.DISCONNECT_DURING_RESPONSE_BODY);
  }

  /** A proxy's 502 HTML page. */
  public static MockResponse badGatewayPage() {
    return new MockResponse()
        .setResponseCode(502)
        .setHeader("Content-Type", "text/html")
        .setBody("<html><h1>502 Bad Gateway</h1></html>");
  }

  /**
   * Asserts that the token endpoint and the API saw exactly {@code tokenRequests} and {@code
   * apiRequests} requests, then records the row.
   */
  public void record(String row, String outcome, int tokenRequests, int apiRequests) {
    assertThat(token.count()).as("token requests").isEqualTo(tokenRequests);
    assertThat(api.count()).as("API requests").isEqualTo(apiRequests);
    matrix.record(row, outcome, tokenRequests, apiRequests);
  }
}
