/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.samples.sandbox;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * The seed-003 API (DADI API v3): {@code POST /token} takes {@code {"clientId","secret"}} as {@code
 * application/json} and answers {@code {"accessToken","tokenType","expiresIn"}}; a bad secret gets
 * 401 {@code {"statusCode":401}} with the reason in {@code WWW-Authenticate}. Tokens live 4
 * seconds.
 */
public final class GenericSandbox extends Sandbox {
  public final SandboxTokens tokens;

  public GenericSandbox() {
    this(4, TimeUnit.SECONDS);
  }

  public GenericSandbox(long tokenLifetime, TimeUnit unit) {
    this.tokens = new SandboxTokens(tokenLifetime, unit);
  }

  @Override
  protected MockResponse dispatch(RecordedRequest request) {
    String path = path(request);
    if (path.equals("/token") && request.getMethod().equals("POST")) return token(request);
    if (path.equals("/api/collections") && request.getMethod().equals("GET")) {
      if (!tokens.isValid(request.getHeader("Authorization"))) {
        return json(401, "{\"statusCode\":401}")
            .setHeader(
                "WWW-Authenticate",
                "Bearer, error=\"invalid_token\", error_description=\"Invalid or expired access"
                    + " token\"");
      }
      return json(
          200,
          "{\"collections\":[{\"version\":\"1.0\",\"database\":\"library\",\"name\":\"Books\","
              + "\"slug\":\"books\",\"path\":\"/1.0/library/books\"},{\"version\":\"1.0\","
              + "\"database\":\"library\",\"name\":\"Authors\",\"slug\":\"authors\","
              + "\"path\":\"/1.0/library/authors\"}],\"media\":{\"buckets\":[\"mediaStore\"],"
              + "\"defaultBucket\":\"mediaStore\"}}");
    }
    return json(404, "{\"statusCode\":404}");
  }

  private MockResponse token(RecordedRequest request) {
    // DADI parses JSON only for exactly application/json, optionally with "; charset=utf-8".
    Map<String, Object> body =
        hasContentType(request, "application/json") ? jsonBody(request) : null;
    if (body == null
        || !Sandbox.CLIENT_ID.equals(body.get("clientId"))
        || !Sandbox.CLIENT_SECRET.equals(body.get("secret"))) {
      return json(401, "{\"statusCode\":401}")
          .setHeader(
              "WWW-Authenticate",
              "Bearer, error=\"invalid_credentials\", error_description=\"Invalid credentials"
                  + " supplied\"");
    }
    return json(
            200,
            "{\"accessToken\":\""
                + tokens.issueAccessToken()
                + "\",\"tokenType\":\"Bearer\",\"expiresIn\":"
                + tokens.lifetimeSeconds()
                + "}")
        .setHeader("Cache-Control", "no-store")
        .setHeader("Pragma", "no-cache");
  }
}
