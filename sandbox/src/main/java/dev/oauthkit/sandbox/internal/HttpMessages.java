/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.sandbox.internal;

import com.squareup.moshi.JsonReader;
import java.io.IOException;
import java.net.URLDecoder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.MultipartReader;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import org.jspecify.annotations.Nullable;

/**
 * Reads request bodies as the providers' servers do, and writes JSON answers. Not API: the samples'
 * seed-003 sandbox shares it with the provider sandboxes.
 */
public final class HttpMessages {
  private static final Pattern FORM_DATA_NAME = Pattern.compile("\\bname=\"([^\"]*)\"");

  /** Returns a JSON response. */
  public static MockResponse json(int code, String body) {
    return new MockResponse()
        .setResponseCode(code)
        .setHeader("Content-Type", "application/json; charset=utf-8")
        .setBody(body);
  }

  /** Returns the HTTP status code of {@code response}. */
  public static int code(MockResponse response) {
    String[] status = response.getStatus().split(" ", 3);
    return status.length > 1 ? Integer.parseInt(status[1]) : 0;
  }

  /** Returns the path of {@code request} without its query. */
  public static String path(RecordedRequest request) {
    HttpUrl url = request.getRequestUrl();
    return url != null ? url.encodedPath() : "";
  }

  /** Returns a query parameter of {@code request}, or null. */
  public static @Nullable String query(RecordedRequest request, String name) {
    HttpUrl url = request.getRequestUrl();
    return url != null ? url.queryParameter(name) : null;
  }

  /** Returns the fields of a JSON object body, or null if the body is not one. */
  public static @Nullable Map<String, Object> jsonBody(RecordedRequest request) {
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

  /** Returns true if the content type is exactly {@code type}, with or without a UTF-8 charset. */
  public static boolean hasContentType(RecordedRequest request, String type) {
    String contentType = request.getHeader("Content-Type");
    if (contentType == null) return false;
    String lower = contentType.toLowerCase(Locale.ROOT);
    return lower.equals(type) || lower.equals(type + "; charset=utf-8");
  }

  /**
   * Returns true if the media type is {@code type} (such as {@code application/json}), whatever its
   * parameters.
   */
  public static boolean hasMediaType(RecordedRequest request, String type) {
    MediaType mediaType = mediaType(request);
    return mediaType != null
        && (mediaType.type() + "/" + mediaType.subtype()).equalsIgnoreCase(type);
  }

  /**
   * Returns the fields of an {@code application/x-www-form-urlencoded} body; empty if the request
   * has another content type, as a server that parses forms by content type would see it.
   */
  public static Map<String, String> formBody(RecordedRequest request) {
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

  /**
   * Returns the fields of a {@code multipart/form-data} body; empty if the request has another
   * content type or the body is not valid multipart.
   */
  public static Map<String, String> multipartBody(RecordedRequest request) {
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

  /** Joins {@code values} with commas, as JSON array elements. */
  public static String join(List<String> values) {
    StringBuilder result = new StringBuilder();
    for (String value : values) {
      if (result.length() > 0) result.append(',');
      result.append(value);
    }
    return result.toString();
  }

  /** Quotes {@code value} as a JSON string. */
  public static String quote(String value) {
    StringBuilder result = new StringBuilder(value.length() + 2).append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '"' || c == '\\') {
        result.append('\\').append(c);
      } else if (c < 0x20) {
        result.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
      } else {
        result.append(c);
      }
    }
    return result.append('"').toString();
  }

  private static @Nullable MediaType mediaType(RecordedRequest request) {
    String contentType = request.getHeader("Content-Type");
    return contentType != null ? MediaType.parse(contentType) : null;
  }

  private static String decode(String value) {
    try {
      return URLDecoder.decode(value, "UTF-8");
    } catch (IOException | IllegalArgumentException e) {
      return value;
    }
  }

  private HttpMessages() {}
}
