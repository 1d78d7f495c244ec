/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.samples;

import dev.oauthkit.amadeus.Amadeus;
import dev.oauthkit.amadeus.model.CheckinLink;
import dev.oauthkit.amadeus.model.DataList;
import dev.oauthkit.core.TokenListener;
import dev.oauthkit.redis.RedisTokenStore;
import dev.oauthkit.sandbox.AmadeusSandbox;
import java.io.Closeable;
import java.io.IOException;
import java.io.PrintStream;
import java.util.Map;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;

/**
 * Amadeus Flight Check-in Links: the client credentials grant (form-encoded, API key and secret in
 * the body), then {@code GET /v2/reference-data/urls/checkin-links}. The token is fetched on the
 * first call, shared by every thread, renewed before it expires and when Amadeus answers 401 code
 * 38190/38192/38193.
 */
final class AmadeusFlow extends Flow {
  AmadeusFlow() {
    super(
        "amadeus-checkin-links",
        "prints an airline's online check-in links (Amadeus, client credentials grant)",
        "airline",
        "--airline CODE         IATA or ICAO airline code, such as IB or BA (required)",
        "language",
        "--language LANG        language of the check-in pages, such as en-GB (the default) or es-ES");
  }

  @Override
  String[] environmentHelp() {
    return new String[] {
      "AMADEUS_CLIENT_ID      your API key",
      "AMADEUS_CLIENT_SECRET  your API secret",
      "AMADEUS_BASE_URL       the API host (default the test environment, test.api.amadeus.com)"
    };
  }

  @Override
  Setup setUp(
      Options options, Map<String, String> environment, PrintStream out, TokenListener listener)
      throws IOException {
    final String airline = options.get("airline");
    if (airline == null || airline.trim().isEmpty()) {
      throw new Options.UsageException("--airline is required, such as --airline IB");
    }
    final @Nullable String language = options.get("language");

    // Credentials from the environment; without them, the same code runs on the sandbox.
    SharedStore shared = SharedStore.fromEnvironment(environment); // REDIS_URL, checked first.
    Env env = new Env(environment, "AMADEUS");
    Env.Target target = env.target(out, "Amadeus", new AmadeusSandbox());
    HttpUrl baseUrl = target.baseUrl; // null: the Amadeus test environment
    String clientId = target.clientId;
    String secret = target.clientSecret;
    Closeable sandbox = target.sandbox;

    // One OkHttpClient for the whole program: Amadeus derives its API and token clients from it,
    // sharing its connection pool and dispatcher.
    OkHttpClient base = new OkHttpClient();
    Amadeus.Builder builder =
        Amadeus.builder()
            .clientId(clientId)
            .clientSecret(secret)
            .client(base)
            .tokenListener(listener); // Counts token requests for the summary line.
    if (baseUrl != null) {
      try {
        builder.baseUrl(baseUrl); // Plain http is refused unless the host is loopback.
      } catch (IllegalArgumentException e) {
        if (sandbox != null) sandbox.close();
        throw new Options.UsageException("AMADEUS_BASE_URL: " + e.getMessage());
      }
    }
    // With REDIS_URL, the token lives in Redis: every process that calls this token endpoint with
    // these credentials uses it, and one of them renews it for all.
    RedisTokenStore store = shared.open(out);
    if (store != null) builder.tokenStore(store);
    final Amadeus amadeus = builder.build();

    // Each call asks for the links; no token handling in sight. execute() throws AmadeusException
    // for an error status (its message names Amadeus' code and title), and a TokenRequestException
    // when the token endpoint refuses the credentials (invalid_client, code 38187).
    LoadRunner.Call call =
        first -> {
          DataList<CheckinLink> links =
              amadeus.execute(amadeus.api().checkinLinks(airline.trim(), language));
          if (!first) return;
          if (links.data == null || links.data.isEmpty()) {
            out.println("no check-in links for " + airline);
            return;
          }
          for (CheckinLink link : links.data) {
            out.println(link.channel + " " + link.href);
          }
        };
    return new Setup(call, sandbox, store, () -> Samples.shutDown(base));
  }
}
