/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.core.internal;

import dev.oauthkit.core.Clock;
import java.io.IOException;
import java.nio.charset.Charset;
import java.util.Collections;
import java.util.Map;
import javax.annotation.Nullable;
import okhttp3.Headers;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * The error body of an API response, read for an exception: at most {@link
 * HttpBodies#MAX_ERROR_BODY_BYTES}, with the request's credential masked should the server echo it
 * (as it is, JSON-escaped or percent-encoded; see {@link Redactor}), parsed as JSON where it is
 * JSON. A provider's exception maps {@link #json()} to its own fields and keeps {@link #excerpt()}
 * for a body in another shape.
 */
public final class ErrorBody {
  /** What a masked credential is replaced with. */
  public static final String REDACTED = Redactor.REDACTED;

  private static final Charset UTF_8 = Charset.forName("UTF-8");

  private final int code;
  private final int byteCount;
  private final String text;
  private final @Nullable Object json;
  private final long retryAfterMillis;
  private final @Nullable IOException readFailure;

  private ErrorBody(
      int code,
      int byteCount,
      String text,
      @Nullable Object json,
      long retryAfterMillis,
      @Nullable IOException readFailure) {
    this.code = code;
    this.byteCount = byteCount;
    this.text = text;
    this.json = json;
    this.retryAfterMillis = retryAfterMillis;
    this.readFailure = readFailure;
  }

  /**
   * Reads and closes {@code body}, the error body of {@code response}. For a Retrofit response pass
   * {@code response.raw()} and {@code response.errorBody()}; for OkHttp, {@code response} and
   * {@code response.body()}. Never throws for an unreadable body: the result is then empty and has
   * the failure as {@link #readFailure()}.
   *
   * @param clock measures a {@code Retry-After} date.
   * @throws IllegalArgumentException if {@code response} is successful.
   */
  public static ErrorBody read(Response response, @Nullable ResponseBody body, Clock clock) {
    if (response.isSuccessful()) {
      throw new IllegalArgumentException("response is successful: HTTP " + response.code());
    }
    byte[] bytes;
    IOException readFailure = null;
    try {
      bytes = HttpBodies.readAtMost(body, HttpBodies.MAX_ERROR_BODY_BYTES);
    } catch (IOException e) {
      bytes = new byte[0];
      readFailure = e;
    }
    return of(
        response.code(),
        response.headers(),
        bytes,
        response.request(),
        clock.currentTimeMillis(),
        readFailure);
  }

  /**
   * Returns the error body {@code bytes} of an answer with status {@code code} and {@code headers}
   * to {@code request}, or to an unknown request if it is null.
   *
   * @param nowMillis the time a {@code Retry-After} date is measured from.
   * @param readFailure why {@code bytes} are empty or cut short, or null.
   */
  public static ErrorBody of(
      int code,
      Headers headers,
      byte[] bytes,
      @Nullable Request request,
      long nowMillis,
      @Nullable IOException readFailure) {
    String text = new String(bytes, UTF_8);
    Redactor redactor = request != null ? redactor(request) : null;
    // The JSON is parsed from the bytes and masked after: the mask cannot break the JSON.
    Object json = Json.parse(bytes);
    return new ErrorBody(
        code,
        bytes.length,
        redactor != null ? redactor.redact(text) : text,
        redactor != null ? redactor.redactValue(json) : json,
        HttpBodies.retryAfterMillis(headers, nowMillis),
        readFailure);
  }

  /**
   * Returns {@code text} with the credential of {@code request}'s {@code Authorization} header (the
   * bearer token, or the whole value for another scheme) replaced by {@link #REDACTED}, also where
   * it is JSON-escaped or percent-encoded. A credential shorter than 4 characters is not masked.
   */
  public static String redact(String text, Request request) {
    Redactor redactor = redactor(request);
    return redactor != null ? redactor.redact(text) : text;
  }

  private static @Nullable Redactor redactor(Request request) {
    String authorization = request.header("Authorization");
    if (authorization == null) return null;
    String credential =
        authorization.regionMatches(true, 0, "Bearer ", 0, 7)
            ? authorization.substring(7).trim()
            : authorization.trim();
    if (credential.isEmpty()) return null;
    return new Redactor(Collections.singletonList(credential));
  }

  /** Returns the HTTP status. */
  public int code() {
    return code;
  }

  /**
   * Returns how many bytes of the body were read: at most {@link HttpBodies#MAX_ERROR_BODY_BYTES}.
   */
  public int byteCount() {
    return byteCount;
  }

  /** Returns the body as UTF-8 text, credentials masked; empty if the body could not be read. */
  public String text() {
    return text;
  }

  /**
   * Returns the body's JSON value ({@code Map}, {@code List}, {@code String}, {@code Double},
   * {@code Boolean}) with credentials masked, or null if the body is not one complete JSON value.
   */
  public @Nullable Object json() {
    return json;
  }

  /** Returns the body's JSON value if it is an object, or null. */
  public @Nullable Map<?, ?> jsonObject() {
    return json instanceof Map ? (Map<?, ?>) json : null;
  }

  /** Returns the start of {@link #text()} on one line; see {@link Json#excerpt}. */
  public String excerpt() {
    return Json.excerpt(text);
  }

  /**
   * Returns how long a {@code Retry-After} header asks to wait, in milliseconds, or -1 if there is
   * none.
   */
  public long retryAfterMillis() {
    return retryAfterMillis;
  }

  /** Returns why the body could not be read, or null if it was read. */
  public @Nullable IOException readFailure() {
    return readFailure;
  }

  /** Returns a description with the status and size; it contains no part of the body. */
  @Override
  public String toString() {
    return "ErrorBody{code=" + code + ", " + byteCount + " bytes}";
  }
}
