/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.learnamp;

import dev.oauthkit.testing.TestClock;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okio.Buffer;

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
    try (InputStream in = Fixtures.class.getResourceAsStream(name)) {
      if (in == null) throw new AssertionError("no fixture " + name);
      return new Buffer().readFrom(in).readUtf8();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  static MockResponse json(int code, String body) {
    return new MockResponse()
        .setResponseCode(code)
        .setHeader("Content-Type", "application/json")
        .setBody(body);
  }

  /** Learn Amp's token response (token.json) with {@code accessToken}. */
  static MockResponse token(String accessToken) {
    return json(200, read("token.json").replace(TOKEN, accessToken));
  }

  static LearnAmp.Builder learnAmp(MockWebServer server, TestClock clock) {
    return LearnAmp.builder()
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
