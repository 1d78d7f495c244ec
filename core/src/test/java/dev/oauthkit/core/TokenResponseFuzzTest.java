/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Any token endpoint response yields a token or a {@link TokenRequestException}, never another
 * exception, and no message carries more than a bounded excerpt of what the server sent.
 *
 * <p>{@code mvn verify} replays the seeds in {@code TokenResponseFuzzTestInputs}; {@code
 * JAZZER_FUZZ=1 mvn -pl core test -Dtest=TokenResponseFuzzTest} fuzzes for {@code maxDuration}.
 */
final class TokenResponseFuzzTest {
  private static final int MAX_MESSAGE_CHARS = 700;

  private final OAuth2TokenSource standard =
      new OAuth2TokenSource(
          new TokenEndpoint.Builder()
              .url("https://auth.example.com/token")
              .clientId("client")
              .clientSecret(TestServer.CLIENT_SECRET)
              .build(),
          new OkHttpClient(),
          new TestClock());

  private final OAuth2TokenSource renamed =
      new OAuth2TokenSource(
          standard
              .endpoint
              .newBuilder()
              .responseField("access_token", "accessToken")
              .responseField("expires_in", "expiresIn")
              .responseField("created_at", "createdAt")
              .build(),
          new OkHttpClient(),
          new TestClock());

  @FuzzTest(maxDuration = "50s")
  void anyResponseIsATokenOrATypedFailure(FuzzedDataProvider data) {
    int code = data.consumeBoolean() ? 200 : data.consumeInt(100, 599);
    String challenge = data.consumeBoolean() ? data.consumeString(200) : null;
    String retryAfter = data.consumeBoolean() ? data.consumeString(40) : null;
    OAuth2TokenSource source = data.consumeBoolean() ? standard : renamed;
    byte[] body = data.consumeRemainingAsBytes();

    Response.Builder response =
        new Response.Builder()
            .request(new Request.Builder().url("https://auth.example.com/token").build())
            .protocol(Protocol.HTTP_1_1)
            .code(code)
            .message("fuzz")
            .body(ResponseBody.create(body, MediaType.get("application/json")));
    try {
      if (challenge != null) response.header("WWW-Authenticate", challenge);
      if (retryAfter != null) response.header("Retry-After", retryAfter);
    } catch (IllegalArgumentException notAHeaderValue) {
      return; // OkHttp refuses control characters in header values before we see them.
    }

    try {
      AccessToken token =
          source.readResponse(response.build(), Grant.clientCredentials(), TestClock.START_MILLIS);
      assertThat(token.value()).isNotEmpty();
      assertThat(token.toString()).contains("value=██").doesNotContain("value=" + token.value());
    } catch (TokenRequestException e) {
      assertThat(e.getMessage()).hasSizeLessThanOrEqualTo(MAX_MESSAGE_CHARS);
      assertThat(e.getMessage()).doesNotContain(TestServer.CLIENT_SECRET);
      if (e.bodyExcerpt() != null) assertThat(e.bodyExcerpt()).hasSizeLessThanOrEqualTo(201);
    } catch (IOException e) {
      throw new AssertionError("untyped failure: " + e, e);
    }
  }
}
