/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.samples;

import static dev.oauthkit.samples.AmadeusFlowTest.get;
import static dev.oauthkit.samples.AmadeusFlowTest.post;
import static org.assertj.core.api.Assertions.assertThat;

import dev.oauthkit.sandbox.BindeoSandbox;
import dev.oauthkit.sandbox.Sandbox;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.FormBody;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import org.junit.jupiter.api.Test;

final class BindeoFlowTest {
  private static final String IDENTITY = "identity E sandbox.user@example.com (Sandbox User)";

  @Test
  void runsOnTheSandboxWithoutCredentials() {
    SampleRun run = SampleRun.run(Collections.<String, String>emptyMap(), "bindeo-refresh");

    assertThat(run.exitCode).isZero();
    assertThat(run.err).isEmpty();
    assertThat(run.outLines().get(0)).startsWith("Running on the embedded Bindeo sandbox");
    List<String> lines = run.outLinesWithLifetime(60);
    assertThat(lines.subList(1, lines.size() - 1))
        .containsExactly(
            "token: grant=password expires_in=60s",
            IDENTITY,
            "renewing the token with its refresh token, before it expires",
            "token: grant=refresh_token expires_in=60s",
            IDENTITY);
    assertThat(run.lastLine())
        .matches("summary: calls=1 ok=1 failed=0 token_requests=2 elapsed=\\d+\\.\\ds");
  }

  @Test
  void refreshesOnceWithTheFirstRefreshTokenOnAServerNamedInTheEnvironment() throws Exception {
    try (BindeoSandbox server = new BindeoSandbox()) {
      server.start();

      SampleRun run =
          SampleRun.run(
              env(server, Sandbox.CLIENT_SECRET, BindeoSandbox.PASSWORD), "bindeo-refresh");

      assertThat(run.exitCode).isZero();
      assertThat(run.out).doesNotContain("Running on the embedded");
      List<String> lines = run.outLinesWithLifetime(60);
      assertThat(lines.subList(0, lines.size() - 1))
          .containsExactly(
              "token: grant=password expires_in=60s",
              IDENTITY,
              "renewing the token with its refresh token, before it expires",
              "token: grant=refresh_token expires_in=60s",
              IDENTITY);
      assertThat(run.lastLine()).startsWith("summary: calls=1 ok=1 failed=0 token_requests=2 ");

      // One sign-in, then one refresh that the sandbox accepted: a refresh token it had not issued
      // last would have been refused, and the client would have signed in again.
      assertThat(server.tokenRequests("password")).isEqualTo(1);
      assertThat(server.tokenRequests("refresh_token")).isEqualTo(1);
      assertThat(server.tokenRequests("client_credentials")).isZero();
      assertThat(server.unauthorizedResponses()).isZero();
      // No token is ever printed: the sandbox's refresh tokens are "rt-" and a UUID.
      assertThat(run.all()).doesNotContainPattern("rt-[0-9a-f]{8}-");
      assertThat(run.all()).doesNotContain(BindeoSandbox.PASSWORD);
    }
  }

  @Test
  void sharesTokensAcrossThreadsAndRefreshesOnce() throws Exception {
    try (BindeoSandbox server = new BindeoSandbox()) {
      server.start();

      SampleRun run =
          SampleRun.run(
              env(server, Sandbox.CLIENT_SECRET, BindeoSandbox.PASSWORD),
              "bindeo-refresh",
              "--requests",
              "20",
              "--threads",
              "4");

      assertThat(run.exitCode).isZero();
      assertThat(run.out)
          .containsOnlyOnce("token: grant=password ")
          .containsOnlyOnce("token: grant=refresh_token ");
      assertThat(run.lastLine()).startsWith("summary: calls=20 ok=20 failed=0 token_requests=2 ");
      assertThat(server.tokenRequests("password")).isEqualTo(1);
      assertThat(server.tokenRequests("refresh_token")).isEqualTo(1);
    }
  }

