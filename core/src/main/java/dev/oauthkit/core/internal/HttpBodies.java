/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.core.internal;

import java.io.IOException;
import java.util.Date;
import okhttp3.Headers;
import okhttp3.ResponseBody;
import okio.BufferedSource;
import org.jspecify.annotations.Nullable;

/**
 * Reading response bodies and headers defensively.
 *
 * <p>One limit, {@link #MAX_BODY_BYTES}, bounds every body oauthkit reads itself: a successful
 * token response larger than it is refused (its access token could not go into a request header
 * anyway: servers cap headers at 8 to 16 KiB), and an error body (of the token endpoint or of an
 * API) is read up to it and the rest ignored, so a huge or endless body cannot exhaust memory.
 */
public final class HttpBodies {
  /** The most bytes of a response body that are read: 64 KiB. */
  public static final int MAX_BODY_BYTES = 64 * 1024;

  private HttpBodies() {}

  /**
   * Returns up to {@link #MAX_BODY_BYTES} bytes of the error body {@code body} and closes it; a
   * longer body is cut at the limit.
   */
  public static byte[] readErrorBody(@Nullable ResponseBody body) throws IOException {
    if (body == null) return new byte[0];
    try {
      BufferedSource source = body.source();
      source.request(MAX_BODY_BYTES);
      long size = Math.min(MAX_BODY_BYTES, source.getBuffer().size());
      return source.getBuffer().readByteArray(size);
    } finally {
      body.close();
    }
  }

  /**
   * Returns all of the successful body {@code source}, or null if it is larger than {@link
   * #MAX_BODY_BYTES}: the caller refuses it.
   */
  public static byte @Nullable [] readWholeBody(BufferedSource source) throws IOException {
    if (source.request(MAX_BODY_BYTES + 1L)) return null;
    return source.readByteArray();
  }

  /**
   * Returns the delay a {@code Retry-After} header asks for (RFC 9110 §10.2.3: seconds or an
   * HTTP-date) in milliseconds, or -1 if there is none or it cannot be read. A delay too long for a
   * long is {@link Long#MAX_VALUE}.
   */
  public static long retryAfterMillis(Headers headers, long nowMillis) {
    String value = headers.get("Retry-After");
    if (value == null) return -1L;
    try {
      long seconds = Long.parseLong(value.trim());
      if (seconds < 0) return -1L;
      return seconds > Long.MAX_VALUE / 1000L ? Long.MAX_VALUE : seconds * 1000L;
    } catch (NumberFormatException ignored) {
      // Not seconds (an HTTP-date), or more digits than a long holds.
      if (value.trim().matches("\\d{19,}")) return Long.MAX_VALUE;
    }
    Date date = headers.getDate("Retry-After");
    if (date == null) return -1L;
    return Math.max(0L, date.getTime() - nowMillis);
  }
}
