/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.learnamp;

import static dev.oauthkit.learnamp.Fixtures.CLIENT_ID;
import static dev.oauthkit.learnamp.Fixtures.CLIENT_SECRET;
import static dev.oauthkit.learnamp.Fixtures.json;
import static dev.oauthkit.learnamp.Fixtures.take;
import static dev.oauthkit.learnamp.Fixtures.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import dev.oauthkit.core.AccessToken;
import dev.oauthkit.core.TokenRequestException;
import dev.oauthkit.learnamp.model.Learnlist;
import dev.oauthkit.testing.TestClock;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import okhttp3.Headers;
import okhttp3.MediaType;
import okhttp3.MultipartReader;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/** The token request on the wire, the token's lifetime, and the 401/403 handling. */
class LearnAmpAuthTest {
  /** token.json's {@code created_at}, in milliseconds. */
  private static final long CREATED_AT_MILLIS = 1601480215_000L;

  private final TestClock clock = new TestClock();
  @AutoClose private final MockWebServer server = new MockWebServer();

  @Test
  void tokenRequestIsMultipartFormWithClientCredentialsInTheBody() throws Exception {
    server.enqueue(token("t1"));
    LearnAmp learnAmp = Fixtures.learnAmp(server, clock).build();

    learnAmp.tokens().token();

    RecordedRequest request = take(server);
    assertThat(request.getMethod()).isEqualTo("POST");
    assertThat(request.getPath()).isEqualTo("/oauth/token");
    assertThat(request.getHeader("Content-Type")).startsWith("multipart/form-data; boundary=");
    assertThat(request.getHeader("Authorization")).isNull();
    assertThat(request.getHeaders().toString()).doesNotContain(CLIENT_SECRET);
    assertThat(parts(request))
        .containsOnly(
            entry("grant_type", "client_credentials"),
            entry("client_id", CLIENT_ID),
            entry("client_secret", CLIENT_SECRET));
  }

  @Test
  void scopeIsSentAsAMultipartFieldWhenSet() throws Exception {
    server.enqueue(token("t1"));
    LearnAmp learnAmp = Fixtures.learnAmp(server, clock).scope("users:read items:read").build();

    learnAmp.tokens().token();

    assertThat(parts(take(server)))
        .containsOnly(
            entry("grant_type", "client_credentials"),
            entry("client_id", CLIENT_ID),
            entry("client_secret", CLIENT_SECRET),
            entry("scope", "users:read items:read"));
  }

  @Test
  void tokenExpiryUsesCreatedAtWhenItAgreesWithTheClock() throws Exception {
    clock.set(CREATED_AT_MILLIS + 2_000L); // The server's clock is 2 s behind ours.
    server.enqueue(token("t1"));
    LearnAmp learnAmp = Fixtures.learnAmp(server, clock).build();

    AccessToken token = learnAmp.tokens().token();

    assertThat(token.value()).isEqualTo("t1");
    assertThat(token.scope()).isEqualTo("public");
    assertThat(token.refreshToken()).isNull();
    assertThat(token.issuedAtMillis()).isEqualTo(CREATED_AT_MILLIS);
    assertThat(token.expiresAtMillis())
        .isEqualTo(CREATED_AT_MILLIS + TimeUnit.SECONDS.toMillis(7200));
  }

  @Test
  void tokenExpiryIgnoresCreatedAtFarFromTheClock() throws Exception {
    server.enqueue(token("t1")); // created_at is in 2020; the test clock is in 2023.
    LearnAmp learnAmp = Fixtures.learnAmp(server, clock).build();

    AccessToken token = learnAmp.tokens().token();

    assertThat(token.expiresAtMillis())
        .isEqualTo(TestClock.START_MILLIS + TimeUnit.SECONDS.toMillis(7200));
  }