  @Test
  void wrongSecretExitsNonZeroNamingTheErrorWithoutTheSecret() throws Exception {
    String wrongSecret = "wrong-secret-canary-4711";
    try (BindeoSandbox server = new BindeoSandbox()) {
      server.start();
      SampleRun run =
          SampleRun.run(env(server, wrongSecret, BindeoSandbox.PASSWORD), "bindeo-refresh");

      assertThat(run.exitCode).isEqualTo(1);
      assertThat(run.err)
          .startsWith("error: invalid_client: Client authentication failed")
          .doesNotContain("\tat ");
      assertThat(run.all())
          .doesNotContain(wrongSecret)
          .doesNotContain(Sandbox.CLIENT_SECRET)
          .doesNotContain(BindeoSandbox.PASSWORD)
          .doesNotContain("token: grant=");
      assertThat(run.lastLine()).startsWith("summary: calls=1 ok=0 failed=1 token_requests=1 ");
    }
  }

  @Test
  void wrongPasswordExitsNonZeroNamingTheErrorWithoutThePassword() throws Exception {
    String wrongPassword = "wrong-password-canary-4711";
    try (BindeoSandbox server = new BindeoSandbox()) {
      server.start();
      SampleRun run =
          SampleRun.run(env(server, Sandbox.CLIENT_SECRET, wrongPassword), "bindeo-refresh");

      assertThat(run.exitCode).isEqualTo(1);
      assertThat(run.err).startsWith("error: invalid_credentials: The user credentials were");
      assertThat(run.all()).doesNotContain(wrongPassword).doesNotContain(Sandbox.CLIENT_SECRET);
    }
  }

  @Test
  void helpAndMissingUser() {
    SampleRun help =
        SampleRun.run(Collections.<String, String>emptyMap(), "bindeo-refresh", "--help");
    assertThat(help.exitCode).isZero();
    assertThat(help.out).startsWith("usage: java -jar oauthkit-samples.jar bindeo-refresh");

    Map<String, String> env = new HashMap<>();
    env.put("BINDEO_CLIENT_ID", "id");
    env.put("BINDEO_CLIENT_SECRET", "secret");
    SampleRun noUser = SampleRun.run(env, "bindeo-refresh");
    assertThat(noUser.exitCode).isEqualTo(2);
    assertThat(noUser.err).startsWith("error: BINDEO_USERNAME is not set");
  }

  // The sandbox speaks the documented wire format and refuses anything else.

  @Test
  void sandboxTokenEndpointTakesOnlyJson() throws Exception {
    try (BindeoSandbox server = new BindeoSandbox()) {
      server.start();
      String url = server.baseUrl().resolve("/access_token").toString();

      // A form body is not read: no grant type.
      assertThat(
              post(
                  url,
                  new FormBody.Builder()
                      .add("grant_type", "client_credentials")
                      .add("client_id", Sandbox.CLIENT_ID)
                      .add("client_secret", Sandbox.CLIENT_SECRET)
                      .build()))
          .startsWith("400 {\"error\":\"unsupported_grant_type\",");
      // Misnamed fields.
      assertThat(
              post(
                  url,
                  json(
                      "{\"grant_type\":\"client_credentials\",\"clientId\":\"sandbox-client\","
                          + "\"clientSecret\":\"sandbox-secret\"}")))
          .startsWith("400 {\"error\":\"invalid_request\",")
          .endsWith("\"hint\":\"`client_id` parameter is missing\"}");
      assertThat(post(url, json(grant("client_credentials", "nope", ""))))
          .isEqualTo(
              "401 {\"error\":\"invalid_client\",\"message\":\"Client authentication failed\"}");
      assertThat(
              post(
                  url,
                  json(
                      grant(
                          "password",
                          Sandbox.CLIENT_SECRET,
                          ",\"username\":\"sandbox.user@example.com\",\"password\":\"nope\""))))
          .isEqualTo(
              "401 {\"error\":\"invalid_credentials\",\"message\":\"The user credentials were"
                  + " incorrect.\"}");

      // Client credentials: no refresh token.
      assertThat(post(url, json(grant("client_credentials", Sandbox.CLIENT_SECRET, ""))))
          .startsWith("200 {\"token_type\":\"Bearer\",\"expires_in\":60,\"access_token\":\"")
          .doesNotContain("refresh_token");
    }
  }

