/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.samples.sandbox;

import com.squareup.moshi.JsonReader;
import java.io.Closeable;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.MultipartReader;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.jspecify.annotations.Nullable;

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
    server.start(InetAddress.getLoopbackAddress(), 0);
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
    String lower = contentType.toLowerCase(Locale.ROOT);
    return lower.equals(type) || lower.equals(type + "; charset=utf-8");
  }

  /**
   * Returns true if the media type is {@code type} (such as {@code application/json}), whatever its
   * parameters.
   */
  protected static boolean hasMediaType(RecordedRequest request, String type) {
    MediaType mediaType = mediaType(request);
    return mediaType != null
        && (mediaType.type() + "/" + mediaType.subtype()).equalsIgnoreCase(type);
  }

  /**
   * Returns the fields of an {@code application/x-www-form-urlencoded} body; empty if the request
   * has another content type, as a server that parses forms by content type would see it.
   */
  protected static Map<String, String> formBody(RecordedRequest request) {
    Map<String, String> result = new LinkedHashMap<>();
    if (!hasMediaType(request, "application/x-www-form-urlencoded")) return result;
    String body = request.getBody().clone().readUtf8();
    for (String pair : body.split("&", -1)) {
      if (pair.isEmpty()) continue;
      int eq = pair.indexOf('=');
      String name = eq >= 0 ? pair.substring(0, eq) : pair;
      String value = eq >= 0 ? pair.substring(eq + 1) : "";
      result.put(decode(name), decode(value));
    }
    return result;
  }

  private static final Pattern FORM_DATA_NAME = Pattern.compile("\\bname=\"([^\"]*)\"");

  /**
   * Returns the fields of a {@code multipart/form-data} body; empty if the request has another
   * content type or the body is not valid multipart.
   */
  protected static Map<String, String> multipartBody(RecordedRequest request) {
    Map<String, String> result = new LinkedHashMap<>();
    MediaType mediaType = mediaType(request);
    if (mediaType == null || !hasMediaType(request, "multipart/form-data")) return result;
    String boundary = mediaType.parameter("boundary");
    if (boundary == null) return result;
    try (MultipartReader reader = new MultipartReader(request.getBody().clone(), boundary)) {
      for (MultipartReader.Part part; (part = reader.nextPart()) != null; ) {
        String disposition = part.headers().get("Content-Disposition");
        Matcher name = FORM_DATA_NAME.matcher(disposition != null ? disposition : "");
        String value = part.body().readUtf8();
        if (disposition != null && disposition.startsWith("form-data") && name.find()) {
          result.put(name.group(1), value);
        }
      }
    } catch (IOException | RuntimeException e) {
      result.clear(); // Not multipart after all: a server's parser would give up too.
    }
    return result;
  }

  @Nullable
  private static MediaType mediaType(RecordedRequest request) {
    String contentType = request.getHeader("Content-Type");
    return contentType != null ? MediaType.parse(contentType) : null;
  }

  private static String decode(String value) {
    try {
      return URLDecoder.decode(value, StandardCharsets.UTF_8.name());
    } catch (IOException | IllegalArgumentException e) {
      return value;
    }
  }
}
