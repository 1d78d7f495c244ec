/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.samples;

import static dev.oauthkit.samples.AmadeusFlowTest.accessToken;
import static dev.oauthkit.samples.AmadeusFlowTest.get;
import static dev.oauthkit.samples.AmadeusFlowTest.post;
import static org.assertj.core.api.Assertions.assertThat;

import dev.oauthkit.sandbox.LearnAmpSandbox;
import dev.oauthkit.sandbox.Sandbox;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import okhttp3.FormBody;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.RequestBody;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

final class LearnAmpFlowTest {
  @Test
  void runsOnTheSandboxWithoutCredentials() {
    SampleRun run = SampleRun.run(Collections.<String, String>emptyMap(), "learnamp");

    assertThat(run.exitCode).isZero();
    assertThat(run.err).isEmpty();
    assertThat(run.outLines().get(0)).startsWith("Running on the embedded Learn Amp sandbox");
    assertThat(run.outLines()).hasSize(13);
    assertThat(run.outLines().subList(1, 4))
        .containsExactly(
            "1 Ada Lovelace ada.lovelace@example.com",
            "2 Alan Turing alan.turing@example.com",
            "3 Grace Hopper grace.hopper@example.com");
    assertThat(run.outLines().get(10)).isEqualTo("10 Niklaus Wirth niklaus.wirth@example.com");
    assertThat(run.outLines().get(11)).isEqualTo("page 1 of 2, 12 users in total");
    assertThat(run.lastLine())
        .matches("summary: calls=1 ok=1 failed=0 token_requests=1 elapsed=\\d+\\.\\ds");
  }

  @Test
  void sharesOneTokenAcrossThreads() throws Exception {
    // The embedded sandbox's tokens turn stale after 30 s of real time: a busy machine could make
    // 20 calls outlast that. This sandbox's tokens outlive any run.
    try (LearnAmpSandbox server = new LearnAmpSandbox()) {
      server.start();
      server.tokenLifetime(1, TimeUnit.HOURS);
      SampleRun run =
          SampleRun.run(
              env(server, Sandbox.CLIENT_SECRET), "learnamp", "--requests", "20", "--threads", "4");

      assertThat(run.exitCode).isZero();
      assertThat(run.out).containsOnlyOnce("1 Ada Lovelace ");
      assertThat(run.lastLine()).startsWith("summary: calls=20 ok=20 failed=0 token_requests=1 ");
      assertThat(server.tokenRequests("client_credentials")).isEqualTo(1);
    }
  }

  @Test
  void runsAgainstAServerNamedInTheEnvironment() throws Exception {
    try (LearnAmpSandbox server = new LearnAmpSandbox()) {
      server.start();
      Map<String, String> env = env(server, Sandbox.CLIENT_SECRET);
      env.put("LEARNAMP_SCOPE", "users:read");

      SampleRun run = SampleRun.run(env, "learnamp", "--requests", "3");

      assertThat(run.exitCode).isZero();
      assertThat(run.out).doesNotContain("sandbox").contains("12 users in total");
      assertThat(run.lastLine()).startsWith("summary: calls=3 ok=3 failed=0 token_requests=1 ");
      assertThat(server.tokenRequests("client_credentials")).isEqualTo(1);
    }
  }

  @Test
  void wrongSecretExitsNonZeroNamingTheErrorWithoutTheSecret() throws Exception {
    String wrongSecret = "wrong-secret-canary-4711";
    try (LearnAmpSandbox server = new LearnAmpSandbox()) {
      server.start();
      SampleRun run = SampleRun.run(env(server, wrongSecret), "learnamp");

      assertThat(run.exitCode).isEqualTo(1);
      assertThat(run.err)
          .startsWith("error: invalid_client: Client authentication failed due to unknown client")
          .doesNotContain("\tat ");
      assertThat(run.all()).doesNotContain(wrongSecret).doesNotContain(Sandbox.CLIENT_SECRET);
      assertThat(run.lastLine()).startsWith("summary: calls=1 ok=0 failed=1 token_requests=1 ");
    }
  }

  @Test
  void unknownScopeIsTheProvidersError() throws Exception {
    try (LearnAmpSandbox server = new LearnAmpSandbox()) {
      server.start();
      Map<String, String> env = env(server, Sandbox.CLIENT_SECRET);
      env.put("LEARNAMP_SCOPE", "users:write");

      SampleRun run = SampleRun.run(env, "learnamp");

      assertThat(run.exitCode).isEqualTo(1);
      assertThat(run.err).startsWith("error: invalid_scope: ");
    }
  }

