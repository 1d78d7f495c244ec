/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import okhttp3.HttpUrl;
import okio.Buffer;
import org.jspecify.annotations.Nullable;

/**
 * The URLs a manager's token may be sent to: those under one of the API base URLs, except the token
 * endpoint and any URL whose path a server could read as another one.
 *
 * <p>A URL is in scope if its scheme, host and port are those of a base URL and its path is the
 * base URL's path or below it, segment by segment, as sent. A path is out of scope, whatever its
 * prefix, when a server that decodes it (once, or again as some proxies and frameworks do) could
 * land outside the base path: a segment that decodes to one containing {@code /} or {@code \}
 * ({@code %2F}, {@code %5C}, in any case), a raw {@code \}, a dot segment ({@code .} or {@code ..},
 * also with {@code ;parameters} as servlet containers read {@code ..;}), a control character such
 * as {@code %00}, or bytes that are not UTF-8 (overlong forms such as {@code %C0%AE}). {@link
 * HttpUrl} already resolves the plain and singly encoded dot segments ({@code %2e%2e}) and turns a
 * raw {@code \} into {@code /} when it parses a URL; this class checks what is left after that.
 *
 * <p>The token endpoint is never in scope. It is recognized by scheme, host (ignoring a trailing
 * dot) and port, and by its path compared the way a lenient server would route it: decoded, without
 * empty segments or {@code ;parameters}, ignoring case.
 */
final class ApiScope {
  /** How many times a path segment is decoded again when it still contains {@code %}. */
  private static final int MAX_DECODINGS = 3;

  private final List<HttpUrl> baseUrls;

  /**
   * The encoded path of each base URL: OkHttp computes {@link HttpUrl#encodedPath} on each call.
   */
  private final String[] baseEncodedPaths;

  private final @Nullable HttpUrl tokenEndpoint;
  private final @Nullable String tokenEndpointPath;
  private final @Nullable String tokenEndpointLastName;

  ApiScope(List<HttpUrl> baseUrls, @Nullable TokenEndpoint tokenEndpoint) {
    this.baseUrls = Collections.unmodifiableList(new ArrayList<>(baseUrls));
    this.baseEncodedPaths = new String[this.baseUrls.size()];
    for (int i = 0; i < baseEncodedPaths.length; i++) {
      baseEncodedPaths[i] = this.baseUrls.get(i).encodedPath();
    }
    this.tokenEndpoint = tokenEndpoint != null ? tokenEndpoint.url : null;
    this.tokenEndpointPath = tokenEndpoint != null ? routedPath(tokenEndpoint.url) : null;
    this.tokenEndpointLastName =
        tokenEndpointPath != null
            ? tokenEndpointPath.substring(tokenEndpointPath.lastIndexOf('/') + 1)
            : null;
  }

  /** Returns true if a request to {@code url} may carry the token. */
  boolean allows(HttpUrl url) {
    if (isTokenEndpoint(url)) return false;
    // The hot path. HttpUrl.encodedPath() builds a new string on each call, after a scan for its
    // end one character at a time; the same bounds in the URL's string (which OkHttp returns as is)
    // cost two intrinsic indexOf calls and no allocation. As in OkHttp: the path starts at the
    // first '/' after "scheme://" and ends at the first '?' or '#', or with the string.
    String string = url.toString();
    int pathStart = string.indexOf('/', url.scheme().length() + 3);
    int pathEnd = pathEnd(string, pathStart);
    int backslash = string.indexOf('\\', pathStart);
    if (backslash >= 0 && backslash < pathEnd) return false;
    if (needsSegmentCheck(string, pathStart, pathEnd) && isAmbiguous(url)) return false;
    for (int i = 0, size = baseUrls.size(); i < size; i++) {
      HttpUrl base = baseUrls.get(i);
      if (base.scheme().equals(url.scheme())
          && base.host().equals(url.host())
          && base.port() == url.port()
          && isUnder(string, pathStart, pathEnd, baseEncodedPaths[i])) {
        return true;
      }
    }
    return false;
  }

  /** Returns true if {@code url} is, or a lenient server would route it to, the token endpoint. */
  boolean isTokenEndpoint(HttpUrl url) {
    HttpUrl endpoint = tokenEndpoint;
    return endpoint != null
        && endpoint.scheme().equals(url.scheme())
        && endpoint.port() == url.port()
        && lastNameMatches(url)
        && withoutTrailingDot(endpoint.host()).equals(withoutTrailingDot(url.host()))
        && routedPath(url).equals(tokenEndpointPath);
  }

