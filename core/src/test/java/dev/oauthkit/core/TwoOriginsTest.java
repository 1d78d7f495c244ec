/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.core;

import static dev.oauthkit.core.TestServer.json;
import static dev.oauthkit.core.TestServer.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 13 item 2: the token endpoint and the API on two origins, as with {@code accounts.} and
 * {@code api.} hosts. One server for both could not show that a guessed scope sends no token.
 */
final class TwoOriginsTest {
  private final MockWebServer accounts = new MockWebServer();
  private final MockWebServer api = new MockWebServer();

  @BeforeEach
  void setUp() throws IOException {
    accounts.start();
    api.start();
  }

  @AfterEach
  void tearDown() throws IOException {
    accounts.shutdown();
    api.shutdown();
  }

  @Test
  void managerWithoutApiBaseUrlIsRefusedAtBuildSayingWhy() {
    TokenManager.Builder builder =
        new TokenManager.Builder(TestServer.endpoint(accounts).build(), Grant.clientCredentials());

    assertThatThrownBy(builder::build)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "addApiBaseUrl required: tokens are sent only to the API base URLs, which are often on"
                + " another host than the token endpoint.");
  }

  @Test
  void apiOnAnotherOriginThanTheTokenEndpointGetsTheToken() throws Exception {
    accounts.enqueue(token("A", 3600));
    api.enqueue(json(200, "{}"));
    TokenManager tokens =
        new TokenManager.Builder(TestServer.endpoint(accounts).build(), Grant.clientCredentials())
            .addApiBaseUrl(api.url("/v1/"))
            .build();
    TokenInterceptor interceptor = new TokenInterceptor(tokens);
    OkHttpClient client =
        new OkHttpClient.Builder()
            .addInterceptor(interceptor)
            .addNetworkInterceptor(interceptor)
            .authenticator(new TokenAuthenticator(tokens))
            .build();

    try (Response response =
        client.newCall(new Request.Builder().url(api.url("/v1/me")).build()).execute()) {
      assertThat(response.code()).isEqualTo(200);
    }
    assertThat(TestServer.take(api).getHeader("Authorization")).isEqualTo("Bearer A");
    assertThat(TestServer.take(accounts).getPath()).isEqualTo("/oauth/token");
    assertThat(tokens.isInScope(accounts.url("/v1/me"))).isFalse();
  }
}
