/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import java.io.IOException;
import java.io.UnsupportedEncodingException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import okhttp3.Headers;
import okhttp3.MediaType;
import okhttp3.MultipartReader;
import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The exact token request each endpoint configuration puts on the wire. */
class TokenRequestWireTest {
  /** A secret with every character that form-urlencoding or a Basic header could get wrong. */
  private static final String TRICKY_SECRET = "p+ss%w:rd é€";

  /** {@link #TRICKY_SECRET} form-urlencoded, written out by hand. */
  private static final String TRICKY_SECRET_FORM_ENCODED = "p%2Bss%25w%3Ard+%C3%A9%E2%82%AC";

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
  void formRequestBodySendsCredentialsInTheBodyOnly() throws Exception {
    TokenEndpoint endpoint =
        TestServer.endpoint(server).clientAuthentication(ClientAuthentication.REQUEST_BODY).build();

    RecordedRequest request = requestFor(endpoint, Grant.clientCredentials());

    assertThat(request.getHeader("Content-Type")).isEqualTo("application/x-www-form-urlencoded");
    assertThat(body(request))
        .isEqualTo(
            "grant_type=client_credentials&client_id="
                + TestServer.CLIENT_ID
                + "&client_secret="
                + TestServer.CLIENT_SECRET);
    assertThat(request.getHeader("Authorization")).isNull();
  }

  @Test
  void formRequestBodyEncodesSecretSoThatFormDecodingRestoresIt() throws Exception {
    TokenEndpoint endpoint =
        TestServer.endpoint(server)
            .clientSecret(TRICKY_SECRET)
            .clientAuthentication(ClientAuthentication.REQUEST_BODY)
            .build();

    RecordedRequest request = requestFor(endpoint, Grant.clientCredentials());

    assertThat(formFields(body(request)))
        .containsOnly(
            entry("grant_type", "client_credentials"),
            entry("client_id", TestServer.CLIENT_ID),
            entry("client_secret", TRICKY_SECRET));
    assertThat(request.getHeader("Authorization")).isNull();
  }

  @Test
  void basicAuthFormUrlEncodesIdAndSecret() throws Exception {
    String clientId = "client:42";
    TokenEndpoint endpoint =
        TestServer.endpoint(server).clientId(clientId).clientSecret(TRICKY_SECRET).build();
    assertThat(endpoint.clientAuthentication()).isEqualTo(ClientAuthentication.BASIC);

    RecordedRequest request = requestFor(endpoint, Grant.clientCredentials());

    // Independently: the hand-written encoding agrees with java.net.URLEncoder.
    assertThat(URLEncoder.encode(TRICKY_SECRET, "UTF-8")).isEqualTo(TRICKY_SECRET_FORM_ENCODED);
    String expected =
        "Basic "
            + Base64.getEncoder()
                .encodeToString(
                    ("client%3A42:" + TRICKY_SECRET_FORM_ENCODED).getBytes(StandardCharsets.UTF_8));
    assertThat(request.getHeader("Authorization")).isEqualTo(expected);
    assertThat(body(request)).isEqualTo("grant_type=client_credentials");
  }

