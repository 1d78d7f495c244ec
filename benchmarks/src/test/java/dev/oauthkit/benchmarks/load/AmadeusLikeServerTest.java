/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.benchmarks.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import okhttp3.FormBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AmadeusLikeServerTest {
  private final OkHttpClient client = new OkHttpClient();
  private final AmadeusLikeServer server;

  AmadeusLikeServerTest() throws IOException {
    server = AmadeusLikeServer.start(20_000);
  }

  @AfterEach
  void close() throws IOException {
    server.close();
    client.dispatcher().executorService().shutdown();
    client.connectionPool().evictAll();
  }

  @Test
  void issuesAmadeusTokensAndServesCheckinLinksUntilRevoked() throws IOException {
    String token = token(AmadeusLikeServer.CLIENT_SECRET);

    String[] ok = checkinLinks("Bearer " + token);
    assertThat(ok[0]).isEqualTo("200");
    assertThat(ok[1]).contains("\"type\":\"checkin-link\"", "\"channel\":\"Web\"");

    server.revokeAll();
    String[] revoked = checkinLinks("Bearer " + token);
    assertThat(revoked[0]).isEqualTo("401");
    assertThat(revoked[1]).contains("\"code\":\"38193\"", "Access token revoked");

    assertThat(checkinLinks("Bearer unknown")[1]).contains("\"code\":\"38190\"");
    assertThat(checkinLinks(null)[1]).contains("\"code\":\"38191\"");
    assertThat(server.tokenRequests()).isEqualTo(1);
    assertThat(server.calls()).isEqualTo(4);
    assertThat(server.unauthorized()).isEqualTo(3);
  }

  @Test
  void expiredTokensGet38192() throws IOException {
    server.tokenLifetimeMillis(0);
    String[] answer = checkinLinks("Bearer " + token(AmadeusLikeServer.CLIENT_SECRET));
    assertThat(answer[0]).isEqualTo("401");
    assertThat(answer[1]).contains("\"code\":\"38192\"", "Access token expired");
  }

  @Test
  void refusesWrongCredentialsAsAmadeusDoes() throws IOException {
    Request request = tokenRequest("wrong");
    try (Response response = client.newCall(request).execute()) {
      assertThat(response.code()).isEqualTo(401);
      assertThat(string(response)).contains("\"error\":\"invalid_client\"", "\"code\":38187");
    }
  }

  @Test
  void keepsConnectionsAlive() throws IOException {
    token(AmadeusLikeServer.CLIENT_SECRET);
    checkinLinks("Bearer x");
    checkinLinks("Bearer y");
    assertThat(client.connectionPool().connectionCount()).isEqualTo(1);
  }

  private String token(String secret) throws IOException {
    try (Response response = client.newCall(tokenRequest(secret)).execute()) {
      String body = string(response);
      assertThat(response.code()).isEqualTo(200);
      assertThat(body)
          .contains(
              "\"type\":\"amadeusOAuth2Token\"",
              "\"token_type\":\"Bearer\"",
              "\"state\":\"approved\"",
              "\"scope\":\"\"");
      int start = body.indexOf("\"access_token\":\"") + "\"access_token\":\"".length();
      return body.substring(start, body.indexOf('"', start));
    }
  }

  private Request tokenRequest(String secret) {
    return new Request.Builder()
        .url(server.baseUrl() + "v1/security/oauth2/token")
        .post(
            new FormBody.Builder()
                .add("grant_type", "client_credentials")
                .add("client_id", AmadeusLikeServer.CLIENT_ID)
                .add("client_secret", secret)
                .build())
        .build();
  }

  private String[] checkinLinks(@Nullable String authorization) throws IOException {
    Request.Builder request =
        new Request.Builder()
            .url(server.baseUrl() + "v2/reference-data/urls/checkin-links?airlineCode=IB");
    if (authorization != null) request.header("Authorization", authorization);
    try (Response response = client.newCall(request.build()).execute()) {
      return new String[] {Integer.toString(response.code()), string(response)};
    }
  }

  private static String string(Response response) throws IOException {
    ResponseBody body = response.body();
    return body != null ? body.string() : "";
  }
}
