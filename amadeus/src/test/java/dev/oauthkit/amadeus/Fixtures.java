/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.amadeus;

import dev.oauthkit.testing.TestClock;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okio.Buffer;

/** Recorded Amadeus responses and MockWebServer helpers. */
final class Fixtures {
  static final String CLIENT_ID = "test-api-key";

  /** Must never appear in a message, an excerpt or a toString(). */
  static final String CLIENT_SECRET = "canary-s3cret+%:&";

  /** The access token of token.json. */
  static final String ACCESS_TOKEN = "CpjU0sEenniHCgPDrndzOSWFk5mN";

  static final String AMADEUS_JSON = "application/vnd.amadeus+json";

  private Fixtures() {}

  /**
   * Returns the fixture {@code name}, with {@code {base}} replaced by {@code server}'s base URL.
   */
  static String read(String name, MockWebServer server) throws IOException {
    return read(name).replace("{base}", server.url("/").toString());
  }

  static String read(String name) throws IOException {
    try (InputStream in = Fixtures.class.getResourceAsStream(name)) {
      if (in == null) throw new AssertionError("no fixture " + name);
      return new Buffer().readFrom(in).readUtf8();
    }
  }

  static MockResponse response(int code, String contentType, String body) {
    return new MockResponse()
        .setResponseCode(code)
        .setHeader("Content-Type", contentType)
        .setBody(body);
  }

  /** An API response in Amadeus's media type. */
  static MockResponse amadeus(int code, String body) {
    return response(code, AMADEUS_JSON, body);
  }

  /** The token response of seed 000. */
  static MockResponse token() throws IOException {
    return response(200, "application/json", read("token.json"));
  }

  static MockResponse token(String accessToken) throws IOException {
    return response(200, "application/json", read("token.json").replace(ACCESS_TOKEN, accessToken));
  }

  static Amadeus.Builder amadeus(MockWebServer server, TestClock clock) {
    return Amadeus.builder()
        .clientId(CLIENT_ID)
        .clientSecret(CLIENT_SECRET)
        .baseUrl(server.url("/"))
        .clock(clock);
  }

  static RecordedRequest take(MockWebServer server) throws InterruptedException {
    RecordedRequest request = server.takeRequest(10, TimeUnit.SECONDS);
    if (request == null) throw new AssertionError("no request within 10 s");
    return request;
  }
}