  @Test
  void help() {
    SampleRun help = SampleRun.run(Collections.<String, String>emptyMap(), "learnamp", "--help");
    assertThat(help.exitCode).isZero();
    assertThat(help.out).startsWith("usage: java -jar oauthkit-samples.jar learnamp");
  }

  // The sandbox speaks the documented wire format and refuses anything else.

  @Test
  void sandboxTokenEndpointTakesOnlyMultipart() throws Exception {
    try (LearnAmpSandbox server = new LearnAmpSandbox()) {
      server.start();
      String url = server.baseUrl().resolve("/oauth/token").toString();
      String invalidClient = "401 {\"error\":\"invalid_client\",\"error_description\":\"Client";

      // The same fields, urlencoded or as JSON, are not accepted.
      assertThat(
              post(
                  url,
                  new FormBody.Builder()
                      .add("client_id", Sandbox.CLIENT_ID)
                      .add("client_secret", Sandbox.CLIENT_SECRET)
                      .add("grant_type", "client_credentials")
                      .build()))
          .startsWith(invalidClient);
      assertThat(
              post(
                  url,
                  RequestBody.create(
                      "{\"client_id\":\"sandbox-client\",\"client_secret\":\"sandbox-secret\","
                          + "\"grant_type\":\"client_credentials\"}",
                      MediaType.get("application/json"))))
          .startsWith(invalidClient);

      // Multipart with misnamed or missing fields.
      assertThat(post(url, multipart("clientId", Sandbox.CLIENT_SECRET, "client_credentials")))
          .startsWith(invalidClient);
      assertThat(post(url, multipart("client_id", "nope", "client_credentials")))
          .startsWith(invalidClient);
      assertThat(post(url, multipart("client_id", Sandbox.CLIENT_SECRET, "password")))
          .startsWith("400 {\"error\":\"unsupported_grant_type\"");
      assertThat(post(url, multipart("client_id", Sandbox.CLIENT_SECRET, null)))
          .startsWith("400 {\"error\":\"invalid_request\"");

      String token = post(url, multipart("client_id", Sandbox.CLIENT_SECRET, "client_credentials"));
      assertThat(token)
          .startsWith("200 {\"access_token\":\"")
          .contains("\"token_type\":\"Bearer\",\"expires_in\":60,\"scope\":\"public\",")
          .contains("\"created_at\":");
      assertThat(get(server.baseUrl() + "v1/users", "Bearer " + accessToken(token)))
          .startsWith("200 ");
    }
  }

  @Test
  void sandboxUsersAnswerWithPagingHeadersAndDoorkeeper401() throws Exception {
    try (LearnAmpSandbox server = new LearnAmpSandbox()) {
      server.start();
      String users = server.baseUrl() + "v1/users?page=2&perPage=5";

      assertThat(get(users, null)).isEqualTo("401 {\"error\":\"The access token is invalid\"}");
      assertThat(get(users, "Bearer not-a-token"))
          .isEqualTo("401 {\"error\":\"The access token is invalid\"}");
      String token =
          accessToken(
              post(
                  server.baseUrl().resolve("/oauth/token").toString(),
                  multipart("client_id", Sandbox.CLIENT_SECRET, "client_credentials")));
      String page = get(users, "Bearer " + token);
      assertThat(page).startsWith("200 {\"users\":[{\"id\":6,\"firstName\":\"Donald\"");
    }
  }

  private static Map<String, String> env(LearnAmpSandbox server, String secret) {
    Map<String, String> env = new HashMap<>();
    env.put("LEARNAMP_CLIENT_ID", Sandbox.CLIENT_ID);
    env.put("LEARNAMP_CLIENT_SECRET", secret);
    env.put("LEARNAMP_BASE_URL", server.baseUrl().toString());
    return env;
  }

  private static MultipartBody multipart(
      String idField, String secret, @Nullable String grantType) {
    MultipartBody.Builder body =
        new MultipartBody.Builder()
            .setType(MultipartBody.FORM)
            .addFormDataPart(idField, Sandbox.CLIENT_ID)
            .addFormDataPart("client_secret", secret);
    if (grantType != null) body.addFormDataPart("grant_type", grantType);
    return body.build();
  }
}
