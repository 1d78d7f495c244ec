/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oauthkit.core.ApiException;
import java.io.IOException;
import okhttp3.MediaType;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.ForwardingSource;
import okio.Okio;

/** An error response whose body fails to read, as when the connection breaks mid-body. */
public final class UnreadableResponse {
  /** The failure reading the body throws. */
  public static final String FAILURE = "connection reset mid-body";

  private UnreadableResponse() {}

  /** Returns a Retrofit error response with status {@code code} whose body cannot be read. */
  public static retrofit2.Response<Object> of(int code) {
    ResponseBody body =
        ResponseBody.create(
            Okio.buffer(
                new ForwardingSource(new Buffer()) {
                  @Override
                  public long read(Buffer sink, long byteCount) throws IOException {
                    throw new IOException(FAILURE);
                  }
                }),
            MediaType.get("application/json"),
            -1L);
    okhttp3.Response raw =
        new okhttp3.Response.Builder()
            .request(new Request.Builder().url("https://api.example.com/v1/resource").build())
            .protocol(Protocol.HTTP_1_1)
            .code(code)
            .message("unreadable")
            .build();
    return retrofit2.Response.error(body, raw);
  }

  /**
   * Asserts what every provider's {@code from(response)} promises for an unreadable body: an
   * exception with the status, the read failure as its cause, and no excerpt.
   */
  public static void assertKeptAsCause(ApiException e, int code) {
    assertThat(e.code()).isEqualTo(code);
    assertThat(e.getCause()).isInstanceOf(IOException.class).hasMessage(FAILURE);
    assertThat(e.getMessage()).isEqualTo("HTTP " + code + " (the error body could not be read)");
    assertThat(e.bodyExcerpt()).isNull();
  }
}
