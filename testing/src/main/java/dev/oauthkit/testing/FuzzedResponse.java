/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oauthkit.core.ApiException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import okhttp3.Headers;
import okhttp3.MediaType;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.ResponseBody;
import okio.Buffer;
import org.jspecify.annotations.Nullable;

/**
 * A fuzzer's error response: the input is {@code <status>\n<Retry-After or nothing>\n<body bytes>},
 * readable and easy to mutate; {@code @@} in the body stands for the access token the request
 * carried, so the fuzzer can make the server echo it. Statuses outside 300..599 are folded into it.
 */
public final class FuzzedResponse {
  /** The bearer token of the failed request: no message or excerpt may show it. */
  public static final String TOKEN = "canary-fuzz-access-token-5d1f";

  /** A message may quote a few server fields, each cut at 200 characters. */
  public static final int MAX_MESSAGE_CHARS = 700;

  /** {@code Json.EXCERPT_CHARS} and an ellipsis. */
  public static final int MAX_EXCERPT_CHARS = 201;

  public final int code;
  public final @Nullable String retryAfter;
  public final byte[] body;
  public final retrofit2.Response<Object> response;

  private FuzzedResponse(int code, @Nullable String retryAfter, byte[] body, Headers headers) {
    this.code = code;
    this.retryAfter = retryAfter;
    this.body = body;
    okhttp3.Response raw =
        new okhttp3.Response.Builder()
            .request(
                new Request.Builder()
                    .url("https://api.example.com/v1/resource")
                    .header("Authorization", "Bearer " + TOKEN)
                    .build())
            .protocol(Protocol.HTTP_1_1)
            .code(code)
            .message("fuzz")
            .headers(headers)
            .build();
    this.response =
        retrofit2.Response.error(ResponseBody.create(body, MediaType.get("application/json")), raw);
  }

  /** Returns the response {@code input} describes, or null if it describes none. */
  public static @Nullable FuzzedResponse parse(byte[] input) {
    int first = indexOf(input, 0);
    int second = first >= 0 ? indexOf(input, first + 1) : -1;
    if (second < 0) return null;
    String status = new String(input, 0, first, StandardCharsets.UTF_8).trim();
    int code;
    try {
      code = Integer.parseInt(status);
    } catch (NumberFormatException e) {
      code = status.hashCode();
    }
    if (code < 300 || code > 599) code = 300 + Math.floorMod(code, 300);
    String retryAfter = new String(input, first + 1, second - first - 1, StandardCharsets.UTF_8);
    Headers.Builder headers = new Headers.Builder().add("Content-Type", "application/json");
    try {
      if (!retryAfter.isEmpty()) headers.add("Retry-After", retryAfter);
    } catch (IllegalArgumentException notAHeaderValue) {
      return null; // OkHttp refuses such header values before a parser could see them.
    }
    Buffer body = new Buffer();
    for (int i = second + 1; i < input.length; i++) {
      if (input[i] == '@' && i + 1 < input.length && input[i + 1] == '@') {
        body.writeUtf8(TOKEN);
        i++;
      } else {
        body.writeByte(input[i]);
      }
    }
    return new FuzzedResponse(
        code, retryAfter.isEmpty() ? null : retryAfter, body.readByteArray(), headers.build());
  }

  /**
   * Returns the milliseconds a Retry-After of whole seconds asks for, at most {@link
   * Long#MAX_VALUE}; null if there is no such header.
   */
  @Nullable
  public Long retryAfterSecondsInMillis() {
    String value = retryAfter != null ? retryAfter.trim() : "";
    if (!value.matches("[0-9]+")) return null;
    BigInteger millis = new BigInteger(value).multiply(BigInteger.valueOf(1000));
    return millis.min(BigInteger.valueOf(Long.MAX_VALUE)).longValue();
  }

  private static int indexOf(byte[] input, int from) {
    for (int i = from; i < input.length; i++) {
      if (input[i] == '\n') return i;
    }
    return -1;
  }

  /**
   * Asserts what every provider exception promises: the status, a bounded message that quotes no
   * more than an excerpt of the body, a bounded excerpt, never the request's token, no cause (the
   * body was readable), and the rate limit and {@code Retry-After} of the response.
   */
  public void assertSafe(ApiException e) {
    assertThat(e.code()).isEqualTo(code);
    assertThat(e.getCause()).isNull();
    assertThat(e.isRateLimited()).isEqualTo(code == 429);
    assertThat(e.retryAfterMillis()).isGreaterThanOrEqualTo(-1L);
    if (retryAfter == null) assertThat(e.retryAfterMillis()).isEqualTo(-1L);
    Long seconds = retryAfterSecondsInMillis();
    if (seconds != null) assertThat(e.retryAfterMillis()).isEqualTo(seconds);
    String message = Objects.requireNonNull(e.getMessage(), "message");
    assertThat(message).hasSizeLessThanOrEqualTo(MAX_MESSAGE_CHARS);
    String text = new String(body, StandardCharsets.UTF_8);
    for (int i = 0; i + MAX_EXCERPT_CHARS < message.length(); i++) {
      String window = message.substring(i, i + MAX_EXCERPT_CHARS + 1);
      assertThat(text).as("the message quotes more than an excerpt").doesNotContain(window);
    }
    assertThat(message).doesNotContain(TOKEN);
    assertThat(e.toString()).doesNotContain(TOKEN);
    String excerpt = e.bodyExcerpt();
    if (excerpt != null) {
      assertThat(excerpt).hasSizeLessThanOrEqualTo(MAX_EXCERPT_CHARS).doesNotContain(TOKEN);
    }
  }
}
