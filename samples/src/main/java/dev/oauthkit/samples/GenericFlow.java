/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.samples;

import dev.oauthkit.core.TokenListener;
import dev.oauthkit.redis.RedisTokenStore;
import dev.oauthkit.samples.dadi.Dadi;
import dev.oauthkit.samples.dadi.model.Collection;
import dev.oauthkit.samples.dadi.model.CollectionList;
import dev.oauthkit.samples.sandbox.GenericSandbox;
import java.io.Closeable;
import java.io.IOException;
import java.io.PrintStream;
import java.util.Map;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * The seed-003 API (DADI) through the {@link Dadi} provider, which is built on core's provider kit
 * alone: a JSON token request with its own field names, then {@code GET /api/collections}.
 */
final class GenericFlow extends Flow {
  GenericFlow() {
    super(
        "generic",
        "lists /api/collections of the seed-003 API (JSON token endpoint, custom field names)");
  }

  @Override
  String[] environmentHelp() {
    return new String[] {
      "GENERIC_CLIENT_ID      your client id",
      "GENERIC_CLIENT_SECRET  your client secret",
      "GENERIC_BASE_URL       the API host (required with the client id and secret: self-hosted)"
    };
  }

  @Override
  Setup setUp(
      Options options, Map<String, String> environment, PrintStream out, TokenListener listener)
      throws IOException {
    // Credentials from the environment; without them, the same code runs on the sandbox.
    SharedStore shared = SharedStore.fromEnvironment(environment); // REDIS_URL, checked first.
    Env env = new Env(environment, "GENERIC");
    GenericSandbox server = new GenericSandbox();
    Env.Target target = env.target(out, "seed-003", server, server::start);
    HttpUrl baseUrl = target.baseUrl;
    Closeable sandbox = target.sandbox;
    if (baseUrl == null) {
      throw new Options.UsageException("GENERIC_BASE_URL is not set: the API is self-hosted");
    }

    // The provider derives its API and token clients from this one, sharing its pools.
    OkHttpClient base = new OkHttpClient();
    Dadi.Builder builder =
        Dadi.builder()
            .clientId(target.clientId)
            .clientSecret(target.clientSecret)
            .client(base)
            .tokenListener(listener); // Counts token requests for the summary line.
    try {
      builder.baseUrl(baseUrl); // Plain http is refused unless the host is loopback.
    } catch (IllegalArgumentException e) {
      if (sandbox != null) sandbox.close();
      throw new Options.UsageException("GENERIC_BASE_URL: " + e.getMessage());
    }
    // With REDIS_URL, the token lives in Redis: every process that calls this token endpoint with
    // these credentials uses it, and one of them renews it for all.
    RedisTokenStore store = shared.open(out);
    if (store != null) builder.tokenStore(store);
    final Dadi dadi = builder.build();

    // No token handling in sight. execute() throws a DadiException for an error status, and a
    // TokenRequestException when /token refuses the credentials (error="invalid_credentials").
    LoadRunner.Call call =
        first -> {
          CollectionList list = dadi.execute(dadi.api().collections());
          if (!first || list.collections == null) return;
          for (Collection collection : list.collections) {
            out.println(collection.name + " " + collection.path);
          }
        };
    return new Setup(call, sandbox, store, () -> Samples.shutDown(base));
  }
}