  @Test
  void basicAuthKeepsCredentialsOutOfTheBody() throws Exception {
    TokenEndpoint endpoint = TestServer.endpoint(server).build();

    RecordedRequest request = requestFor(endpoint, Grant.clientCredentials());

    String body = body(request);
    assertThat(formFields(body)).containsOnly(entry("grant_type", "client_credentials"));
    assertThat(body).doesNotContain("client_id", "client_secret", TestServer.CLIENT_SECRET);
    assertThat(request.getHeader("Authorization"))
        .isEqualTo(
            "Basic "
                + Base64.getEncoder()
                    .encodeToString(
                        (TestServer.CLIENT_ID + ":" + TestServer.CLIENT_SECRET)
                            .getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void basicUnencodedSendsRawUtf8Credentials() throws Exception {
    TokenEndpoint endpoint =
        TestServer.endpoint(server)
            .clientSecret(TRICKY_SECRET)
            .clientAuthentication(ClientAuthentication.BASIC_UNENCODED)
            .build();

    RecordedRequest request = requestFor(endpoint, Grant.clientCredentials());

    String expected =
        "Basic "
            + Base64.getEncoder()
                .encodeToString(
                    (TestServer.CLIENT_ID + ":" + TRICKY_SECRET).getBytes(StandardCharsets.UTF_8));
    assertThat(request.getHeader("Authorization")).isEqualTo(expected);
    assertThat(body(request)).isEqualTo("grant_type=client_credentials");
  }

  @Test
  void multipartSendsOnePartPerField() throws Exception {
    TokenEndpoint endpoint =
        TestServer.endpoint(server)
            .clientAuthentication(ClientAuthentication.REQUEST_BODY)
            .encoding(TokenEndpoint.Encoding.MULTIPART)
            .build();

    RecordedRequest request = requestFor(endpoint, Grant.clientCredentials());

    String contentType = request.getHeader("Content-Type");
    assertThat(contentType).startsWith("multipart/form-data; boundary=");
    String boundary = MediaType.get(contentType).parameter("boundary");
    assertThat(boundary).isNotEmpty();

    Map<String, String> parts = new LinkedHashMap<>();
    int partCount = 0;
    try (MultipartReader reader = new MultipartReader(request.getBody(), boundary)) {
      MultipartReader.Part part;
      while ((part = reader.nextPart()) != null) {
        partCount++;
        Headers headers = part.headers();
        String disposition = headers.get("Content-Disposition");
        assertThat(disposition).startsWith("form-data; name=\"");
        String name =
            disposition.substring("form-data; name=\"".length(), disposition.length() - 1);
        parts.put(name, part.body().readUtf8());
      }
    }
    assertThat(partCount).isEqualTo(3);
    assertThat(parts)
        .containsOnly(
            entry("client_id", TestServer.CLIENT_ID),
            entry("client_secret", TestServer.CLIENT_SECRET),
            entry("grant_type", "client_credentials"));
    assertThat(request.getHeader("Authorization")).isNull();
  }

  @Test
  void jsonSendsAnObjectOfStringFields() throws Exception {
    TokenEndpoint endpoint =
        TestServer.endpoint(server)
            .clientAuthentication(ClientAuthentication.REQUEST_BODY)
            .encoding(TokenEndpoint.Encoding.JSON)
            .build();

    RecordedRequest request = requestFor(endpoint, Grant.clientCredentials());

    assertThat(request.getHeader("Content-Type")).isEqualTo("application/json; charset=utf-8");
    Map<String, Object> expected = new LinkedHashMap<>();
    expected.put("grant_type", "client_credentials");
    expected.put("client_id", TestServer.CLIENT_ID);
    expected.put("client_secret", TestServer.CLIENT_SECRET);
    assertThat(jsonObject(body(request))).isEqualTo(expected);
    assertThat(request.getHeader("Authorization")).isNull();
  }

  @Test
  void passwordGrantSendsUsernameAndPassword() throws Exception {
    TokenEndpoint endpoint = TestServer.endpoint(server).build();
    server.enqueue(TestServer.token("at-password", 3600));

    AccessToken token =
        new OAuth2TokenSource(endpoint, new OkHttpClient(), clock)
            .fetch(Grant.password("alice", "pw"));

    assertThat(token.value()).isEqualTo("at-password");
    RecordedRequest request = TestServer.take(server);
    assertTokenRequest(request);
    assertThat(formFields(body(request)))
        .containsOnly(
            entry("grant_type", "password"), entry("username", "alice"), entry("password", "pw"));
    assertThat(request.getHeader("Authorization")).startsWith("Basic ");
  }

  @Test
  void refreshTokenGrantSendsRefreshToken() throws Exception {
    TokenEndpoint endpoint = TestServer.endpoint(server).build();

    RecordedRequest request = requestFor(endpoint, Grant.refreshToken("rt-wire-1"));

    assertThat(formFields(body(request)))
        .containsOnly(entry("grant_type", "refresh_token"), entry("refresh_token", "rt-wire-1"));
  }

  @Test
  void scopeAndExtraParametersAreSent() throws Exception {
    TokenEndpoint endpoint =
        TestServer.endpoint(server).scope("read write").addParameter("audience", "api").build();

    RecordedRequest request = requestFor(endpoint, Grant.clientCredentials());

    assertThat(formFields(body(request)))
        .containsOnly(
            entry("grant_type", "client_credentials"),
            entry("scope", "read write"),
            entry("audience", "api"));
  }

  @Test
  void omittedAndRenamedRequestFieldsAreHonoured() throws Exception {
    TokenEndpoint endpoint =
        TestServer.endpoint(server)
            .clientAuthentication(ClientAuthentication.REQUEST_BODY)
            .omitRequestField("grant_type")
            .requestField("client_id", "clientId")
            .requestField("client_secret", "secret")
            .requestField("scope", "scopes")
            .scope("read")
            .build();

    RecordedRequest request = requestFor(endpoint, Grant.clientCredentials());

    assertThat(formFields(body(request)))
        .containsOnly(
            entry("clientId", TestServer.CLIENT_ID),
            entry("secret", TestServer.CLIENT_SECRET),
            entry("scopes", "read"));
  }

  @Test
  void renamedPasswordGrantFieldsAreHonoured() throws Exception {
    TokenEndpoint endpoint =
        TestServer.endpoint(server)
            .requestField("username", "login")
            .requestField("password", "passphrase")
            .build();

    RecordedRequest request = requestFor(endpoint, Grant.password("alice", "pw"));

    assertThat(formFields(body(request)))
        .containsOnly(
            entry("grant_type", "password"), entry("login", "alice"), entry("passphrase", "pw"));
  }

  /** Obtains a token through a manager and returns the token request, checked for its basics. */
  private RecordedRequest requestFor(TokenEndpoint endpoint, Grant grant) throws Exception {
    server.enqueue(TestServer.token("at-wire", 3600));
    TokenManager manager =
        new TokenManager.Builder(endpoint, grant)
            .addApiBaseUrl(server.url("/"))
            .clock(clock)
            .refreshExecutor(executor)
            .build();

    assertThat(manager.token().value()).isEqualTo("at-wire");

    RecordedRequest request = TestServer.take(server);
    assertTokenRequest(request);
    assertThat(server.getRequestCount()).isEqualTo(1);
    return request;
  }

  private static void assertTokenRequest(RecordedRequest request) {
    assertThat(request.getMethod()).isEqualTo("POST");
    assertThat(request.getPath()).isEqualTo("/oauth/token");
    assertThat(request.getRequestUrl().query()).isNull();
    assertThat(request.getHeader("Accept")).isEqualTo("application/json");
  }

  private static String body(RecordedRequest request) {
    return request.getBody().clone().readUtf8();
  }

  /** Decodes an application/x-www-form-urlencoded body, keeping field order. */
  static Map<String, String> formFields(String body) throws UnsupportedEncodingException {
    Map<String, String> fields = new LinkedHashMap<>();
    if (body.isEmpty()) return fields;
    for (String pair : body.split("&", -1)) {
      int equals = pair.indexOf('=');
      assertThat(equals).as("field %s has a value", pair).isPositive();
      String name = URLDecoder.decode(pair.substring(0, equals), "UTF-8");
      String value = URLDecoder.decode(pair.substring(equals + 1), "UTF-8");
      assertThat(fields).as("field %s is sent once", name).doesNotContainKey(name);
      fields.put(name, value);
    }
    return fields;
  }

  static Map<String, Object> jsonObject(String json) throws IOException {
    JsonAdapter<Map<String, Object>> adapter =
        new Moshi.Builder()
            .build()
            .adapter(Types.newParameterizedType(Map.class, String.class, Object.class));
    Map<String, Object> result = adapter.fromJson(json);
    assertThat(result).isNotNull();
    return result;
  }
}