  @Test
  void apiCallsCarryTheBearerTokenAndAcceptJson() throws Exception {
    server.enqueue(token("t1"));
    server.enqueue(json(200, Fixtures.read("learnlist.json")));
    LearnAmp learnAmp = Fixtures.learnAmp(server, clock).build();

    Learnlist learnlist = learnAmp.execute(learnAmp.api().learnlist(379));

    assertThat(learnlist.name).isEqualTo("Test learnlist");
    take(server); // Token request.
    RecordedRequest api = take(server);
    assertThat(api.getMethod()).isEqualTo("GET");
    assertThat(api.getPath()).isEqualTo("/v1/learnlists/379");
    assertThat(api.getHeader("Authorization")).isEqualTo("Bearer t1");
    assertThat(api.getHeader("Accept")).isEqualTo("application/json");
  }

  @Test
  void unauthorizedRenewsTheTokenOnceAndRetries() throws Exception {
    server.enqueue(token("t1"));
    server.enqueue(json(401, "{\"error\":\"The access token is invalid\"}"));
    server.enqueue(token("t2"));
    server.enqueue(json(200, Fixtures.read("learnlist.json")));
    LearnAmp learnAmp = Fixtures.learnAmp(server, clock).build();

    Learnlist learnlist = learnAmp.execute(learnAmp.api().learnlist(379));

    assertThat(learnlist.id).isEqualTo(379L);
    assertThat(take(server).getPath()).isEqualTo("/oauth/token");
    assertThat(take(server).getHeader("Authorization")).isEqualTo("Bearer t1");
    assertThat(take(server).getPath()).isEqualTo("/oauth/token");
    RecordedRequest retry = take(server);
    assertThat(retry.getPath()).isEqualTo("/v1/learnlists/379");
    assertThat(retry.getHeader("Authorization")).isEqualTo("Bearer t2");
    assertThat(learnAmp.tokens().token().value()).isEqualTo("t2");
  }

  @Test
  void secondUnauthorizedIsReturnedWithoutAnotherRenewal() throws Exception {
    server.enqueue(token("t1"));
    server.enqueue(json(401, "{\"error\":\"The access token is invalid\"}"));
    server.enqueue(token("t2"));
    server.enqueue(json(401, "{\"error\":\"The access token is invalid\"}"));
    LearnAmp learnAmp = Fixtures.learnAmp(server, clock).build();

    assertThatThrownBy(() -> learnAmp.execute(learnAmp.api().learnlist(379)))
        .isInstanceOfSatisfying(
            LearnAmpException.class,
            e -> {
              assertThat(e.code()).isEqualTo(401);
              assertThat(e.error()).isEqualTo("The access token is invalid");
            });
    assertThat(server.getRequestCount()).isEqualTo(4);
  }

  @Test
  void forbiddenNeverRenewsTheToken() throws Exception {
    server.enqueue(token("t1"));
    server.enqueue(json(403, "{\"error\":\"Forbidden\"}"));
    server.enqueue(json(200, Fixtures.read("learnlist.json")));
    LearnAmp learnAmp = Fixtures.learnAmp(server, clock).build();

    assertThatThrownBy(() -> learnAmp.execute(learnAmp.api().learnlist(379)))
        .isInstanceOfSatisfying(LearnAmpException.class, e -> assertThat(e.code()).isEqualTo(403));
    learnAmp.execute(learnAmp.api().learnlist(379));

    assertThat(server.getRequestCount()).isEqualTo(3); // One token request only.
    take(server);
    assertThat(take(server).getHeader("Authorization")).isEqualTo("Bearer t1");
    assertThat(take(server).getHeader("Authorization")).isEqualTo("Bearer t1");
  }

  @Test
  void rejectedCredentialsFailWithTokenRequestExceptionThatHidesTheSecret() throws Exception {
    server.enqueue(
        json(
            401,
            "{\"error\":\"invalid_client\",\"error_description\":\"Client authentication failed"
                + " due to unknown client, no client authentication included, or unsupported"
                + " authentication method.\"}"));
    LearnAmp learnAmp = Fixtures.learnAmp(server, clock).build();

    assertThatThrownBy(() -> learnAmp.execute(learnAmp.api().learnlist(379)))
        .isInstanceOfSatisfying(
            TokenRequestException.class,
            e -> {
              assertThat(e.code()).isEqualTo(401);
              assertThat(e.error()).isEqualTo("invalid_client");
              assertThat(e.getMessage()).doesNotContain(CLIENT_SECRET);
              assertThat(e.toString()).doesNotContain(CLIENT_SECRET);
            });
    assertThat(server.getRequestCount()).isEqualTo(1); // Not retried, API not called.
  }

