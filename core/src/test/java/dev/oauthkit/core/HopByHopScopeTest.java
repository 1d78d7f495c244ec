/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.core;

import static dev.oauthkit.core.TestServer.take;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The bearer token goes only where it is allowed, hop by hop: on every redirect and retry, and not
 * to a path that escapes the API base path once the server decodes it.
 */
class HopByHopScopeTest {
  private static final String ACCESS_TOKEN = "at-canary-hop-1";
  private static final String ACCESS_TOKEN_2 = "at-canary-hop-2";
  private static final String BASIC = "Basic dXNlcjpwYXNz";

  private final TestClock clock = new TestClock();
  private final ManualExecutor executor = new ManualExecutor();

  /** The token endpoint and the API, reached as {@code localhost}. */
  private final MockWebServer server = new MockWebServer();

  /** Another host: reached as {@code 127.0.0.1}. */
  private final MockWebServer other = new MockWebServer();

  @BeforeEach
  void setUp() throws IOException {
    server.start();
    other.start(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), 0);
  }

  @AfterEach
  void tearDown() throws IOException {
    try {
      other.shutdown();
    } finally {
      server.shutdown();
    }
  }

  @Test
  void redirectToPathOutsideBaseUrlDropsToken() throws Exception {
    OkHttpClient client = apiClient(managerBuilder().addApiBaseUrl(local("/v1/")).build());
    server.enqueue(TestServer.token(ACCESS_TOKEN, 3600));
    server.enqueue(redirect(302, "/admin/export"));
    server.enqueue(new MockResponse().setBody("exported"));

    assertThat(get(client, local("/v1/x"))).isEqualTo("exported");

    assertThat(take(server).getPath()).isEqualTo("/oauth/token");
    assertHop(take(server), "/v1/x", "Bearer " + ACCESS_TOKEN);
    assertHop(take(server), "/admin/export", null);
  }

  @Test
  void redirectToTokenEndpointDropsToken() throws Exception {
    OkHttpClient client = apiClient(managerBuilder().addApiBaseUrl(local("/")).build());
    server.enqueue(TestServer.token(ACCESS_TOKEN, 3600));
    server.enqueue(redirect(307, "/oauth/token"));
    server.enqueue(new MockResponse().setBody("token endpoint"));

    assertThat(get(client, local("/api/x"))).isEqualTo("token endpoint");

    assertThat(take(server).getPath()).isEqualTo("/oauth/token");
    assertHop(take(server), "/api/x", "Bearer " + ACCESS_TOKEN);
    RecordedRequest redirected = take(server);
    assertHop(redirected, "/oauth/token", null);
    assertThat(redirected.getHeaders().toString()).doesNotContain(ACCESS_TOKEN);
  }

  @Test
  void redirectWithinBaseUrlKeepsToken() throws Exception {
    OkHttpClient client = apiClient(managerBuilder().addApiBaseUrl(local("/v1/")).build());
    server.enqueue(TestServer.token(ACCESS_TOKEN, 3600));
    server.enqueue(redirect(301, "/v1/moved/here"));
    server.enqueue(new MockResponse().setBody("here"));

    assertThat(get(client, local("/v1/x"))).isEqualTo("here");

    assertThat(take(server).getPath()).isEqualTo("/oauth/token");
    assertHop(take(server), "/v1/x", "Bearer " + ACCESS_TOKEN);
    assertHop(take(server), "/v1/moved/here", "Bearer " + ACCESS_TOKEN);
  }

  @Test
  void callersOwnAuthorizationHeaderSurvivesRedirect() throws Exception {
    OkHttpClient client = apiClient(managerBuilder().addApiBaseUrl(local("/v1/")).build());
    server.enqueue(redirect(302, "/admin/export"));
    server.enqueue(redirect(307, "/oauth/token"));
    server.enqueue(new MockResponse().setBody("done"));

    Request request =
        new Request.Builder().url(local("/v1/x")).header("Authorization", BASIC).build();
    try (Response response = client.newCall(request).execute()) {
      assertThat(response.body().string()).isEqualTo("done");
    }

    // No token was fetched: the caller's header is theirs to send, on every hop OkHttp keeps it.
    assertHop(take(server), "/v1/x", BASIC);
    assertHop(take(server), "/admin/export", BASIC);
    assertHop(take(server), "/oauth/token", BASIC);
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  @Test
  void redirectOutOfBaseUrlAndBackCarriesTokenOnlyInside() throws Exception {
    OkHttpClient client = apiClient(managerBuilder().addApiBaseUrl(local("/v1/")).build());
    server.enqueue(TestServer.token(ACCESS_TOKEN, 3600));
    server.enqueue(redirect(302, "/login?next=/v1/y"));
    server.enqueue(redirect(302, "/v1/y"));
    server.enqueue(new MockResponse().setBody("y"));

    assertThat(get(client, local("/v1/x"))).isEqualTo("y");

    assertThat(take(server).getPath()).isEqualTo("/oauth/token");
    assertHop(take(server), "/v1/x", "Bearer " + ACCESS_TOKEN);
    assertHop(take(server), "/login?next=/v1/y", null);
    assertHop(take(server), "/v1/y", "Bearer " + ACCESS_TOKEN);
  }

  /** The authenticator's retry carries a renewed token; its redirect must lose that one too. */
  @Test
  void renewedTokenIsDroppedOnRedirectOutsideBaseUrl() throws Exception {
    OkHttpClient client = apiClient(managerBuilder().addApiBaseUrl(local("/v1/")).build());
    server.enqueue(TestServer.token(ACCESS_TOKEN, 3600));
    server.enqueue(new MockResponse().setResponseCode(401));
    server.enqueue(TestServer.token(ACCESS_TOKEN_2, 3600));
    server.enqueue(redirect(303, "/admin/export"));
    server.enqueue(new MockResponse().setBody("exported"));

    assertThat(get(client, local("/v1/x"))).isEqualTo("exported");

    assertThat(take(server).getPath()).isEqualTo("/oauth/token");
    assertHop(take(server), "/v1/x", "Bearer " + ACCESS_TOKEN);
    assertThat(take(server).getPath()).isEqualTo("/oauth/token");
    assertHop(take(server), "/v1/x", "Bearer " + ACCESS_TOKEN_2);
    assertHop(take(server), "/admin/export", null);
  }

  /**
   * Redirect targets that HttpUrl resolves (dot segments, encoded dots, backslashes) or that a
   * servlet container would ({@code ..;}) end outside the base path.
   */
  @Test
  void redirectToDotSegmentsEscapingBasePathDropsToken() throws Exception {
    OkHttpClient client = apiClient(managerBuilder().addApiBaseUrl(local("/v1/")).build());
    server.enqueue(TestServer.token(ACCESS_TOKEN, 3600));
    String[][] redirects = {
      {"/v1/../admin", "/admin"},
      {"/v1/%2e%2E/admin", "/admin"},
      {"/v1/.%2e/admin", "/admin"},
      {"/v1\\..\\admin", "/admin"},
      {"/v1/..;/admin", "/v1/..;/admin"},
    };
    for (String[] redirect : redirects) {
      server.enqueue(redirect(302, redirect[0]));
      server.enqueue(new MockResponse().setBody("landed"));
    }

    for (String[] redirect : redirects) {
      assertThat(get(client, local("/v1/x"))).as(redirect[0]).isEqualTo("landed");
    }

    assertThat(take(server).getPath()).isEqualTo("/oauth/token");
    for (String[] redirect : redirects) {
      assertHop(take(server), "/v1/x", "Bearer " + ACCESS_TOKEN);
      assertHop(take(server), redirect[1], null);
    }
  }

  @Test
  void encodedSlashEscapingBasePathIsOutOfScope() throws Exception {
    OkHttpClient client = apiClient(managerBuilder().addApiBaseUrl(local("/v1/")).build());
    server.enqueue(TestServer.token(ACCESS_TOKEN, 3600));
    String[] escaping = {
      "/v1/..%2Fadmin",
      "/v1/..%2fadmin",
      "/v1/%2e%2e%2Fadmin",
      "/v1/..%5Cadmin",
      "/v1/..%5cadmin",
      "/v1/a%2F..%2F..%2Fadmin",
      "/v1/%252e%252e/admin",
      "/v1/..%252Fadmin",
      "/v1/..;/admin",
      "/v1/..%00/admin",
      "/v1/%C0%AE%C0%AE/admin",
    };
    for (int i = 0; i < escaping.length + 1; i++) {
      server.enqueue(new MockResponse().setBody("ok"));
    }

    assertThat(get(client, local("/v1/inside"))).isEqualTo("ok");
    for (String path : escaping) {
      assertThat(get(client, local(path))).as(path).isEqualTo("ok");
    }

    assertThat(take(server).getPath()).isEqualTo("/oauth/token");
    assertHop(take(server), "/v1/inside", "Bearer " + ACCESS_TOKEN);
    for (String path : escaping) assertHop(take(server), path, null);
  }

  @Test
  void redirectToEncodedSlashEscapingBasePathDropsToken() throws Exception {
    OkHttpClient client = apiClient(managerBuilder().addApiBaseUrl(local("/v1/")).build());
    server.enqueue(TestServer.token(ACCESS_TOKEN, 3600));
    server.enqueue(redirect(302, "/v1/..%2Fadmin/export"));
    server.enqueue(new MockResponse().setBody("exported"));

    assertThat(get(client, local("/v1/x"))).isEqualTo("exported");

    assertThat(take(server).getPath()).isEqualTo("/oauth/token");
    assertHop(take(server), "/v1/x", "Bearer " + ACCESS_TOKEN);
    assertHop(take(server), "/v1/..%2Fadmin/export", null);
  }

  /** Spellings of the token endpoint's path that a lenient server routes to it. */
  @Test
  void tokenEndpointSpelledDifferentlyIsOutOfScope() throws Exception {
    OkHttpClient client = apiClient(managerBuilder().addApiBaseUrl(local("/")).build());
    server.enqueue(TestServer.token(ACCESS_TOKEN, 3600));
    String[] spellings = {
      "/oauth/token/",
      "/OAuth/Token",
      "/oauth//token",
      "/oauth/token;jsessionid=1",
      "/oauth/%74oken"
    };
    for (int i = 0; i < spellings.length + 1; i++) {
      server.enqueue(new MockResponse().setBody("ok"));
    }

    assertThat(get(client, local("/api/inside"))).isEqualTo("ok");
    for (String path : spellings) {
      assertThat(get(client, local(path))).as(path).isEqualTo("ok");
    }

    assertThat(take(server).getPath()).isEqualTo("/oauth/token");
    assertHop(take(server), "/api/inside", "Bearer " + ACCESS_TOKEN);
    for (String path : spellings) assertHop(take(server), path, null);
  }

  @Test
  void networkInterceptorAloneAttachesTokenOnlyInScope() throws Exception {
    TokenManager tokens = managerBuilder().addApiBaseUrl(local("/v1/")).build();
    OkHttpClient client =
        new OkHttpClient.Builder()
            .addNetworkInterceptor(new TokenInterceptor(tokens))
            .authenticator(new TokenAuthenticator(tokens))
            .build();
    server.enqueue(TestServer.token(ACCESS_TOKEN, 3600));
    server.enqueue(new MockResponse().setBody("inside"));
    server.enqueue(redirect(302, "/admin/export"));
    server.enqueue(new MockResponse().setBody("exported"));

    assertThat(get(client, local("/v1/inside"))).isEqualTo("inside");
    assertThat(get(client, local("/v1/x"))).isEqualTo("exported");

    assertThat(take(server).getPath()).isEqualTo("/oauth/token");
    assertHop(take(server), "/v1/inside", "Bearer " + ACCESS_TOKEN);
    assertHop(take(server), "/v1/x", "Bearer " + ACCESS_TOKEN);
    assertHop(take(server), "/admin/export", null);
  }

  /** OkHttp drops the header on a host change; a host that is in scope gets the token again. */
  @Test
  void redirectToAnotherApiHostCarriesToken() throws Exception {
    TokenManager tokens =
        managerBuilder().addApiBaseUrl(local("/v1/")).addApiBaseUrl(otherHost("/v1/")).build();
    OkHttpClient client = apiClient(tokens);
    server.enqueue(TestServer.token(ACCESS_TOKEN, 3600));
    server.enqueue(redirect(302, otherHost("/v1/y").toString()));
    other.enqueue(redirect(302, otherHost("/public").toString()));
    other.enqueue(new MockResponse().setBody("public"));

    assertThat(get(client, local("/v1/x"))).isEqualTo("public");

    assertThat(take(server).getPath()).isEqualTo("/oauth/token");
    assertHop(take(server), "/v1/x", "Bearer " + ACCESS_TOKEN);
    assertHop(take(other), "/v1/y", "Bearer " + ACCESS_TOKEN);
    assertHop(take(other), "/public", null);
  }

  private TokenManager.Builder managerBuilder() {
    TokenEndpoint endpoint =
        new TokenEndpoint.Builder()
            .url(local("/oauth/token"))
            .clientId(TestServer.CLIENT_ID)
            .clientSecret(TestServer.CLIENT_SECRET)
            .build();
    return new TokenManager.Builder(endpoint, Grant.clientCredentials())
        .clock(clock)
        .refreshExecutor(executor);
  }

  /** A client with the interceptor installed both ways, as the README shows. */
  private static OkHttpClient apiClient(TokenManager tokens) {
    TokenInterceptor interceptor = new TokenInterceptor(tokens);
    return new OkHttpClient.Builder()
        .addInterceptor(interceptor)
        .addNetworkInterceptor(interceptor)
        .authenticator(new TokenAuthenticator(tokens))
        .build();
  }

  private static MockResponse redirect(int code, String location) {
    return new MockResponse().setResponseCode(code).setHeader("Location", location);
  }

  private static String get(OkHttpClient client, HttpUrl url) throws IOException {
    try (Response response = client.newCall(new Request.Builder().url(url).build()).execute()) {
      return response.body().string();
    }
  }

  private static void assertHop(RecordedRequest hop, String path, @Nullable String authorization) {
    assertThat(hop.getPath()).isEqualTo(path);
    assertThat(hop.getHeader("Authorization")).as(path).isEqualTo(authorization);
  }

  private HttpUrl local(String path) {
    return HttpUrl.get("http://localhost:" + server.getPort() + path);
  }

  private HttpUrl otherHost(String path) {
    return HttpUrl.get("http://127.0.0.1:" + other.getPort() + path);
  }
}
