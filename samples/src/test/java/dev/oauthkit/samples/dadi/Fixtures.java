/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.samples.dadi;

import dev.oauthkit.testing.TestClock;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;

/** DADI answers from seed 003 and providers.md, and MockWebServer helpers. */
final class Fixtures {
  /** The credentials of seed 003's example. */
  static final String CLIENT_ID = "testClient";

  /** Must never appear in a message, an excerpt or a toString(). */
  static final String SECRET = "superSecret-canary+%:&\"";

  /** The access token of seed 003's example response. */
  static final String ACCESS_TOKEN = "4172bbf1-0890-41c7-b0db-477095a288b6";

  static final String SECOND_TOKEN = "0b6b34f2-7c4e-4b8f-9e2a-5d1c3f7a9e10";

  static final String COLLECTIONS =
      "{\"collections\":[{\"version\":\"1.0\",\"database\":\"library\",\"name\":\"Books\","
          + "\"slug\":\"books\",\"path\":\"/1.0/library/books\"}],"
          + "\"media\":{\"buckets\":[\"mediaStore\"],\"defaultBucket\":\"mediaStore\"}}";

  static final String API_0005 =
      "{\"code\":\"API-0005\",\"title\":\"Unauthorised\",\"details\":\"The request could not be"
          + " fulfilled because it did not contain a valid bearer token.\"}";

  static final String INVALID_TOKEN =
      "Bearer, error=\"invalid_token\", error_description=\"Invalid or expired access token\"";

  private Fixtures() {}

  static MockResponse json(int code, String body) {
    return new MockResponse()
        .setResponseCode(code)
        .setHeader("Content-Type", "application/json")
        .setBody(body);
  }

  /** A v3 token response, as in seed 003. */
  static MockResponse token(String accessToken) {
    return json(
            200,
            "{\"accessToken\":\"" + accessToken + "\",\"tokenType\":\"Bearer\",\"expiresIn\":1800}")
        .setHeader("Cache-Control", "no-store")
        .setHeader("Pragma", "no-cache");
  }

  /** DADI's answer to wrong credentials at {@code /token}. */
  static MockResponse invalidCredentials() {
    return json(401, "{\"statusCode\":401}")
        .setHeader(
            "WWW-Authenticate",
            "Bearer, error=\"invalid_credentials\", error_description=\"Invalid credentials"
                + " supplied\"");
  }

  static Dadi.Builder dadi(MockWebServer server, TestClock clock) {
    return Dadi.builder()
        .baseUrl(server.url("/"))
        .clientId(CLIENT_ID)
        .clientSecret(SECRET)
        .clock(clock);
  }

  static RecordedRequest take(MockWebServer server) throws InterruptedException {
    RecordedRequest request = server.takeRequest(10, TimeUnit.SECONDS);
    if (request == null) throw new AssertionError("no request within 10 s");
    return request;
  }
}
