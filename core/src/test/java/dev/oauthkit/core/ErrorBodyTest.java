/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oauthkit.core.internal.HttpBodies;
import dev.oauthkit.core.internal.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import okhttp3.Headers;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okio.Buffer;
import okio.BufferedSource;
import okio.ForwardingSource;
import okio.Okio;
import org.junit.jupiter.api.Test;

class ErrorBodyTest {
  private static final String TOKEN = "access-token-canary-1234";
  private static final Clock CLOCK =
      new Clock() {
        @Override
        public long currentTimeMillis() {
          return 1_000_000L;
        }

        @Override
        public void sleep(long millis) {}
      };

  @Test
  void readsParsesAndMasksTheBearerToken() {
    String text = "{\"error\":\"token " + TOKEN + " refused\"}";
    ErrorBody body =
        ErrorBody.read(response(400, "Bearer " + TOKEN), ResponseBody.create(text, null), CLOCK);

    assertThat(body.code()).isEqualTo(400);
    assertThat(body.excerpt()).isEqualTo("{\"error\":\"token ██ refused\"}");
    assertThat(body.jsonObject().get("error")).isEqualTo("token ██ refused");
    assertThat(body.readFailure()).isNull();
    assertThat(body.retryAfterMillis()).isEqualTo(-1L);
    assertThat(body.toString())
        .isEqualTo("ErrorBody{code=400, " + utf8(text).length + " bytes}")
        .doesNotContain(TOKEN);
  }

  @Test
  void masksTheWholeCredentialOfAnotherScheme() {
    Request request =
        new Request.Builder()
            .url("https://api.example.com/")
            .header("Authorization", TOKEN)
            .build();

    assertThat(excerpt("x " + TOKEN + " y", request)).isEqualTo("x ██ y");
    assertThat(excerpt("x", new Request.Builder().url("https://a.example/").build()))
        .isEqualTo("x");
  }

  @Test
  void aTokenEchoedWithJsonEscapedSlashesIsRedacted() {
    Request request =
        new Request.Builder()
            .url("https://a.example/")
            .header("Authorization", "Bearer abc/def/ghi")
            .build();

    assertThat(excerpt("{\"echo\":\"abc\\/def\\/ghi\"}", request)).isEqualTo("{\"echo\":\"██\"}");
  }

  @Test
  void aBodyInAnotherShapeKeepsAnExcerpt() {
    ErrorBody body =
        ErrorBody.read(
            response(502, null),
            ResponseBody.create(
                "<html>\n<h1>Bad Gateway</h1>\n</html>", MediaType.get("text/html")),
            CLOCK);

    assertThat(body.json()).isNull();
    assertThat(body.jsonObject()).isNull();
    assertThat(body.excerpt()).isEqualTo("<html> <h1>Bad Gateway</h1> </html>");
  }

  @Test
  void aJsonValueThatIsNotAnObject() {
    ErrorBody body = ErrorBody.of(500, Headers.of(), utf8("[1,2]"), null, 0L, null);

    assertThat(body.json()).isInstanceOf(java.util.List.class);
    assertThat(body.jsonObject()).isNull();
  }

  @Test
  void longBodiesAreTruncatedAtTheOneBodyLimit() {
    StringBuilder text = new StringBuilder("[\"");
    while (text.length() <= HttpBodies.MAX_BODY_BYTES) text.append("0123456789");
    text.append("\"]");

    ErrorBody body =
        ErrorBody.read(response(500, null), ResponseBody.create(text.toString(), null), CLOCK);

    assertThat(body).hasToString("ErrorBody{code=500, " + (64 * 1024) + " bytes}");
    assertThat(body.json()).isNull(); // Cut short, so no longer one JSON value.
    assertThat(body.excerpt()).hasSize(Json.EXCERPT_CHARS + 1).endsWith("…");
  }

  @Test
  void retryAfterIsMeasuredWithTheClock() {
    Response seconds = response(429, null).newBuilder().header("Retry-After", "3").build();

    assertThat(ErrorBody.read(seconds, null, CLOCK).retryAfterMillis()).isEqualTo(3000L);
  }

