/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.concurrent.TimeUnit;
import okhttp3.FormBody;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** What the sandboxes answer on the wire when told to fail, and how the controls are checked. */
final class SandboxWireTest {
  private static final OkHttpClient HTTP = new OkHttpClient();
  private static final MediaType JSON = MediaType.get("application/json");

  @AfterAll
  static void shutDown() {
    HTTP.dispatcher().executorService().shutdown();
    HTTP.connectionPool().evictAll();
  }

  @Test
  void amadeusFailuresAreGatewayErrorsWithoutRetryAfter() throws Exception {
    try (AmadeusSandbox sandbox = new AmadeusSandbox()) {
      sandbox.start();
      String url = sandbox.baseUrl().resolve("/v1/security/oauth2/token").toString();
      RequestBody form =
          new FormBody.Builder()
              .add("grant_type", "client_credentials")
              .add("client_id", Sandbox.CLIENT_ID)
              .add("client_secret", Sandbox.CLIENT_SECRET)
              .build();

      sandbox.failNextTokenRequests(1, 429);
      try (Response response = post(url, form)) {
        assertThat(response.code()).isEqualTo(429);
        assertThat(response.header("Retry-After")).isNull();
        assertThat(response.header("Content-Type")).isEqualTo("application/vnd.amadeus+json");
        assertThat(response.body().string())
            .isEqualTo(
                "{\"errors\":[{\"code\":\"38194\",\"title\":\"Too many requests\",\"detail\":"
                    + "\"The network rate limit is exceeded, please try again later\","
                    + "\"status\":\"429\"}]}");
      }
      sandbox.failNextTokenRequests(1, 502);
      assertThat(answer(url, form)).startsWith("502 {\"errors\":[{\"code\":\"38189\",");
      assertThat(answer(url, form)).startsWith("200 {\"type\":\"amadeusOAuth2Token\",");

      // Amadeus has no refresh tokens: the grant is unsupported, refused or not.
      sandbox.refuseRefreshTokens(true);
      RequestBody refresh =
          new FormBody.Builder()
              .add("grant_type", "refresh_token")
              .add("refresh_token", "rt")
              .add("client_id", Sandbox.CLIENT_ID)
              .add("client_secret", Sandbox.CLIENT_SECRET)
              .build();
      assertThat(answer(url, refresh)).startsWith("400 {\"error\":\"unsupported_grant_type\",");

      // JSON is not read: no grant type, counted as a token request all the same.
      assertThat(answer(url, RequestBody.create("{\"grant_type\":\"client_credentials\"}", JSON)))
          .startsWith("400 ");
      assertThat(sandbox.tokenRequests()).isEqualTo(5);
      assertThat(sandbox.tokenRequests("client_credentials")).isEqualTo(3);
      assertThat(sandbox.tokenRequests("refresh_token")).isEqualTo(1);
      assertThat(sandbox.apiCalls()).isZero();
    }
  }

  @Test
  void learnAmpFailuresAreItsErrorObjects() throws Exception {
    try (LearnAmpSandbox sandbox = new LearnAmpSandbox()) {
      sandbox.start();
      String url = sandbox.baseUrl().resolve("/oauth/token").toString();
      RequestBody form =
          new MultipartBody.Builder()
              .setType(MultipartBody.FORM)
              .addFormDataPart("client_id", Sandbox.CLIENT_ID)
              .addFormDataPart("client_secret", Sandbox.CLIENT_SECRET)
              .addFormDataPart("grant_type", "client_credentials")
              .build();

      sandbox.tokenEndpointDown(true);
      sandbox.failNextTokenRequests(1, 429); // Not used up while the endpoint is down.
      assertThat(answer(url, form)).isEqualTo("503 {\"error\":\"Service unavailable\"}");
      sandbox.tokenEndpointDown(false);
      assertThat(answer(url, form)).isEqualTo("429 {\"error\":\"Too many requests\"}");
      assertThat(answer(url, form)).startsWith("200 {\"access_token\":");
      assertThat(sandbox.tokenRequests("client_credentials")).isEqualTo(3);
    }
  }

