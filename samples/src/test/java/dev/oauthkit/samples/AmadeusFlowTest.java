/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.samples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oauthkit.sandbox.AmadeusSandbox;
import dev.oauthkit.sandbox.Sandbox;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.FormBody;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

final class AmadeusFlowTest {
  private static final OkHttpClient HTTP = new OkHttpClient();

  @AfterAll
  static void shutDown() {
    Samples.shutDown(HTTP);
  }

  @Test
  void runsOnTheSandboxWithoutCredentials() {
    SampleRun run =
        SampleRun.run(
            Collections.<String, String>emptyMap(), "amadeus-checkin-links", "--airline", "IB");

    assertThat(run.exitCode).isZero();
    assertThat(run.err).isEmpty();
    assertThat(run.outLines().get(0)).startsWith("Running on the embedded Amadeus sandbox");
    assertThat(run.outLines().subList(1, 3))
        .containsExactly(
            "Web https://www.iberia.com/gb/online-checkin/",
            "Mobile https://www.iberia.com/gb/online-checkin/?channel=mobile");
    assertThat(run.outLines()).hasSize(4);
    assertThat(run.lastLine())
        .matches("summary: calls=1 ok=1 failed=0 token_requests=1 elapsed=\\d+\\.\\ds");
  }

  @Test
  void passesTheLanguage() {
    SampleRun run =
        SampleRun.run(
            Collections.<String, String>emptyMap(),
            "amadeus-checkin-links",
            "--airline",
            "IB",
            "--language",
            "es-ES");

    assertThat(run.exitCode).isZero();
    assertThat(run.out).contains("Web https://www.iberia.com/es/check-in-online/\n");
  }

  @Test
  void sharesOneTokenAcrossThreads() throws Exception {
    // The embedded sandbox's tokens turn stale after 15 s of real time: a busy machine could make
    // 20 calls outlast that. This sandbox's tokens outlive any run.
    try (AmadeusSandbox server = new AmadeusSandbox()) {
      server.start();
      server.tokenLifetime(1, TimeUnit.HOURS);
      SampleRun run =
          SampleRun.run(
              env(server, Sandbox.CLIENT_SECRET),
              "amadeus-checkin-links",
              "--airline",
              "BA",
              "--requests",
              "20",
              "--threads",
              "4");

      assertThat(run.exitCode).isZero();
      assertThat(run.out)
          .contains(
              "Mobile https://www.britishairways.com/travel/olcilandingpageauthreq/public/en_gb/"
                  + "device-mobile\nWeb https://www.britishairways.com/travel/"
                  + "olcilandingpageauthreq/public/en_gb\n");
      assertThat(run.lastLine()).startsWith("summary: calls=20 ok=20 failed=0 token_requests=1 ");
      assertThat(server.tokenRequests("client_credentials")).isEqualTo(1);
    }
  }

  @Test
  void runsAgainstAServerNamedInTheEnvironment() throws Exception {
    try (AmadeusSandbox server = new AmadeusSandbox()) {
      server.start();
      SampleRun run =
          SampleRun.run(
              env(server, Sandbox.CLIENT_SECRET),
              "amadeus-checkin-links",
              "--airline",
              "BA",
              "--requests",
              "3");

      assertThat(run.exitCode).isZero();
      assertThat(run.out).doesNotContain("sandbox").contains("Web https://www.britishairways.com");
      assertThat(run.lastLine()).startsWith("summary: calls=3 ok=3 failed=0 token_requests=1 ");
      assertThat(server.tokenRequests("client_credentials")).isEqualTo(1);
    }
  }

  @Test
  void wrongSecretExitsNonZeroNamingTheErrorWithoutTheSecret() throws Exception {
    String wrongSecret = "wrong-secret-canary-4711";
    try (AmadeusSandbox server = new AmadeusSandbox()) {
      server.start();
      SampleRun run =
          SampleRun.run(env(server, wrongSecret), "amadeus-checkin-links", "--airline", "IB");

      assertThat(run.exitCode).isEqualTo(1);
      assertThat(run.err)
          .startsWith("error: invalid_client: Client credentials are invalid")
          .doesNotContain("\tat ");
      assertThat(run.all()).doesNotContain(wrongSecret).doesNotContain(Sandbox.CLIENT_SECRET);
      assertThat(run.lastLine()).startsWith("summary: calls=1 ok=0 failed=1 token_requests=1 ");
      assertThat(server.tokenRequests()).isEqualTo(1);
      assertThat(server.apiCalls()).isZero();
    }
  }

  @Test
  void helpAndMisuse() {
    Map<String, String> env = Collections.emptyMap();
    SampleRun help = SampleRun.run(env, "amadeus-checkin-links", "--help");
    assertThat(help.exitCode).isZero();
    assertThat(help.out).contains("--airline CODE").contains("--language LANG");

    SampleRun noAirline = SampleRun.run(env, "amadeus-checkin-links");
    assertThat(noAirline.exitCode).isEqualTo(2);
    assertThat(noAirline.err).startsWith("error: --airline is required");
  }

  @Test
  void refusesPlainHttpToARemoteHost() {
    Map<String, String> env = new HashMap<>();
    env.put("AMADEUS_CLIENT_ID", "id");
    env.put("AMADEUS_CLIENT_SECRET", "secret-canary-0815");
    env.put("AMADEUS_BASE_URL", "http://api.example.com");

    SampleRun run = SampleRun.run(env, "amadeus-checkin-links", "--airline", "IB");

    assertThat(run.exitCode).isEqualTo(2);
    assertThat(run.err).startsWith("error: AMADEUS_BASE_URL: ");
    assertThat(run.all()).doesNotContain("secret-canary-0815");
  }