  /**
   * Returns true if the last named segment of {@code url}'s path is the token endpoint's, ignoring
   * case: a check that allocates nothing, so that API calls on the token endpoint's host (the hot
   * path) rarely build the routed path.
   */
  private boolean lastNameMatches(HttpUrl url) {
    String last = tokenEndpointLastName;
    if (last == null) return false;
    List<String> segments = url.pathSegments();
    for (int i = segments.size() - 1; i >= 0; i--) {
      String segment = segments.get(i);
      int semicolon = segment.indexOf(';');
      int length = semicolon >= 0 ? semicolon : segment.length();
      if (length == 0) continue;
      return length == last.length() && segment.regionMatches(true, 0, last, 0, length);
    }
    return last.isEmpty();
  }

  /**
   * Returns true unless the path between {@code pathStart} and {@code pathEnd} in {@code url} is
   * plainly unambiguous: without {@code %}, {@code ;} or {@code .}, no segment can decode to
   * anything else, nor be a dot segment. (OkHttp encodes control characters, non-ASCII and {@code
   * %}-free dot segments out of its paths when it builds a URL.) The common API path then costs one
   * scan of its characters instead of the per-segment check of {@link #isAmbiguous}.
   */
  static boolean needsSegmentCheck(String url, int pathStart, int pathEnd) {
    for (int i = pathStart; i < pathEnd; i++) {
      char c = url.charAt(i);
      if (c == '%' || c == ';' || c == '.') return true;
    }
    return false;
  }

  /** Returns the end of the path that starts at {@code pathStart} in {@code url}. */
  static int pathEnd(String url, int pathStart) {
    int query = url.indexOf('?', pathStart);
    int fragment = url.indexOf('#', pathStart);
    if (query < 0) return fragment >= 0 ? fragment : url.length();
    return fragment >= 0 ? Math.min(query, fragment) : query;
  }

  /** Returns true if {@code path} is {@code basePath} or below it, segment by segment. */
  static boolean isUnder(String path, String basePath) {
    return isUnder(path, 0, path.length(), basePath);
  }

  /**
   * Returns true if the path between {@code pathStart} and {@code pathEnd} in {@code url} is {@code
   * basePath} or below it, segment by segment.
   */
  static boolean isUnder(String url, int pathStart, int pathEnd, String basePath) {
    int pathLength = pathEnd - pathStart;
    int baseLength = basePath.length();
    if (pathLength < baseLength || !url.startsWith(basePath, pathStart)) return false;
    return basePath.endsWith("/")
        || pathLength == baseLength
        || url.charAt(pathStart + baseLength) == '/';
  }

  /**
   * Returns true if a server could decode a segment of {@code url}'s path into a different path.
   * The caller checks the encoded path for backslashes.
   */
  static boolean isAmbiguous(HttpUrl url) {
    List<String> segments = url.pathSegments();
    for (int s = 0, count = segments.size(); s < count; s++) {
      String decoded = segments.get(s);
      for (int i = 0; ; i++) {
        if (isAmbiguousSegment(decoded)) return true;
        if (i == MAX_DECODINGS || decoded.indexOf('%') < 0) break;
        String again = percentDecode(decoded);
        if (again.equals(decoded)) break;
        decoded = again;
      }
    }
    return false;
  }

  /** Checks one decoded path segment. */
  private static boolean isAmbiguousSegment(String segment) {
    for (int i = 0, length = segment.length(); i < length; i++) {
      char c = segment.charAt(i);
      if (c == '/' || c == '\\' || c < 0x20 || c == 0x7f || c == '\ufffd') return true;
    }
    String name = withoutParameters(segment);
    return name.equals(".") || name.equals("..");
  }

  /** Decodes {@code %XX} escapes as UTF-8; malformed bytes become U+FFFD. */
  private static String percentDecode(String text) {
    Buffer buffer = new Buffer();
    for (int i = 0, length = text.length(); i < length; ) {
      int c = text.codePointAt(i);
      if (c == '%' && i + 2 < length) {
        int high = hexDigit(text.charAt(i + 1));
        int low = hexDigit(text.charAt(i + 2));
        if (high >= 0 && low >= 0) {
          buffer.writeByte(high << 4 | low);
          i += 3;
          continue;
        }
      }
      buffer.writeUtf8CodePoint(c);
      i += Character.charCount(c);
    }
    return buffer.readUtf8();
  }

  private static int hexDigit(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  }

  /** Returns the path a lenient server routes {@code url} by. */
  private static String routedPath(HttpUrl url) {
    StringBuilder result = new StringBuilder();
    for (String segment : url.pathSegments()) {
      String name = withoutParameters(segment);
      if (name.isEmpty()) continue;
      result.append('/').append(name.toLowerCase(Locale.ROOT));
    }
    return result.toString();
  }

  /** Returns {@code segment} without the {@code ;parameters} that servlet containers strip. */
  private static String withoutParameters(String segment) {
    int semicolon = segment.indexOf(';');
    return semicolon >= 0 ? segment.substring(0, semicolon) : segment;
  }

  private static String withoutTrailingDot(String host) {
    return host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
  }
}
