/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.samples;

import dev.oauthkit.core.TokenListener;
import dev.oauthkit.learnamp.LearnAmp;
import dev.oauthkit.learnamp.Page;
import dev.oauthkit.learnamp.model.User;
import dev.oauthkit.redis.RedisTokenStore;
import dev.oauthkit.sandbox.LearnAmpSandbox;
import java.io.Closeable;
import java.io.IOException;
import java.io.PrintStream;
import java.util.Map;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * Learn Amp: the client credentials grant as a multipart form (no refresh token; a new token
 * shortly before expiry), then the first page of {@code GET /v1/users}, whose totals arrive in
 * response headers.
 */
final class LearnAmpFlow extends Flow {
  LearnAmpFlow() {
    super(
        "learnamp",
        "lists the first page of Learn Amp users (client credentials, multipart token request)");
  }

  @Override
  String[] environmentHelp() {
    return new String[] {
      "LEARNAMP_CLIENT_ID     your client id",
      "LEARNAMP_CLIENT_SECRET your client secret",
      "LEARNAMP_BASE_URL      your account's API host (default EU1, https://api.learnamp.com)",
      "LEARNAMP_SCOPE         the scope to ask for, such as users:read (optional)"
    };
  }

  @Override
  Setup setUp(
      Options options, Map<String, String> environment, PrintStream out, TokenListener listener)
      throws IOException {
    // Credentials from the environment; without them, the same code runs on the sandbox.
    SharedStore shared = SharedStore.fromEnvironment(environment); // REDIS_URL, checked first.
    Env env = new Env(environment, "LEARNAMP");
    Env.Target target = env.target(out, "Learn Amp", new LearnAmpSandbox());
    HttpUrl baseUrl = target.baseUrl; // null: EU1, https://api.learnamp.com/
    String clientId = target.clientId;
    String secret = target.clientSecret;
    String scope = env.get("SCOPE"); // Optional; only for credentials provisioned with scopes.
    Closeable sandbox = target.sandbox;

    // One OkHttpClient shared by the API calls and the token requests.
    OkHttpClient base = new OkHttpClient();
    LearnAmp.Builder builder =
        LearnAmp.builder()
            .clientId(clientId)
            .clientSecret(secret)
            .scope(scope) // null: the server's default scope, "public"
            .client(base)
            .tokenListener(listener); // Counts token requests for the summary line.
    if (baseUrl != null) {
      try {
        builder.baseUrl(baseUrl); // Your account's API host; plain http only for loopback.
      } catch (IllegalArgumentException e) {
        if (sandbox != null) sandbox.close();
        throw new Options.UsageException("LEARNAMP_BASE_URL: " + e.getMessage());
      }
    }
    // With REDIS_URL, the token lives in Redis: every process that calls this token endpoint with
    // these credentials uses it, and one of them renews it for all.
    RedisTokenStore store = shared.open(out);
    if (store != null) builder.tokenStore(store);
    final LearnAmp learnAmp = builder.build();

    // Each call reads page 1. page() throws LearnAmpException for an error status, and a
    // TokenRequestException when the token endpoint refuses the credentials.
    LoadRunner.Call call =
        first -> {
          Page<User> page = learnAmp.page(learnAmp.api().users(1, null));
          if (!first) return;
          for (User user : page.elements()) {
            out.println(user.id + " " + user.firstName + " " + user.lastName + " " + user.email);
          }
          // The totals come from the Total / Per-Page / Total-Pages response headers.
          out.println(
              "page "
                  + page.number()
                  + " of "
                  + page.totalPages()
                  + ", "
                  + page.total()
                  + " users in total");
        };
    return new Setup(call, sandbox, store, () -> Samples.shutDown(base));
  }
}
