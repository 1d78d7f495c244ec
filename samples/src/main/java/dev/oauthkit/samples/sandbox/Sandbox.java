/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.samples.sandbox;

import com.squareup.moshi.JsonReader;
import java.io.Closeable;
import java.io.IOException;
import java.net.InetAddress;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.annotation.Nullable;
import okhttp3.HttpUrl;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;

/** A provider stand-in on loopback; subclasses answer the provider's paths. */
public abstract class Sandbox implements Closeable {
  /** The credentials the sandboxes accept. */
  public static final String CLIENT_ID = "sandbox-client";

  public static final String CLIENT_SECRET = "sandbox-secret";

  private final MockWebServer server = new MockWebServer();

  protected Sandbox() {}

  /** Starts the sandbox on a free loopback port. */
  public final Sandbox start() throws IOException {
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            try {
              return Sandbox.this.dispatch(request);
            } catch (RuntimeException e) {
              return new MockResponse().setResponseCode(500).setBody("sandbox failure: " + e);
            }
          }
        });
    server.start(InetAddress.getByName("127.0.0.1"), 0);
    return this;
  }

  /** Returns the host root, such as {@code http://127.0.0.1:53122/}. */
  public final HttpUrl baseUrl() {
    return server.url("/");
  }

  /** Returns how many requests reached the sandbox. */
  public final int requestCount() {
    return server.getRequestCount();
  }

  @Override
  public final void close() throws IOException {
    server.shutdown();
  }

  protected abstract MockResponse dispatch(RecordedRequest request);

  /** Returns a JSON response. */
  protected static MockResponse json(int code, String body) {
    return new MockResponse()
        .setResponseCode(code)
        .setHeader("Content-Type", "application/json; charset=utf-8")
        .setBody(body);
  }

  /** Returns the path of {@code request} without its query. */
  protected static String path(RecordedRequest request) {
    HttpUrl url = request.getRequestUrl();
    return url != null ? url.encodedPath() : "";
  }

  /** Returns the fields of a JSON object body, or null if the body is not one. */
  @Nullable
  protected static Map<String, Object> jsonBody(RecordedRequest request) {
    try {
      Object value = JsonReader.of(request.getBody().clone()).readJsonValue();
      if (!(value instanceof Map)) return null;
      Map<String, Object> result = new LinkedHashMap<>();
      for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
        result.put(String.valueOf(entry.getKey()), entry.getValue());
      }
      return result;
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /** Returns true if the content type is exactly {@code type}, with or without a charset. */
  protected static boolean hasContentType(RecordedRequest request, String type) {
    String contentType = request.getHeader("Content-Type");
    if (contentType == null) return false;
    String lower = contentType.toLowerCase(java.util.Locale.ROOT);
    return lower.equals(type) || lower.equals(type + "; charset=utf-8");
  }
}