  @Test
  void sandboxRotatesRefreshTokens() throws Exception {
    try (BindeoSandbox server = new BindeoSandbox()) {
      server.start();
      String url = server.baseUrl().resolve("/access_token").toString();
      String identities = server.baseUrl() + "account/identities";

      String first =
          post(
              url,
              json(
                  grant(
                      "password",
                      Sandbox.CLIENT_SECRET,
                      ",\"username\":\"sandbox.user@example.com\","
                          + "\"password\":\"sandbox-password\"")));
      String access1 = field(first, "access_token");
      String refresh1 = field(first, "refresh_token");
      assertThat(get(identities, "Bearer " + access1))
          .startsWith("200 {\"data\":[{\"type\":\"identities\",");

      String second =
          post(url, json(grant("refresh_token", Sandbox.CLIENT_SECRET, refreshField(refresh1))));
      assertThat(second).startsWith("200 ");
      String access2 = field(second, "access_token");
      assertThat(field(second, "refresh_token")).isNotEqualTo(refresh1);

      // The old refresh token and the old access token are revoked.
      assertThat(
              post(
                  url, json(grant("refresh_token", Sandbox.CLIENT_SECRET, refreshField(refresh1)))))
          .isEqualTo(
              "400 {\"error\":\"invalid_request\",\"message\":\"The refresh token is invalid.\","
                  + "\"hint\":\"Token has been revoked\"}");
      assertThat(get(identities, "Bearer " + access1))
          .isEqualTo(
              "401 {\"error\":\"access_denied\",\"message\":\"The resource owner or authorization"
                  + " server denied the request.\",\"hint\":\"Access token has been revoked\"}");
      assertThat(get(identities, "Bearer " + access2)).startsWith("200 ");

      // A client token may read /general, not the account.
      String client =
          field(
              post(url, json(grant("client_credentials", Sandbox.CLIENT_SECRET, ""))),
              "access_token");
      assertThat(get(identities, "Bearer " + client))
          .isEqualTo(
              "403 {\"error\":{\"code\":403,\"message\":\"You need other access privileges\"}}");
      assertThat(get(server.baseUrl() + "general/account-types?locale=en_US", "Bearer " + client))
          .startsWith("200 {\"data\":[{\"type\":\"account_type\",");
    }
  }

  private static Map<String, String> env(BindeoSandbox server, String secret, String password) {
    Map<String, String> env = new HashMap<>();
    env.put("BINDEO_CLIENT_ID", Sandbox.CLIENT_ID);
    env.put("BINDEO_CLIENT_SECRET", secret);
    env.put("BINDEO_USERNAME", BindeoSandbox.USERNAME);
    env.put("BINDEO_PASSWORD", password);
    env.put("BINDEO_BASE_URL", server.baseUrl().toString());
    return env;
  }

  private static String grant(String grantType, String secret, String more) {
    return "{\"grant_type\":\""
        + grantType
        + "\",\"client_id\":\""
        + Sandbox.CLIENT_ID
        + "\",\"client_secret\":\""
        + secret
        + "\""
        + more
        + "}";
  }

  private static String refreshField(String refreshToken) {
    return ",\"refresh_token\":\"" + refreshToken + "\"";
  }

  private static RequestBody json(String json) {
    return RequestBody.create(json, MediaType.get("application/json"));
  }

  private static String field(String response, String name) {
    Matcher matcher = Pattern.compile("\"" + name + "\":\"([^\"]+)\"").matcher(response);
    assertThat(matcher.find()).as(name + " in " + response).isTrue();
    return matcher.group(1);
  }
}
