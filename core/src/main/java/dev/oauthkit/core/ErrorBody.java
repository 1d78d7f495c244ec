/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.core;

import dev.oauthkit.core.internal.BearerToken;
import dev.oauthkit.core.internal.HttpBodies;
import dev.oauthkit.core.internal.Json;
import dev.oauthkit.core.internal.Redactor;
import java.io.IOException;
import java.nio.charset.Charset;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import okhttp3.Headers;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.jspecify.annotations.Nullable;

/**
 * The error body of an API response, read safely for an exception. Part of the provider kit: a
 * provider module maps an error response to its own {@link ApiException} subclass with it.
 *
 * <ul>
 *   <li>At most 64 KiB are read, and the rest ignored, so a huge or endless body cannot exhaust
 *       memory. (The same limit refuses a larger token response.)
 *   <li>The request's credential (its bearer token) is masked should the server echo it, as it is,
 *       JSON-escaped or percent-encoded.
 *   <li>The body is parsed as JSON where it is JSON; {@link #string} and {@link #wholeNumber} read
 *       fields that servers send in more than one shape.
 *   <li>A {@code Retry-After} header, in seconds or as an HTTP date, is read into {@link
 *       #retryAfterMillis()}.
 * </ul>
 *
 * <pre>{@code
 * ErrorBody body = ErrorBody.read(response.raw(), response.errorBody(), Clock.SYSTEM);
 * Map<?, ?> json = body.jsonObject();
 * String code = json != null ? ErrorBody.string(json.get("code")) : null;
 * }</pre>
 *
 * <p>A provider turns it into its {@link ApiException} subclass, which takes the status, {@code
 * Retry-After}, excerpt and read failure from it.
 */
public final class ErrorBody {
  private static final Charset UTF_8 = Charset.forName("UTF-8");

  private final int code;
  private final int byteCount;
  private final String excerpt;
  private final @Nullable Object json;
  private final long retryAfterMillis;
  private final @Nullable IOException readFailure;
  private final Map<String, String> challenge;

  private ErrorBody(
      int code,
      int byteCount,
      String excerpt,
      @Nullable Object json,
      long retryAfterMillis,
      @Nullable IOException readFailure,
      Map<String, String> challenge) {
    this.code = code;
    this.byteCount = byteCount;
    this.excerpt = excerpt;
    this.json = json;
    this.retryAfterMillis = retryAfterMillis;
    this.readFailure = readFailure;
    this.challenge = challenge;
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
    return read(response, () -> HttpBodies.readErrorBody(body), clock.currentTimeMillis());
  }

  /**
   * Reads the body of {@code response} without consuming it, for a {@link
   * TokenAuthenticator.RenewalPolicy} that decides from the body of a 401: the caller still gets
   * the whole body. Reads at most 64 KiB; never throws for an unreadable body.
   *
   * @throws IllegalArgumentException if {@code response} is successful.
   */
  public static ErrorBody peek(Response response) {
    return read(
        response,
        () -> response.peekBody(HttpBodies.MAX_BODY_BYTES).bytes(),
        Clock.SYSTEM.currentTimeMillis());
  }

  /**
   * Reads the error body of {@code response} with {@code reader}, keeping a failure, not throwing.
   */
  private static ErrorBody read(Response response, BodyReader reader, long nowMillis) {
    if (response.isSuccessful()) {
      throw new IllegalArgumentException("response is successful: HTTP " + response.code());
    }
    byte[] bytes;
    IOException readFailure = null;
    try {
      bytes = reader.read();
    } catch (IOException e) {
      bytes = new byte[0];
      readFailure = e;
    }
    return of(
        response.code(), response.headers(), bytes, response.request(), nowMillis, readFailure);
  }

  /** Reads at most the body limit of an error body. */
  private interface BodyReader {
    byte[] read() throws IOException;
  }

  /**
   * Returns the error body {@code bytes} of an answer with status {@code code} and {@code headers}
   * to {@code request}, or to an unknown request if it is null.
   *
   * @param nowMillis the time a {@code Retry-After} date is measured from.
   * @param readFailure why {@code bytes} are empty or cut short, or null.
   */
  static ErrorBody of(
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
        Json.excerpt(redactor != null ? redactor.redact(text) : text),
        redactor != null ? redactor.redactValue(json) : json,
        HttpBodies.retryAfterMillis(headers, nowMillis),
        readFailure,
        challenge(headers, redactor));
  }

  /** The auth-params of the {@code WWW-Authenticate} challenges, masked and bounded. */
  private static Map<String, String> challenge(Headers headers, @Nullable Redactor redactor) {
    Map<String, String> result = new LinkedHashMap<>();
    for (Map.Entry<String, String> parameter :
        OAuth2TokenSource.challengeParams(headers.values("WWW-Authenticate")).entrySet()) {
      String value = parameter.getValue();
      if (redactor != null) value = redactor.redact(value);
      result.put(parameter.getKey(), Json.excerpt(value));
    }
    return Collections.unmodifiableMap(result);
  }

  /**
   * Returns the auth-param {@code name} of the response's {@code WWW-Authenticate} challenges (RFC
   * 6750 §3), such as {@code invalid_token} for {@code error} in {@code Bearer
   * error="invalid_token"}; null if there is none. Names are compared in lower case; the value is
   * unquoted, masked like the body and bounded like {@link #excerpt()}. APIs that state their error
   * only in that header (DADI v3, many RFC 6750 servers) are read with it.
   */
  public @Nullable String challengeParameter(String name) {
    Objects.requireNonNull(name, "name == null");
    return challenge.get(name.toLowerCase(Locale.ROOT));
  }

  /**
   * Returns the redactor of the credential of {@code request}'s {@code Authorization} header: the
   * bearer token, or the whole value for another scheme. Null if there is none.
   */
  private static @Nullable Redactor redactor(Request request) {
    String authorization = request.header("Authorization");
    if (authorization == null) return null;
    String token = BearerToken.parse(authorization);
    String credential = token != null ? token : authorization.trim();
    if (credential.isEmpty()) return null;
    return new Redactor(Collections.singletonList(credential));
  }

  /** Returns the HTTP status. */
  public int code() {
    return code;
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

  /**
   * Returns the start of the body as UTF-8 text, credentials masked, on one line with control
   * characters replaced and at most 200 characters (and an ellipsis): server text bounded for an
   * exception or a log line. Empty if the body was empty or could not be read.
   */
  public String excerpt() {
    return excerpt;
  }

  /**
   * Returns a scalar JSON value as a string: strings as they are, whole numbers without a decimal
   * point ({@code 38187}, not {@code 38187.0}), booleans as {@code true} or {@code false}; null for
   * null, objects and arrays. Servers send codes both as strings and as numbers.
   */
  public static @Nullable String string(@Nullable Object value) {
    return Json.string(value);
  }

  /** Returns a whole number sent as a JSON number or as a numeric string, or null. */
  public static @Nullable Long wholeNumber(@Nullable Object value) {
    return Json.wholeNumber(value);
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
