/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.learnamp;

import dev.oauthkit.testing.TestClock;
import dev.oauthkit.testing.TestHttp;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;

/** Recorded responses and a client wired to MockWebServer. */
final class Fixtures {
  static final String CLIENT_ID = "la-client-id";

  /** A canary: it must never appear in a message, toString() or a header. */
  static final String CLIENT_SECRET = "s3cr3t-canary-learnamp";

  /** The access token of token.json. */
  static final String TOKEN = "abcd1234efgh5678";

  private Fixtures() {}

  /** Returns the text of {@code src/test/resources/dev/oauthkit/learnamp/<name>}. */
  static String read(String name) {
    return TestHttp.resource(Fixtures.class, name);
  }

  static MockResponse json(int code, String body) {
    return TestHttp.json(code, body);
  }

  /** Learn Amp's token response (token.json) with {@code accessToken}. */
  static MockResponse token(String accessToken) {
    return json(200, read("token.json").replace(TOKEN, accessToken));
  }

  static LearnAmp.Builder learnAmp(MockWebServer server, TestClock clock) {
    return TestHttp.onServer(LearnAmp.builder(), CLIENT_ID, CLIENT_SECRET, server, clock);
  }

  static RecordedRequest take(MockWebServer server) throws InterruptedException {
    return TestHttp.take(server);
  }
}
