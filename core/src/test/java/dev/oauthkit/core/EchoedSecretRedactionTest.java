/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.core;

import static dev.oauthkit.core.TokenResponseParsingTest.tokenFailure;
import static org.assertj.core.api.Assertions.assertThat;

import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import java.io.IOException;
import java.net.URLEncoder;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A token endpoint that echoes the request shows the client secret, password or refresh token in
 * the encoding the request used; every excerpt and message has it redacted.
 */
class EchoedSecretRedactionTest {
  /** Every character JSON escapes, one it may escape ({@code /}), and non-ASCII. */
  private static final String JSON_SECRET =
      "open-canary\"quote\\back/slash\u0001ctl\ttab é€ \u2028 \uD83D\uDE00 close-canary";

  /** Characters that URLEncoder and OkHttp's FormBody encode differently or not at all. */
  private static final String FORM_SECRET = "open-canary p+ss*w~rd&x=1;é/€ close-canary";

  private static final String PASSWORD = "pw-open-canary\"\\/ é pw-close-canary";
  private static final String REFRESH_TOKEN = "rt-open-canary \"+/=~* rt-close-canary";

  private static final String[] MARKERS = {"open-canary", "close-canary"};

  /** How FormBody writes a space: OkHttp 4 as %20, OkHttp 5 as + (the Redactor reads both). */
  private static final String FORM_SPACE =
      String.valueOf(OkHttpVersionCheck.runtimeVersion()).startsWith("4.") ? "%20" : "+";

  private final TestClock clock = new TestClock();
  private final Script script = new Script();
  private final MockWebServer server = new MockWebServer();

  @BeforeEach
  void setUp() throws IOException {
    server.setDispatcher(script);
    server.start();
  }

  @AfterEach
  void tearDown() throws IOException {
    server.shutdown();
  }

  @Test
  void jsonEscapedSecretEchoIsRedacted() throws Exception {
    TokenManager tokens =
        manager(TokenEndpoint.Encoding.JSON, JSON_SECRET, Grant.clientCredentials());
    // The body as received, as text; as a PHP server re-encodes it (escaped '/', \\uXXXX for all
    // non-ASCII, lowercase hex); and inside a JSON error, where it is escaped twice on the wire.
    script
        .then(request -> text(400, "cannot parse " + body(request)))
        .then(request -> text(400, "cannot parse " + reencodeJson(body(request), true, false)))
        .then(request -> text(400, "cannot parse " + reencodeJson(body(request), true, true)))
        .then(
            request ->
                TestServer.json(
                    400,
                    "{\"error\":\"invalid_request\",\"error_description\":"
                        + jsonString("cannot parse " + body(request))
                        + ",\"received\":"
                        + jsonString(body(request))
                        + "}"));

    for (int i = 0; i < 4; i++) {
      TokenRequestException e = tokenFailure(tokens);
      assertThat(e.code()).isEqualTo(400);
      assertRedacted(e);
    }
    assertThat(script.requests()).hasSize(4);
    assertThat(script.requests().get(0).getBody().readUtf8()).contains(jsonString(JSON_SECRET));
  }

  @Test
  void formEncodedSecretEchoIsRedacted() throws Exception {
    TokenManager tokens =
        manager(TokenEndpoint.Encoding.FORM, FORM_SECRET, Grant.clientCredentials());
    // As received (OkHttp 4's FormBody: %20 for a space, OkHttp 5's: +), as URLEncoder encodes (+
    // for a space), with lowercase hex, and decoded.
    script
        .then(request -> text(400, "bad form " + body(request)))
        .then(request -> text(400, "bad form " + URLEncoder.encode(FORM_SECRET, "UTF-8")))
        .then(request -> text(400, "bad form " + lowercaseHex(body(request))))
        .then(request -> text(400, "bad secret " + FORM_SECRET));

    for (int i = 0; i < 4; i++) {
      assertRedacted(tokenFailure(tokens));
    }
    String sent = script.requests().get(0).getBody().readUtf8();
    assertThat(sent)
        .contains(FORM_SPACE + "p%2Bss*w%7Erd%26x%3D1%3B%C3%A9%2F%E2%82%AC" + FORM_SPACE);
  }