  @Test
  void bindeoFailuresAreRawTextOrApplicationErrors() throws Exception {
    try (BindeoSandbox sandbox = new BindeoSandbox()) {
      sandbox.start();
      String url = sandbox.baseUrl().resolve("/access_token").toString();
      RequestBody password =
          RequestBody.create(
              "{\"grant_type\":\"password\",\"client_id\":\"sandbox-client\",\"client_secret\":"
                  + "\"sandbox-secret\",\"username\":\"sandbox.user@example.com\","
                  + "\"password\":\"sandbox-password\"}",
              JSON);

      sandbox.failNextTokenRequests(1, 500);
      try (Response response = post(url, password)) {
        assertThat(response.code()).isEqualTo(500);
        assertThat(response.header("Content-Type")).startsWith("text/html");
        assertThat(response.body().string()).startsWith("PDOException: ");
      }
      sandbox.failNextTokenRequests(1, 429);
      assertThat(answer(url, password))
          .isEqualTo("429 {\"error\":{\"code\":429,\"message\":\"Too many requests\"}}");

      String token = answer(url, password);
      String refreshToken = token.replaceAll(".*\"refresh_token\":\"([^\"]+)\".*", "$1");
      sandbox.refuseRefreshTokens(true);
      assertThat(
              answer(
                  url,
                  RequestBody.create(
                      "{\"grant_type\":\"refresh_token\",\"client_id\":\"sandbox-client\","
                          + "\"client_secret\":\"sandbox-secret\",\"refresh_token\":\""
                          + refreshToken
                          + "\"}",
                      JSON)))
          .isEqualTo(
              "400 {\"error\":\"invalid_request\",\"message\":\"The refresh token is invalid.\","
                  + "\"hint\":\"Token has been revoked\"}");
      assertThat(sandbox.tokenRequests("password")).isEqualTo(3);
      assertThat(sandbox.tokenRequests("refresh_token")).isEqualTo(1);

      // Without a token: Bindeo's 401, counted.
      try (Response response =
          HTTP.newCall(new Request.Builder().url(sandbox.baseUrl() + "account/identities").build())
              .execute()) {
        assertThat(response.code()).isEqualTo(401);
        assertThat(response.body().string())
            .isEqualTo(
                "{\"error\":\"access_denied\",\"message\":\"The resource owner or authorization"
                    + " server denied the request.\",\"hint\":\"Missing \\\"Authorization\\\""
                    + " header\"}");
      }
      assertThat(sandbox.apiCalls()).isEqualTo(1);
      assertThat(sandbox.unauthorizedResponses()).isEqualTo(1);
    }
  }

  @Test
  void closesWhetherStartedOrNot() throws Exception {
    LearnAmpSandbox neverStarted = new LearnAmpSandbox();
    neverStarted.close();
    assertThatThrownBy(neverStarted::baseUrl).isInstanceOf(IllegalStateException.class);

    BindeoSandbox started = new BindeoSandbox();
    started.start();
    String url = started.baseUrl() + "general/media-types?locale=en_US";
    started.close();
    assertThatThrownBy(() -> HTTP.newCall(new Request.Builder().url(url).build()).execute())
        .isInstanceOf(IOException.class);
  }

  @Test
  void controlsRefuseWhatNoProviderAnswers() throws Exception {
    try (AmadeusSandbox sandbox = new AmadeusSandbox()) {
      assertThatThrownBy(sandbox::baseUrl)
          .isInstanceOf(IllegalStateException.class)
          .hasMessage("call start() first");
      assertThatThrownBy(() -> sandbox.tokenLifetime(999, TimeUnit.MILLISECONDS))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> sandbox.failNextTokenRequests(1, 404))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("code is neither 429 nor 5xx: 404");
      assertThatThrownBy(() -> sandbox.failNextTokenRequests(-1, 503))
          .isInstanceOf(IllegalArgumentException.class);

      sandbox.start();
      assertThat(sandbox.baseUrl().host()).isEqualTo("127.0.0.1");
      assertThatThrownBy(sandbox::start).isInstanceOf(IllegalStateException.class);
    }
  }

  @Test
  void startsOnAGivenPort() throws Exception {
    int port;
    try (ServerSocket probe = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      port = probe.getLocalPort(); // Free now; closed again before the sandbox binds it.
    }
    try (AmadeusSandbox sandbox = new AmadeusSandbox();
        LearnAmpSandbox sameAddress = new LearnAmpSandbox()) {
      assertThatThrownBy(() -> sandbox.start(65536))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("port out of range: 65536");

      sandbox.start(port);

      assertThat(sandbox.baseUrl().toString()).isEqualTo("http://127.0.0.1:" + port + "/");
      String url = sandbox.baseUrl().resolve("/v1/security/oauth2/token").toString();
      RequestBody form =
          new FormBody.Builder()
              .add("grant_type", "client_credentials")
              .add("client_id", Sandbox.CLIENT_ID)
              .add("client_secret", Sandbox.CLIENT_SECRET)
              .build();
      assertThat(answer(url, form)).startsWith("200 {\"type\":\"amadeusOAuth2Token\",");
      assertThat(sandbox.tokenRequests()).isEqualTo(1);
      assertThatThrownBy(() -> sandbox.start(port)).isInstanceOf(IllegalStateException.class);
      assertThatThrownBy(() -> sameAddress.start(port)).isInstanceOf(BindException.class);
    }
  }

  private static Response post(String url, RequestBody body) throws IOException {
    return HTTP.newCall(new Request.Builder().url(url).post(body).build()).execute();
  }

  /** Returns "status body". */
  private static String answer(String url, RequestBody body) throws IOException {
    try (Response response = post(url, body)) {
      return response.code() + " " + response.body().string();
    }
  }
}
