/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.core.internal;

import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import java.io.IOException;
import okio.Buffer;
import org.jspecify.annotations.Nullable;

/** Lenient reading of JSON values that servers send in more than one shape. */
public final class Json {
  /** Error bodies that are not JSON are kept up to this many characters. */
  public static final int EXCERPT_CHARS = 200;

  private Json() {}

  /**
   * Returns the JSON value of {@code bytes} as Moshi reads it ({@code Map}, {@code List}, {@code
   * String}, {@code Double}, {@code Boolean}), or null if they are not one complete JSON value.
   */
  public static @Nullable Object parse(byte[] bytes) {
    if (bytes.length == 0) return null;
    try {
      JsonReader reader = JsonReader.of(new Buffer().write(bytes));
      Object value = reader.readJsonValue();
      if (reader.peek() != JsonReader.Token.END_DOCUMENT) return null;
      return value;
    } catch (IOException | JsonDataException e) {
      return null;
    }
  }

  /**
   * Returns a scalar JSON value as a string: strings as they are, whole numbers without a decimal
   * point ({@code 38187}, not {@code 38187.0}); null for null, objects and arrays.
   */
  public static @Nullable String string(@Nullable Object value) {
    if (value instanceof Double) {
      double number = (Double) value;
      if (number == Math.rint(number) && !Double.isInfinite(number)) {
        return Long.toString((long) number);
      }
    }
    return value instanceof String || value instanceof Number || value instanceof Boolean
        ? String.valueOf(value)
        : null;
  }

  /** Returns a whole number sent as a JSON number or a numeric string, or null. */
  public static @Nullable Long wholeNumber(@Nullable Object value) {
    String string = string(value);
    if (string == null) return null;
    try {
      return Long.parseLong(string.trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** Returns the start of {@code text} on one line, control characters replaced. */
  public static String excerpt(String text) {
    String oneLine = text.replaceAll("[\\p{Cntrl}\\s]+", " ").trim();
    if (oneLine.length() <= EXCERPT_CHARS) return oneLine;
    return oneLine.substring(0, EXCERPT_CHARS) + "…";
  }
}