  @Test
  void echoedPasswordAndRefreshTokenAreRedactedInEitherEncoding() throws Exception {
    TokenManager json =
        manager(TokenEndpoint.Encoding.JSON, JSON_SECRET, Grant.password("alice", PASSWORD));
    TokenManager form =
        manager(TokenEndpoint.Encoding.FORM, FORM_SECRET, Grant.refreshToken(REFRESH_TOKEN));
    script
        .then(request -> text(400, "cannot parse " + body(request)))
        .then(request -> text(400, "bad form " + body(request)));

    assertRedacted(tokenFailure(json));
    try {
      form.token();
      throw new AssertionError("expected the refresh to fail");
    } catch (IOException e) {
      for (Throwable t = e; t != null; t = t.getCause()) {
        assertThat(t.toString()).doesNotContain(MARKERS);
        if (t instanceof TokenRequestException) assertRedacted((TokenRequestException) t);
      }
    }
    assertThat(script.requests().get(0).getBody().readUtf8()).contains("pw-open-canary\\\"\\\\/");
    assertThat(script.requests().get(1).getBody().readUtf8())
        .contains("rt-open-canary" + FORM_SPACE + "%22%2B");
  }

  private TokenManager manager(TokenEndpoint.Encoding encoding, String secret, Grant grant) {
    TokenEndpoint endpoint =
        TestServer.endpoint(server)
            .clientSecret(secret)
            .clientAuthentication(ClientAuthentication.REQUEST_BODY)
            .encoding(encoding)
            .build();
    return new TokenManager.Builder(endpoint, grant)
        .addApiBaseUrl(server.url("/"))
        .clock(clock)
        .maxAttempts(1)
        .refreshExecutor(new ManualExecutor())
        .build();
  }

  private static void assertRedacted(TokenRequestException e) {
    List<String> texts = new ArrayList<>();
    texts.add(e.getMessage());
    texts.add(e.toString());
    texts.add(String.valueOf(e.bodyExcerpt()));
    texts.add(String.valueOf(e.error()));
    texts.add(String.valueOf(e.errorDescription()));
    texts.add(String.valueOf(e.errorUri()));
    texts.add(String.valueOf(e.errorBody()));
    for (String text : texts) assertThat(text).doesNotContain(MARKERS);
    assertThat(String.valueOf(e.bodyExcerpt()) + e.errorDescription()).contains("██");
  }

  private static String body(RecordedRequest request) {
    return request.getBody().clone().readUtf8();
  }

  private static MockResponse text(int code, String body) {
    return new MockResponse()
        .setResponseCode(code)
        .setHeader("Content-Type", "text/plain; charset=utf-8")
        .setBody(body);
  }

  /** Encodes {@code value} as Moshi does, quotes included. */
  private static String jsonString(String value) throws IOException {
    Buffer buffer = new Buffer();
    JsonWriter.of(buffer).value(value).close();
    return buffer.readUtf8();
  }

  /**
   * Re-encodes a JSON object of strings as a server with other habits would: {@code \/} for {@code
   * /}, {@code \\uXXXX} for every non-ASCII character.
   */
  private static String reencodeJson(String json, boolean escapeSlash, boolean upperHex)
      throws IOException {
    @SuppressWarnings("unchecked") // A token request is an object of strings.
    Map<String, Object> object =
        (Map<String, Object>) JsonReader.of(new Buffer().writeUtf8(json)).readJsonValue();
    StringBuilder result = new StringBuilder("{");
    for (Map.Entry<String, Object> field : object.entrySet()) {
      if (result.length() > 1) result.append(',');
      result.append('"').append(field.getKey()).append("\":\"");
      String value = (String) field.getValue();
      for (int i = 0; i < value.length(); i++) {
        char c = value.charAt(i);
        if (c == '"' || c == '\\') {
          result.append('\\').append(c);
        } else if (c == '/' && escapeSlash) {
          result.append("\\/");
        } else if (c < 0x20 || c > 0x7e) {
          String hex = String.format(Locale.ROOT, "\\u%04x", (int) c);
          result.append(upperHex ? hex.toUpperCase(Locale.ROOT).replace("\\U", "\\u") : hex);
        } else {
          result.append(c);
        }
      }
      result.append('"');
    }
    return result.append('}').toString();
  }

  private static String lowercaseHex(String formEncoded) {
    StringBuilder result = new StringBuilder(formEncoded);
    for (int i = result.indexOf("%"); i >= 0; i = result.indexOf("%", i + 1)) {
      for (int j = i + 1; j < i + 3 && j < result.length(); j++) {
        result.setCharAt(j, Character.toLowerCase(result.charAt(j)));
      }
    }
    return result.toString();
  }
}
