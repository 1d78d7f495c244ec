/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.testing;

import dev.oauthkit.core.Clock;
import dev.oauthkit.core.ProviderBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okio.Buffer;

/** The MockWebServer chores every provider's tests share. */
public final class TestHttp {
  private TestHttp() {}

  /** Returns an answer with status {@code code}, {@code contentType} and {@code body}. */
  public static MockResponse response(int code, String contentType, String body) {
    return new MockResponse()
        .setResponseCode(code)
        .setHeader("Content-Type", contentType)
        .setBody(body);
  }

  /** Returns an {@code application/json} answer. */
  public static MockResponse json(int code, String body) {
    return response(code, "application/json", body);
  }

  /** Returns the next request {@code server} received, failing if none comes within 10 s. */
  public static RecordedRequest take(MockWebServer server) throws InterruptedException {
    RecordedRequest request = server.takeRequest(10, TimeUnit.SECONDS);
    if (request == null) throw new AssertionError("no request within 10 s");
    return request;
  }

  /** Returns the UTF-8 text of the resource {@code name}, next to {@code owner}. */
  public static String resource(Class<?> owner, String name) {
    try (InputStream in = owner.getResourceAsStream(name)) {
      if (in == null) throw new AssertionError("no fixture " + name);
      return new Buffer().readFrom(in).readUtf8();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  /** Returns {@code builder} with the credentials, {@code server} as base URL and {@code clock}. */
  public static <B extends ProviderBuilder<B, ?>> B onServer(
      B builder, String clientId, String clientSecret, MockWebServer server, Clock clock) {
    return builder
        .clientId(clientId)
        .clientSecret(clientSecret)
        .baseUrl(server.url("/"))
        .clock(clock);
  }
}