  @Test
  void anUnreadableBodyIsEmptyWithTheFailure() {
    BufferedSource failing =
        Okio.buffer(
            new ForwardingSource(new Buffer()) {
              @Override
              public long read(Buffer sink, long byteCount) throws IOException {
                throw new IOException("connection reset");
              }
            });

    ErrorBody body =
        ErrorBody.read(response(500, null), ResponseBody.create(failing, null, -1L), CLOCK);

    assertThat(body.excerpt()).isEmpty();
    assertThat(body.json()).isNull();
    assertThat(body).hasToString("ErrorBody{code=500, 0 bytes}");
    assertThat(body.readFailure()).hasMessage("connection reset");
  }

  @Test
  void aMissingBodyIsEmpty() {
    ErrorBody body = ErrorBody.read(response(404, null), null, CLOCK);

    assertThat(body.excerpt()).isEmpty();
    assertThat(body.json()).isNull();
    assertThat(body.readFailure()).isNull();
  }

  @Test
  void aSuccessfulResponseIsRefused() {
    assertThatThrownBy(() -> ErrorBody.read(response(200, null), null, CLOCK))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("response is successful: HTTP 200");
  }

  @Test
  void invalidUtf8IsParsedFromTheOriginalBytesWhenNothingIsMasked() {
    byte[] bytes = {'"', (byte) 0xC3, (byte) 0xA9, '"'};

    Object json = ErrorBody.of(400, Headers.of(), bytes, null, 0L, null).json();

    assertThat(json).isEqualTo("é");
    Map<?, ?> none = ErrorBody.of(400, Headers.of(), new byte[0], null, 0L, null).jsonObject();
    assertThat(none).isNull();
  }

  /**
   * A server that echoes the bearer token shows it as its JSON encoder escapes it (Gson writes
   * {@code =} as a six-character unicode escape, PHP {@code /} as a backslash and a slash) or
   * form-encoded.
   */
  @Test
  void jsonEscapedAndFormEncodedTokenEchoIsRedacted() throws Exception {
    String token = "eyJhbGciOiJSUzI1NiJ9.canary+token/with=padding==";
    String[] echoes = {
      "{\"error\":\"invalid token eyJhbGciOiJSUzI1NiJ9.canary+token/with\\u003dpadding\\u003d\\u003d\"}",
      "{\"error\":\"invalid token eyJhbGciOiJSUzI1NiJ9.canary\\u002Btoken\\/with=padding==\"}",
      "access_token=eyJhbGciOiJSUzI1NiJ9.canary%2Btoken%2Fwith%3Dpadding%3D%3D is invalid",
      "access_token=eyJhbGciOiJSUzI1NiJ9.canary%2btoken%2fwith%3dpadding%3d%3d is invalid",
    };
    try (MockWebServer server = new MockWebServer()) {
      for (String echo : echoes) {
        server.enqueue(new MockResponse().setResponseCode(401).setBody(echo));
      }
      OkHttpClient client = new OkHttpClient();
      for (String echo : echoes) {
        Request request =
            new Request.Builder()
                .url(server.url("/v1/x"))
                .header("Authorization", "Bearer " + token)
                .build();
        ErrorBody body;
        try (Response response = client.newCall(request).execute()) {
          body = ErrorBody.read(response, response.body(), CLOCK);
        }
        assertThat(server.takeRequest().getHeader("Authorization")).isEqualTo("Bearer " + token);
        assertThat(body.excerpt()).as(echo).contains("██").doesNotContain("canary");
        assertThat(body.excerpt()).as(echo).doesNotContain("canary");
        assertThat(String.valueOf(body.json())).as(echo).doesNotContain("canary");
      }
    }
  }

  /** Returns the excerpt of {@code text} as the error body of {@code request}. */
  private static String excerpt(String text, Request request) {
    Response response =
        new Response.Builder()
            .request(request)
            .protocol(Protocol.HTTP_1_1)
            .code(500)
            .message("status")
            .build();
    return ErrorBody.read(response, ResponseBody.create(text, null), CLOCK).excerpt();
  }

  private static Response response(int code, String authorization) {
    Request.Builder request = new Request.Builder().url("https://api.example.com/v1/x");
    if (authorization != null) request.header("Authorization", authorization);
    return new Response.Builder()
        .request(request.build())
        .protocol(Protocol.HTTP_1_1)
        .code(code)
        .message("status")
        .build();
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
