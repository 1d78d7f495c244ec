/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.amadeus;

import dev.oauthkit.testing.TestClock;
import dev.oauthkit.testing.TestHttp;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;

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
  static String read(String name, MockWebServer server) {
    return read(name).replace("{base}", server.url("/").toString());
  }

  static String read(String name) {
    return TestHttp.resource(Fixtures.class, name);
  }

  static MockResponse response(int code, String contentType, String body) {
    return TestHttp.response(code, contentType, body);
  }

  /** An API response in Amadeus's media type. */
  static MockResponse amadeus(int code, String body) {
    return response(code, AMADEUS_JSON, body);
  }

  /** The token response of seed 000. */
  static MockResponse token() {
    return response(200, "application/json", read("token.json"));
  }

  static MockResponse token(String accessToken) {
    return response(200, "application/json", read("token.json").replace(ACCESS_TOKEN, accessToken));
  }

  static Amadeus.Builder amadeus(MockWebServer server, TestClock clock) {
    return TestHttp.onServer(Amadeus.builder(), CLIENT_ID, CLIENT_SECRET, server, clock);
  }

  static RecordedRequest take(MockWebServer server) throws InterruptedException {
    return TestHttp.take(server);
  }
}