  @Test
  void environmentsResolveTheTokenEndpoint() {
    assertThat(LearnAmp.builder().clientId("a").clientSecret("b").build().baseUrl())
        .hasToString("https://api.learnamp.com/");
    LearnAmp eu2 =
        LearnAmp.builder()
            .clientId("a")
            .clientSecret("b")
            .environment(LearnAmp.Environment.EU2)
            .build();
    assertThat(eu2.baseUrl()).hasToString("https://api-eu2.learnamp.com/");

    assertThat(eu2.tokens().toString()).contains("https://api-eu2.learnamp.com/oauth/token");
  }

  @Test
  void customBaseUrlWithAPathPrefixesTokenAndApiPaths() throws Exception {
    server.enqueue(token("t1"));
    server.enqueue(json(200, Fixtures.read("learnlist.json")));
    LearnAmp learnAmp = Fixtures.learnAmp(server, clock).baseUrl(server.url("/la/")).build();

    learnAmp.execute(learnAmp.api().learnlist(379));

    assertThat(take(server).getPath()).isEqualTo("/la/oauth/token");
    RecordedRequest api = take(server);
    assertThat(api.getPath()).isEqualTo("/la/v1/learnlists/379");
    assertThat(api.getHeader("Authorization")).isEqualTo("Bearer t1");
  }

  @Test
  void builderValidates() {
    assertThatThrownBy(() -> LearnAmp.builder().clientSecret("b").build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("clientId required.");
    assertThatThrownBy(() -> LearnAmp.builder().clientId("a").build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("clientSecret required.");
    assertThatThrownBy(() -> LearnAmp.builder().baseUrl("http://api.learnamp.com/"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("plain http");
    assertThatThrownBy(() -> LearnAmp.builder().baseUrl("https://api.learnamp.com/v1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must end in /");
    assertThatThrownBy(() -> LearnAmp.builder().scope(" "))
        .isInstanceOf(IllegalArgumentException.class);
    // Loopback http is allowed, for tests and local sandboxes.
    LearnAmp local =
        LearnAmp.builder()
            .clientId("a")
            .clientSecret("b")
            .baseUrl("http://localhost:8080/")
            .build();
    assertThat(local.baseUrl()).hasToString("http://localhost:8080/");
  }

  @Test
  void toStringNeverShowsTheSecret() throws Exception {
    server.enqueue(token("access-token-canary"));
    LearnAmp learnAmp = Fixtures.learnAmp(server, clock).build();
    AccessToken token = learnAmp.tokens().token();

    assertThat(learnAmp.toString())
        .startsWith("LearnAmp{baseUrl=http://")
        .doesNotContain(CLIENT_SECRET)
        .doesNotContain("access-token-canary");
    assertThat(learnAmp.tokens().toString()).doesNotContain(CLIENT_SECRET);
    assertThat(token.toString()).doesNotContain("access-token-canary");
  }

  /** Returns the multipart form fields of {@code request}, failing on duplicates. */
  private static Map<String, String> parts(RecordedRequest request) throws IOException {
    MediaType type = MediaType.get(request.getHeader("Content-Type"));
    String boundary = type.parameter("boundary");
    assertThat(boundary).isNotNull();
    Map<String, String> fields = new LinkedHashMap<>();
    try (MultipartReader reader = new MultipartReader(request.getBody(), boundary)) {
      for (MultipartReader.Part part; (part = reader.nextPart()) != null; ) {
        Headers headers = part.headers();
        String disposition = headers.get("Content-Disposition");
        assertThat(disposition).startsWith("form-data; name=\"");
        String name =
            disposition.substring("form-data; name=\"".length(), disposition.length() - 1);
        assertThat(fields.put(name, part.body().readUtf8())).as("duplicate " + name).isNull();
      }
    }
    return fields;
  }
}
