/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.core.internal;

import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Removes known secrets from text that a server sent and that ends up in an exception message.
 *
 * <p>A server that echoes a request shows a secret in the encoding the request used, so each secret
 * is found however it is written: as it is; JSON-escaped, each UTF-16 unit as itself, as a short
 * escape ({@code \"}, {@code \\}, {@code \/}, {@code \n}…) or as {@code \}{@code uXXXX} in either
 * case (Moshi, which writes our JSON requests, escapes {@code "}, {@code \} and control characters;
 * other encoders also escape {@code /}, HTML characters or all non-ASCII); and percent-encoded,
 * each UTF-8 byte as {@code %XX} in either case or as itself, a space also as {@code +} (URLEncoder
 * and OkHttp's {@code FormBody} differ in exactly such choices). The forms may mix within one echo.
 * A secret escaped twice, such as a JSON request body quoted inside a JSON string, is found once
 * the outer JSON is parsed.
 */
public final class Redactor {
  /** What a secret is replaced with. */
  public static final String REDACTED = "██";

  /** Secrets shorter than this are not searched for: they would match ordinary text. */
  private static final int MIN_SECRET_LENGTH = 4;

  private static final Charset UTF_8 = Charset.forName("UTF-8");

  /** The code points of each secret, and the UTF-8 bytes of each code point. */
  private final List<int[]> codePoints = new ArrayList<>();

  private final List<byte[][]> utf8 = new ArrayList<>();

  /** Creates a redactor for {@code secrets}; those shorter than 4 characters are ignored. */
  public Redactor(List<String> secrets) {
    for (String secret : secrets) {
      if (secret.length() < MIN_SECRET_LENGTH) continue;
      int[] points = new int[secret.codePointCount(0, secret.length())];
      for (int i = 0, at = 0; i < points.length; i++) {
        points[i] = secret.codePointAt(at);
        at += Character.charCount(points[i]);
      }
      byte[][] bytes = new byte[points.length][];
      for (int i = 0; i < points.length; i++) {
        bytes[i] = new String(Character.toChars(points[i])).getBytes(UTF_8);
      }
      codePoints.add(points);
      utf8.add(bytes);
    }
  }

  /** Returns a JSON value with known secrets removed from every string in it, names included. */
  @Nullable
  public Object redactValue(@Nullable Object value) {
    if (value instanceof String) return redact((String) value);
    if (value instanceof List) {
      List<Object> result = new ArrayList<>();
      for (Object element : (List<?>) value) result.add(redactValue(element));
      return Collections.unmodifiableList(result);
    }
    if (value instanceof Map) {
      Map<String, Object> result = new LinkedHashMap<>();
      for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
        result.put(redact(String.valueOf(entry.getKey())), redactValue(entry.getValue()));
      }
      return Collections.unmodifiableMap(result);
    }
    return value;
  }

  /** Returns {@code text} with every echo of a known secret replaced by {@link #REDACTED}. */
  public String redact(String text) {
    if (codePoints.isEmpty()) return text;
    StringBuilder result = null;
    int copied = 0;
    for (int i = 0, length = text.length(); i < length; ) {
      int end = -1;
      for (int s = 0, size = codePoints.size(); s < size; s++) {
        end = Math.max(end, matchEnd(text, i, codePoints.get(s), utf8.get(s)));
      }
      if (end <= i) {
        i++;
        continue;
      }
      if (result == null) result = new StringBuilder(length);
      result.append(text, copied, i).append(REDACTED);
      i = end;
      copied = end;
    }
    if (result == null) return text;
    return result.append(text, copied, text.length()).toString();
  }

  /**
   * Returns the end of the longest echo of a secret that starts at {@code start}, or -1. Tracks
   * every position an echo of the secret's first code points can end at, as the forms of one code
   * point may be prefixes of each other ({@code \} and {@code \\}, {@code %} and {@code %25}).
   */
  private static int matchEnd(String text, int start, int[] points, byte[][] bytes) {
    // Every form starts with the code point's first unit, a backslash, a percent sign or a plus.
    char c = text.charAt(start);
    int first = points[0];
    char firstUnit =
        Character.isBmpCodePoint(first) ? (char) first : Character.highSurrogate(first);
    if (c != firstUnit && c != '\\' && c != '%' && c != '+') return -1;
    int[] ends = {start};
    int count = 1;
    for (int p = 0; p < points.length; p++) {
      int[] next = new int[count * 8];
      int nextCount = 0;
      for (int e = 0; e < count; e++) {
        nextCount = addEnds(text, ends[e], points[p], bytes[p], next, nextCount);
      }
      if (nextCount == 0) return -1;
      ends = next;
      count = nextCount;
    }
    int longest = -1;
    for (int e = 0; e < count; e++) longest = Math.max(longest, ends[e]);
    return longest;
  }

  /** Adds to {@code out} each position where a form of {@code codePoint} at {@code at} ends. */
  private static int addEnds(
      String text, int at, int codePoint, byte[] codePointUtf8, int[] out, int count) {
    // As itself, or JSON-escaped, one UTF-16 unit at a time.
    if (Character.isBmpCodePoint(codePoint)) {
      count = addJsonUnitEnds(text, at, (char) codePoint, out, count);
    } else {
      int[] highEnds = new int[2];
      int highCount = addJsonUnitEnds(text, at, Character.highSurrogate(codePoint), highEnds, 0);
      for (int h = 0; h < highCount; h++) {
        count = addJsonUnitEnds(text, highEnds[h], Character.lowSurrogate(codePoint), out, count);
      }
    }
    // Percent-encoded, one UTF-8 byte at a time; an ASCII byte may also be itself (added above).
    int end = at;
    for (byte b : codePointUtf8) {
      end = percentEscapeEnd(text, end, b & 0xff);
      if (end < 0) break;
    }
    if (end >= 0) count = add(out, count, end);
    if (codePoint == ' ' && at < text.length() && text.charAt(at) == '+') {
      count = add(out, count, at + 1);
    }
    return count;
  }

  private static int addJsonUnitEnds(String text, int at, char unit, int[] out, int count) {
    if (at >= text.length()) return count;
    char c = text.charAt(at);
    if (c == unit) count = add(out, count, at + 1);
    if (c != '\\' || at + 1 >= text.length()) return count;
    char escape = text.charAt(at + 1);
    if (escape == 'u') {
      if (at + 6 <= text.length() && hexValue(text, at + 2, 4) == unit) {
        count = add(out, count, at + 6);
      }
    } else if (escape == shortEscape(unit)) {
      count = add(out, count, at + 2);
    }
    return count;
  }

  /** Returns the letter of JSON's two-character escape for {@code unit}, or 0 if it has none. */
  private static char shortEscape(char unit) {
    switch (unit) {
      case '"':
        return '"';
      case '\\':
        return '\\';
      case '/':
        return '/';
      case '\b':
        return 'b';
      case '\f':
        return 'f';
      case '\n':
        return 'n';
      case '\r':
        return 'r';
      case '\t':
        return 't';
      default:
        return 0;
    }
  }

  private static int percentEscapeEnd(String text, int at, int b) {
    if (at + 3 <= text.length() && text.charAt(at) == '%' && hexValue(text, at + 1, 2) == b) {
      return at + 3;
    }
    return -1;
  }

  /** Returns the value of {@code digits} hex digits at {@code at}, or -1. */
  private static int hexValue(String text, int at, int digits) {
    int value = 0;
    for (int i = at; i < at + digits; i++) {
      char c = text.charAt(i);
      int digit;
      if (c >= '0' && c <= '9') {
        digit = c - '0';
      } else if (c >= 'a' && c <= 'f') {
        digit = c - 'a' + 10;
      } else if (c >= 'A' && c <= 'F') {
        digit = c - 'A' + 10;
      } else {
        return -1;
      }
      value = value << 4 | digit;
    }
    return value;
  }

  private static int add(int[] out, int count, int end) {
    for (int i = 0; i < count; i++) {
      if (out[i] == end) return count;
    }
    out[count] = end;
    return count + 1;
  }
}