  // The sandbox speaks the documented wire format and refuses anything else.

  @Test
  void sandboxTokenEndpointTakesOnlyTheDocumentedForm() throws Exception {
    try (AmadeusSandbox server = new AmadeusSandbox()) {
      server.start();
      String url = server.baseUrl().resolve("/v1/security/oauth2/token").toString();

      // JSON is not read: the grant type is missing.
      String json =
          "{\"grant_type\":\"client_credentials\",\"client_id\":\"sandbox-client\","
              + "\"client_secret\":\"sandbox-secret\"}";
      assertThat(post(url, RequestBody.create(json, MediaType.get("application/json"))))
          .isEqualTo(
              "400 {\"error\":\"unsupported_grant_type\",\"error_description\":\"Only"
                  + " client_credentials value is allowed for the body parameter grant_type\","
                  + "\"code\":38187,\"title\":\"Invalid parameters\"}");

      // Misnamed fields, or a wrong secret.
      String invalidClient =
          "401 {\"error\":\"invalid_client\",\"error_description\":\"Client credentials are"
              + " invalid\",\"code\":38187,\"title\":\"Invalid parameters\"}";
      assertThat(
              post(
                  url,
                  new FormBody.Builder()
                      .add("grant_type", "client_credentials")
                      .add("clientId", Sandbox.CLIENT_ID)
                      .add("clientSecret", Sandbox.CLIENT_SECRET)
                      .build()))
          .isEqualTo(invalidClient);
      assertThat(post(url, form("client_credentials", "nope"))).isEqualTo(invalidClient);
      assertThat(post(url, form("password", Sandbox.CLIENT_SECRET))).startsWith("400 ");

      String token = post(url, form("client_credentials", Sandbox.CLIENT_SECRET));
      assertThat(token)
          .startsWith("200 {\"type\":\"amadeusOAuth2Token\",")
          .contains("\"token_type\":\"Bearer\",\"access_token\":\"")
          .contains("\"expires_in\":30,\"state\":\"approved\",\"scope\":\"\"}");
      assertThat(
              get(server.baseUrl() + "v1/reference-data/airlines", "Bearer " + accessToken(token)))
          .startsWith("200 ");
    }
  }

  @Test
  void sandboxCheckinLinksAnswerLikeTheGateway() throws Exception {
    try (AmadeusSandbox server = new AmadeusSandbox()) {
      server.start();
      String links = server.baseUrl() + "v2/reference-data/urls/checkin-links?airlineCode=IB";

      assertThat(get(links, null))
          .startsWith("401 {\"errors\":[{\"code\":\"38191\",\"title\":\"Invalid HTTP header\"");
      assertThat(get(links, "Bearer not-a-token"))
          .startsWith("401 {\"errors\":[{\"code\":\"38190\",\"title\":\"Invalid access token\"")
          .endsWith("\"status\":\"401\"}]}");

      String token =
          accessToken(
              post(
                  server.baseUrl().resolve("/v1/security/oauth2/token").toString(),
                  form("client_credentials", Sandbox.CLIENT_SECRET)));
      assertThat(get(links.replace("airlineCode=IB", "airline=IB"), "Bearer " + token))
          .startsWith("400 {\"errors\":[{\"status\":400,\"code\":32171,");
      try (Response response = call(links, "Bearer " + token)) {
        assertThat(response.code()).isEqualTo(200);
        assertThat(response.header("Content-Type")).isEqualTo("application/vnd.amadeus+json");
        assertThat(response.body().string())
            .startsWith("{\"meta\":{\"count\":2,")
            .contains("\"type\":\"checkin-link\",\"id\":\"IBEN-GBWeb\"");
      }
    }
  }

  private static Map<String, String> env(AmadeusSandbox server, String secret) {
    Map<String, String> env = new HashMap<>();
    env.put("AMADEUS_CLIENT_ID", Sandbox.CLIENT_ID);
    env.put("AMADEUS_CLIENT_SECRET", secret);
    env.put("AMADEUS_BASE_URL", server.baseUrl().toString());
    return env;
  }

  private static FormBody form(String grantType, String secret) {
    return new FormBody.Builder()
        .add("grant_type", grantType)
        .add("client_id", Sandbox.CLIENT_ID)
        .add("client_secret", secret)
        .build();
  }

  /** Returns the {@code access_token} of a "status body" token response. */
  static String accessToken(String tokenResponse) {
    Matcher matcher = Pattern.compile("\"access_token\":\"([^\"]+)\"").matcher(tokenResponse);
    assertThat(matcher.find()).as(tokenResponse).isTrue();
    return matcher.group(1);
  }

  /** Returns "status body". */
  static String post(String url, RequestBody body) throws Exception {
    Request request = new Request.Builder().url(url).post(body).build();
    try (Response response = HTTP.newCall(request).execute()) {
      return response.code() + " " + response.body().string();
    }
  }

  static String get(String url, @Nullable String authorization) throws Exception {
    try (Response response = call(url, authorization)) {
      return response.code() + " " + response.body().string();
    }
  }

  private static Response call(String url, @Nullable String authorization) throws Exception {
    Request.Builder request = new Request.Builder().url(url);
    if (authorization != null) request.header("Authorization", authorization);
    return HTTP.newCall(request.build()).execute();
  }
}
