/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A generic API whose token endpoint takes {@code {"clientId","secret"}} as JSON and answers {@code
 * {"accessToken","tokenType","expiresIn"}}, configured with the builder alone.
 */
class Seed003GenericApiTest {
  private static final String ACCESS_TOKEN = "4172bbf1-0890-41c7-b0db-477095a288b6";

  private final TestClock clock = new TestClock();
  private final ManualExecutor executor = new ManualExecutor();
  private MockWebServer server;

  @BeforeEach
  void setUp() throws IOException {
    server = new MockWebServer();
    server.start();
  }

  @AfterEach
  void tearDown() throws IOException {
    server.shutdown();
  }

  @Test
  void jsonCredentialsAndCamelCaseResponseYieldABearerForTheApi() throws Exception {
    TokenEndpoint endpoint =
        new TokenEndpoint.Builder()
            .url(server.url("/api/token"))
            .clientId("testClient")
            .clientSecret("superSecret")
            .clientAuthentication(ClientAuthentication.REQUEST_BODY)
            .encoding(TokenEndpoint.Encoding.JSON)
            .omitRequestField("grant_type")
            .requestField("client_id", "clientId")
            .requestField("client_secret", "secret")
            .responseField("access_token", "accessToken")
            .responseField("token_type", "tokenType")
            .responseField("expires_in", "expiresIn")
            .build();
    TokenManager manager =
        new TokenManager.Builder(endpoint, Grant.clientCredentials())
            .addApiBaseUrl(server.url("/"))
            .clock(clock)
            .refreshExecutor(executor)
            .build();
    OkHttpClient client =
        new OkHttpClient.Builder()
            .addInterceptor(new TokenInterceptor(manager))
            .authenticator(new TokenAuthenticator(manager))
            .build();

    server.enqueue(
        TestServer.json(
            200,
            "{\"accessToken\":\""
                + ACCESS_TOKEN
                + "\",\"tokenType\":\"Bearer\",\"expiresIn\":1800}"));
    server.enqueue(TestServer.json(200, "[{\"id\":1,\"name\":\"Favourites\"}]"));

    try (Response response =
        client
            .newCall(new Request.Builder().url(server.url("/api/collections")).build())
            .execute()) {
      assertThat(response.code()).isEqualTo(200);
    }

    RecordedRequest tokenRequest = TestServer.take(server);
    assertThat(tokenRequest.getMethod()).isEqualTo("POST");
    assertThat(tokenRequest.getPath()).isEqualTo("/api/token");
    assertThat(tokenRequest.getHeader("Content-Type")).isEqualTo("application/json; charset=utf-8");
    assertThat(tokenRequest.getHeader("Accept")).isEqualTo("application/json");
    assertThat(tokenRequest.getHeader("Authorization")).isNull();
    assertThat(tokenRequest.getBody().readUtf8())
        .isEqualTo("{\"clientId\":\"testClient\",\"secret\":\"superSecret\"}");

    RecordedRequest apiRequest = TestServer.take(server);
    assertThat(apiRequest.getMethod()).isEqualTo("GET");
    assertThat(apiRequest.getPath()).isEqualTo("/api/collections");
    assertThat(apiRequest.getHeader("Authorization")).isEqualTo("Bearer " + ACCESS_TOKEN);

    // The token the call used is cached, with the camelCase fields read.
    AccessToken token = manager.token();
    assertThat(server.getRequestCount()).isEqualTo(2);
    assertThat(token.value()).isEqualTo(ACCESS_TOKEN);
    assertThat(token.tokenType()).isEqualTo("Bearer");
    assertThat(token.issuedAtMillis()).isEqualTo(TestClock.START_MILLIS);
    assertThat(token.expiresAtMillis())
        .isEqualTo(TestClock.START_MILLIS + TimeUnit.SECONDS.toMillis(1800));
    assertThat(token.extras()).isEmpty();
  }
}
