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

  /** A client whose 200 ms read timeout makes an endpoint that never answers fail fast. */
  public static OkHttpClient client() {
    return new OkHttpClient.Builder().readTimeout(200, TimeUnit.MILLISECONDS).build();
  }

  /** An answer that never comes. */
  public static MockResponse noResponse() {
    return new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE);
  }

  /** {@code response}, its body sent slowly and cut off midway. */
  public static MockResponse disconnectedMidBody(MockResponse response) {
    return response
        .throttleBody(16, 5, TimeUnit.MILLISECONDS)
        .setSocketPolicy(SocketPolicy.DISCONNECT_DURING_RESPONSE_BODY);
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
