/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Secrets and tokens never show in descriptions, events or messages, and tokens go only where they
 * belong.
 */
class SafetyTest {
  private static final String SECRET = TestServer.CLIENT_SECRET;
  private static final String ACCESS_TOKEN = "at-canary-9f3e1c0d-access";
  private static final String ACCESS_TOKEN_2 = "at-canary-2b7d44aa-access";
  private static final String REFRESH_TOKEN = "rt-canary-51c0ffee-refresh";
  private static final String REFRESH_TOKEN_2 = "rt-canary-77deadbe-refresh";
  private static final String PASSWORD = "pw-canary-0a9b8c7d";

  private static final String[] CANARIES = {
    SECRET, ACCESS_TOKEN, ACCESS_TOKEN_2, REFRESH_TOKEN, REFRESH_TOKEN_2, PASSWORD
  };

  private final TestClock clock = new TestClock();
  private final ManualExecutor executor = new ManualExecutor();
  private final RecordingTokenListener listener = new RecordingTokenListener();

  /** The token endpoint and the API, reached as {@code localhost}. */
  private MockWebServer server;

  /** Another host: reached as {@code 127.0.0.1}. */
  private MockWebServer other;

  @BeforeEach
  void setUp() throws IOException {
    server = new MockWebServer();
    server.start();
    other = new MockWebServer();
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
  void accessTokenToStringShowsNoTokens() {
    AccessToken token =
        new AccessToken.Builder()
            .value(ACCESS_TOKEN)
            .issuedAtMillis(TestClock.START_MILLIS)
            .expiresAtMillis(TestClock.START_MILLIS + 3_600_000L)
            .refreshToken(REFRESH_TOKEN)
            .scope("read")
            .build();

    assertThat(token.toString())
        .contains("Bearer")
        .contains("scope=read")
        .satisfies(SafetyTest::assertNoCanary);
  }

  @Test
  void endpointManagerAndGrantDescriptionsShowNoSecrets() {
    TokenEndpoint endpoint = endpointBuilder().build();
    TokenManager manager =
        new TokenManager.Builder(endpoint, Grant.password("alice@example.com", PASSWORD))
            .addApiBaseUrl(server.url("/"))
            .clock(clock)
            .build();

    assertThat(endpoint.toString())
        .contains(TestServer.CLIENT_ID)
        .satisfies(SafetyTest::assertNoCanary);
    assertThat(manager.toString()).contains("password").satisfies(SafetyTest::assertNoCanary);
    assertThat(new TokenInterceptor(manager).toString()).satisfies(SafetyTest::assertNoCanary);
    assertThat(new TokenAuthenticator(manager).toString()).satisfies(SafetyTest::assertNoCanary);
    assertThat(manager.storeKey()).doesNotContain("alice").satisfies(SafetyTest::assertNoCanary);
    assertThat(Grant.password("alice@example.com", PASSWORD).toString())
        .contains("password")
        .doesNotContain("alice")
        .satisfies(SafetyTest::assertNoCanary);
    assertThat(Grant.refreshToken(REFRESH_TOKEN).toString())
        .contains("refresh_token")
        .satisfies(SafetyTest::assertNoCanary);
  }

  @Test
  void tokenEndpointUserInfoIsRedactedInToString() throws Exception {
    HttpUrl url =
        local("/oauth/token").newBuilder().username("ops-user").password(PASSWORD).build();
    TokenEndpoint endpoint = endpointBuilder().url(url).build();
    TokenManager manager =
        new TokenManager.Builder(endpoint, Grant.clientCredentials())
            .addApiBaseUrl(server.url("/"))
            .clock(clock)
            .refreshExecutor(executor)
            .build();
    server.enqueue(TestServer.json(401, "{\"error\":\"invalid_client\"}"));

    List<String> texts = new ArrayList<>();
    texts.add(endpoint.toString());
    texts.add(manager.toString());
    texts.add(new TokenInterceptor(manager).toString());
    texts.add(new TokenAuthenticator(manager).toString());
    try {
      manager.token();
      throw new AssertionError("expected invalid_client");
    } catch (IOException e) {
      texts.addAll(describeChain(e));
    }

    assertThat(endpoint.url().password()).isEqualTo(PASSWORD); // The request may still use it.
    assertThat(endpoint.toString()).contains("/oauth/token");
    for (String text : texts) {
      assertThat(text).doesNotContain("ops-user");
      assertNoCanary(text);
    }
  }

  @Test
  void flowWithRefreshAndInvalidClientRecordsNoSecret() throws Exception {
    TokenManager manager = managerBuilder().addApiBaseUrl(server.url("/")).build();
    OkHttpClient client = apiClient(manager);

    server.enqueue(TestServer.token(ACCESS_TOKEN, 3600, REFRESH_TOKEN)); // Token request.
    server.enqueue(new MockResponse().setResponseCode(401)); // The API refuses the token...
    server.enqueue(TestServer.token(ACCESS_TOKEN_2, 3600, REFRESH_TOKEN_2)); // ...refreshed...
    server.enqueue(new MockResponse().setBody("first")); // ...and accepted.
    server.enqueue(new MockResponse().setResponseCode(401)); // Refused again...
    server.enqueue(
        TestServer.json(
            401,
            "{\"error\":\"invalid_client\",\"error_description\":\"client secret "
                + SECRET
                + " does not match, refresh token "
                + REFRESH_TOKEN_2
                + "\"}")); // ...and the refresh fails.

    try (Response response = client.newCall(get(local("/api/first"))).execute()) {
      assertThat(response.body().string()).isEqualTo("first");
    }
    IOException failure = null;
    try (Response response = client.newCall(get(local("/api/second"))).execute()) {
      throw new AssertionError("expected the call to fail, got " + response);
    } catch (IOException e) {
      failure = e;
    }

    // The flow went as scripted.
    assertThat(failure).isInstanceOf(TokenRequestException.class);
    assertThat(((TokenRequestException) failure).error()).isEqualTo("invalid_client");
    assertThat(TestServer.take(server).getBody().readUtf8()).contains("client_credentials");
    assertThat(TestServer.take(server).getHeader("Authorization"))
        .isEqualTo("Bearer " + ACCESS_TOKEN);
    assertThat(TestServer.take(server).getBody().readUtf8())
        .contains("grant_type=refresh_token&refresh_token=" + REFRESH_TOKEN);
    assertThat(TestServer.take(server).getHeader("Authorization"))
        .isEqualTo("Bearer " + ACCESS_TOKEN_2);
    assertThat(TestServer.take(server).getHeader("Authorization"))
        .isEqualTo("Bearer " + ACCESS_TOKEN_2);
    assertThat(TestServer.take(server).getBody().readUtf8())
        .contains("refresh_token=" + REFRESH_TOKEN_2);
    assertThat(listener.count("invalidated")).isEqualTo(2);
    assertThat(listener.count("end refresh_token")).isEqualTo(1);
    assertThat(listener.count("failed refresh_token")).isEqualTo(1);
    assertThat(listener.exceptions).hasSize(1);

    // Nothing anyone could log contains a secret or a token.
    List<String> texts = new ArrayList<>(listener.events());
    texts.addAll(describeChain(failure));
    for (IOException e : listener.exceptions) texts.addAll(describeChain(e));
    texts.add(manager.toString());
    assertThat(texts).isNotEmpty();
    for (String text : texts) assertNoCanary(text);
  }

  @Test
  void plainHttpTokenEndpointOnANetworkHostIsRefused() {
    TokenEndpoint.Builder builder = endpointBuilder().url("http://auth.example.com/token");

    assertThatThrownBy(builder::build)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("http://auth.example.com/")
        .satisfies(e -> assertNoCanary(e.getMessage()));
  }

  @Test
  void plainHttpTokenEndpointIsAllowedWhenInsecureHttpIsAllowed() {
    TokenEndpoint endpoint =
        endpointBuilder().url("http://auth.example.com/token").allowInsecureHttp(true).build();

    assertThat(endpoint.url().toString()).isEqualTo("http://auth.example.com/token");
  }

  @Test
  void plainHttpTokenEndpointOnLoopbackIsAllowed() {
    assertThat(endpointBuilder().url("http://127.0.0.1:8080/token").build().url().host())
        .isEqualTo("127.0.0.1");
    assertThat(endpointBuilder().url("http://localhost:8080/token").build().url().host())
        .isEqualTo("localhost");
    assertThat(endpointBuilder().url("http://[::1]:8080/token").build().url().host())
        .isEqualTo("::1");
  }

  @Test
  void lookalikeLoopbackHostsNeedHttps() {
    for (String url :
        new String[] {
          "http://localhost.example.com/token",
          "http://127.0.0.1.example.com/token",
          "http://128.0.0.1/token"
        }) {
      TokenEndpoint.Builder builder = endpointBuilder().url(url);
      assertThatThrownBy(builder::build).as(url).isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void tokenEndpointRedirectIsNotFollowedWithTheCredentials() throws Exception {
    TokenManager manager =
        new TokenManager.Builder(
                endpointBuilder().clientAuthentication(ClientAuthentication.REQUEST_BODY).build(),
                Grant.clientCredentials())
            .addApiBaseUrl(server.url("/"))
            .clock(clock)
            .refreshExecutor(executor)
            .listener(listener)
            .build();
    server.enqueue(
        new MockResponse()
            .setResponseCode(307)
            .setHeader("Location", otherHost("/stolen").toString()));

    IOException failure = null;
    try {
      manager.token();
    } catch (IOException e) {
      failure = e;
    }

    assertThat(failure).isInstanceOf(TokenRequestException.class);
    assertThat(((TokenRequestException) failure).code()).isEqualTo(307);
    assertThat(failure.getMessage()).contains("redirected").satisfies(SafetyTest::assertNoCanary);
    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(other.getRequestCount()).isZero();
  }

  @Test
  void bearerIsNotSentToAHostOutsideTheScope() throws Exception {
    OkHttpClient client = apiClient(managerBuilder().addApiBaseUrl(server.url("/")).build());
    other.enqueue(new MockResponse().setBody("elsewhere"));

    try (Response response = client.newCall(get(otherHost("/api/things"))).execute()) {
      assertThat(response.body().string()).isEqualTo("elsewhere");
    }

    assertThat(TestServer.take(other).getHeader("Authorization")).isNull();
    assertThat(server.getRequestCount()).isZero(); // No token was even fetched.
  }

  @Test
  void bearerIsNotSentToTheTokenEndpoint() throws Exception {
    OkHttpClient client = apiClient(managerBuilder().addApiBaseUrl(server.url("/")).build());
    server.enqueue(TestServer.token(ACCESS_TOKEN, 3600));

    Request request =
        new Request.Builder()
            .url(local("/oauth/token"))
            .post(new FormBody.Builder().add("grant_type", "client_credentials").build())
            .build();
    try (Response response = client.newCall(request).execute()) {
      assertThat(response.code()).isEqualTo(200);
    }

    assertThat(TestServer.take(server).getHeader("Authorization")).isNull();
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void callersAuthorizationHeaderIsNotReplaced() throws Exception {
    OkHttpClient client = apiClient(managerBuilder().addApiBaseUrl(server.url("/")).build());
    server.enqueue(new MockResponse().setBody("ok"));

    Request request =
        new Request.Builder()
            .url(local("/api/things"))
            .header("Authorization", "Basic dXNlcjpwYXNz")
            .build();
    try (Response response = client.newCall(request).execute()) {
      assertThat(response.code()).isEqualTo(200);
    }

    assertThat(TestServer.take(server).getHeader("Authorization")).isEqualTo("Basic dXNlcjpwYXNz");
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void crossHostRedirectDoesNotCarryTheBearer() throws Exception {
    OkHttpClient client = apiClient(managerBuilder().addApiBaseUrl(server.url("/")).build());
    server.enqueue(TestServer.token(ACCESS_TOKEN, 3600));
    server.enqueue(
        new MockResponse()
            .setResponseCode(302)
            .setHeader("Location", otherHost("/landing").toString()));
    other.enqueue(new MockResponse().setBody("landed"));

    try (Response response = client.newCall(get(local("/api/start"))).execute()) {
      assertThat(response.body().string()).isEqualTo("landed");
    }

    TestServer.take(server); // The token request.
    RecordedRequest api = TestServer.take(server);
    assertThat(api.getPath()).isEqualTo("/api/start");
    assertThat(api.getHeader("Authorization")).isEqualTo("Bearer " + ACCESS_TOKEN);
    RecordedRequest redirected = TestServer.take(other);
    assertThat(redirected.getPath()).isEqualTo("/landing");
    assertThat(redirected.getHeader("Authorization")).isNull();
    assertThat(redirected.getHeaders().toString()).doesNotContain(ACCESS_TOKEN);
  }

  @Test
  void apiBaseUrlWithPathRestrictsTheBearerToThatPath() throws Exception {
    OkHttpClient client = apiClient(managerBuilder().addApiBaseUrl(local("/api/v1/")).build());
    server.enqueue(TestServer.token(ACCESS_TOKEN, 3600));
    server.enqueue(new MockResponse().setBody("in scope"));
    server.enqueue(new MockResponse().setBody("public"));
    server.enqueue(new MockResponse().setBody("other version"));

    for (String path : new String[] {"/api/v1/things", "/public/info", "/api/v2/things"}) {
      try (Response response = client.newCall(get(local(path))).execute()) {
        assertThat(response.code()).isEqualTo(200);
      }
    }

    assertThat(TestServer.take(server).getPath()).isEqualTo("/oauth/token");
    RecordedRequest inScope = TestServer.take(server);
    assertThat(inScope.getPath()).isEqualTo("/api/v1/things");
    assertThat(inScope.getHeader("Authorization")).isEqualTo("Bearer " + ACCESS_TOKEN);
    RecordedRequest outside = TestServer.take(server);
    assertThat(outside.getPath()).isEqualTo("/public/info");
    assertThat(outside.getHeader("Authorization")).isNull();
    RecordedRequest otherVersion = TestServer.take(server);
    assertThat(otherVersion.getPath()).isEqualTo("/api/v2/things");
    assertThat(otherVersion.getHeader("Authorization")).isNull();
  }

  private TokenEndpoint.Builder endpointBuilder() {
    return new TokenEndpoint.Builder()
        .url(local("/oauth/token"))
        .clientId(TestServer.CLIENT_ID)
        .clientSecret(SECRET);
  }

  private TokenManager.Builder managerBuilder() {
    return new TokenManager.Builder(endpointBuilder().build(), Grant.clientCredentials())
        .clock(clock)
        .refreshExecutor(executor)
        .listener(listener);
  }

  private static OkHttpClient apiClient(TokenManager manager) {
    TokenInterceptor interceptor = new TokenInterceptor(manager);
    return new OkHttpClient.Builder()
        .addInterceptor(interceptor)
        .addNetworkInterceptor(interceptor)
        .authenticator(new TokenAuthenticator(manager))
        .build();
  }

  private HttpUrl local(String path) {
    return server.url(path).newBuilder().host("localhost").build();
  }

  private HttpUrl otherHost(String path) {
    return other.url(path).newBuilder().host("127.0.0.1").build();
  }

  private static Request get(HttpUrl url) {
    return new Request.Builder().url(url).build();
  }

  /** The description and message of {@code e} and of each of its causes. */
  private static List<String> describeChain(Throwable e) {
    List<String> result = new ArrayList<>();
    for (Throwable t = e; t != null; t = t.getCause()) {
      result.add(String.valueOf(t));
      if (t instanceof TokenRequestException) {
        TokenRequestException typed = (TokenRequestException) t;
        result.add(String.valueOf(typed.errorDescription()));
        result.add(String.valueOf(typed.bodyExcerpt()));
      }
      if (t.getCause() == t) break;
    }
    return result;
  }

  private static void assertNoCanary(String text) {
    assertThat(text).doesNotContain(CANARIES);
  }
}
