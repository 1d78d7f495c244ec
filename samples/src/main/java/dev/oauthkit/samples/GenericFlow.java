/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.samples;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import dev.oauthkit.core.ClientAuthentication;
import dev.oauthkit.core.Grant;
import dev.oauthkit.core.TokenAuthenticator;
import dev.oauthkit.core.TokenEndpoint;
import dev.oauthkit.core.TokenInterceptor;
import dev.oauthkit.core.TokenListener;
import dev.oauthkit.core.TokenManager;
import dev.oauthkit.samples.sandbox.GenericSandbox;
import dev.oauthkit.samples.sandbox.Sandbox;
import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * The seed-003 API, configured with the core builder alone: a JSON token request with its own field
 * names, then {@code GET /api/collections}.
 */
final class GenericFlow extends Flow {
  /** The body of {@code GET /api/collections}. */
  static final class Collections {
    List<Collection> collections;
  }

  static final class Collection {
    String name;
    String path;
  }

  private static final JsonAdapter<Collections> COLLECTIONS =
      new Moshi.Builder().build().adapter(Collections.class);

  GenericFlow() {
    super(
        "generic",
        "lists /api/collections of the seed-003 API (JSON token endpoint, custom field names)");
  }

  @Override
  Setup setUp(
      Options options, Map<String, String> environment, PrintStream out, TokenListener listener)
      throws IOException {
    Env env = new Env(environment, "GENERIC");
    Env.Target target = env.target(out, "seed-003", new GenericSandbox());
    HttpUrl baseUrl = target.baseUrl;
    if (baseUrl == null) {
      throw new Options.UsageException("GENERIC_BASE_URL is not set: the API is self-hosted");
    }
    String clientId = target.clientId;
    String secret = target.clientSecret;
    Sandbox sandbox = target.sandbox;

    // The whole provider configuration: JSON {"clientId","secret"} in,
    // {"accessToken","tokenType","expiresIn"} out.
    TokenEndpoint endpoint =
        new TokenEndpoint.Builder()
            .url(baseUrl.resolve("/token"))
            .clientId(clientId)
            .clientSecret(secret)
            .clientAuthentication(ClientAuthentication.REQUEST_BODY)
            .encoding(TokenEndpoint.Encoding.JSON)
            .omitRequestField("grant_type")
            .requestField("client_id", "clientId")
            .requestField("client_secret", "secret")
            .responseField("access_token", "accessToken")
            .responseField("token_type", "tokenType")
            .responseField("expires_in", "expiresIn")
            .build();
    OkHttpClient base = new OkHttpClient();
    TokenManager tokens =
        new TokenManager.Builder(endpoint, Grant.clientCredentials())
            .client(base)
            .listener(listener)
            .addApiBaseUrl(baseUrl.resolve("/api/")) // Where the token may go.
            .build();
    // The same interceptor twice: only as a network interceptor does it see each redirect hop,
    // and take the token off one that leaves the API.
    TokenInterceptor interceptor = new TokenInterceptor(tokens);
    final OkHttpClient client =
        base.newBuilder()
            .addInterceptor(interceptor)
            .addNetworkInterceptor(interceptor)
            .authenticator(new TokenAuthenticator(tokens))
            .build();
    final Request list = new Request.Builder().url(baseUrl.resolve("/api/collections")).build();

    LoadRunner.Call call =
        first -> {
          try (Response response = client.newCall(list).execute()) {
            if (!response.isSuccessful()) {
              throw new IOException("GET /api/collections answered HTTP " + response.code());
            }
            Collections body = COLLECTIONS.fromJson(response.body().source());
            if (first && body != null && body.collections != null) {
              for (Collection collection : body.collections) {
                out.println(collection.name + " " + collection.path);
              }
            }
          }
        };
    return new Setup(call, sandbox, () -> Samples.shutDown(base));
  }
}
