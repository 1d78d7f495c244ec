/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.samples.sandbox;

import static dev.oauthkit.sandbox.internal.HttpMessages.hasContentType;
import static dev.oauthkit.sandbox.internal.HttpMessages.json;
import static dev.oauthkit.sandbox.internal.HttpMessages.jsonBody;
import static dev.oauthkit.sandbox.internal.HttpMessages.path;

import dev.oauthkit.sandbox.Sandbox;
import dev.oauthkit.sandbox.internal.IssuedTokens;
import java.io.Closeable;
import java.io.IOException;
import java.net.InetAddress;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import okhttp3.HttpUrl;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.jspecify.annotations.Nullable;

/**
 * The seed-003 API (DADI API), the server that {@link dev.oauthkit.samples.dadi.Dadi} is run
 * against: {@code POST /token} takes {@code {"clientId","secret"}} as {@code application/json} and
 * answers {@code {"accessToken","tokenType","expiresIn"}}; a bad secret gets 401 {@code
 * {"statusCode":401}} with the reason in {@code WWW-Authenticate}. {@code GET /api/collections}
 * lists two collections, and {@code GET /1.0/library/books} lists the documents of one. An API call
 * without a valid token gets DADI API v3's answer (401 {@code {"statusCode":401}}, {@code
 * error="invalid_token"} or {@code error="no_token"} in {@code WWW-Authenticate}) or, with {@link
 * Version#V4}, v4's (401 {@code API-0005}, no {@code WWW-Authenticate}). Tokens live 4 seconds by
 * default. It accepts oauthkit-sandbox's {@link Sandbox#CLIENT_ID} and {@link
 * Sandbox#CLIENT_SECRET} and shares its token bookkeeping, but is a sample's server, not a
 * published provider sandbox.
 */
public final class GenericSandbox implements Closeable {
  /** The DADI API version whose answers to a missing or invalid token the sandbox gives. */
  public enum Version {
    /** 401 {@code {"statusCode":401}}, the reason in {@code WWW-Authenticate}. */
    V3,
    /** 401 {@code {"code":"API-0005",…}} without {@code WWW-Authenticate}. */
    V4
  }

  /** The access tokens issued, checked and revoked. */
  public final IssuedTokens tokens = new IssuedTokens();

  private final MockWebServer server = new MockWebServer();
  private final long lifetimeMillis;
  private final Version version;

  public GenericSandbox() {
    this(4, TimeUnit.SECONDS);
  }

  public GenericSandbox(long tokenLifetime, TimeUnit unit) {
    this(tokenLifetime, unit, Version.V3);
  }

  public GenericSandbox(long tokenLifetime, TimeUnit unit, Version version) {
    this.lifetimeMillis = unit.toMillis(tokenLifetime);
    this.version = version;
  }

  /** Starts the sandbox on a free loopback port and returns its host root. */
  public HttpUrl start() throws IOException {
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            return GenericSandbox.this.dispatch(request);
          }
        });
    server.start(InetAddress.getLoopbackAddress(), 0);
    return baseUrl();
  }

  /** Returns the host root, such as {@code http://127.0.0.1:53122/}. */
  public HttpUrl baseUrl() {
    return server.url("/");
  }

  @Override
  public void close() throws IOException {
    server.shutdown();
  }

  private MockResponse dispatch(RecordedRequest request) {
    String path = path(request);
    if (path.equals("/token") && request.getMethod().equals("POST")) return token(request);
    if (!request.getMethod().equals("GET")) return json(404, "{\"statusCode\":404}");
    if (!path.equals("/api/collections") && !path.equals("/1.0/library/books")) {
      return json(404, "{\"statusCode\":404}");
    }
    String authorization = request.getHeader("Authorization");
    if (!tokens.isValid(authorization)) return unauthorized(authorization);
    if (path.equals("/1.0/library/books")) {
      return json(
          200,
          "{\"results\":[{\"_id\":\"5b3a1c\",\"title\":\"Middlemarch\"},{\"_id\":\"5b3a1d\","
              + "\"title\":\"Persuasion\"}],\"metadata\":{\"limit\":50,\"page\":1,\"offset\":0,"
              + "\"totalCount\":2,\"totalPages\":1}}");
    }
    return json(
        200,
        "{\"collections\":[{\"version\":\"1.0\",\"database\":\"library\",\"name\":\"Books\","
            + "\"slug\":\"books\",\"path\":\"/1.0/library/books\"},{\"version\":\"1.0\","
            + "\"database\":\"library\",\"name\":\"Authors\",\"slug\":\"authors\","
            + "\"path\":\"/1.0/library/authors\"}],\"media\":{\"buckets\":[\"mediaStore\"],"
            + "\"defaultBucket\":\"mediaStore\"}}");
  }

  private MockResponse unauthorized(@Nullable String authorization) {
    if (version == Version.V4) {
      return json(
          401,
          "{\"code\":\"API-0005\",\"title\":\"Unauthorised\",\"details\":\"The request could"
              + " not be fulfilled because it did not contain a valid bearer token.\"}");
    }
    MockResponse response = json(401, "{\"statusCode\":401}");
    if (authorization == null) return response; // v3 names no reason for a missing header.
    return authorization.startsWith("Bearer ")
        ? response.setHeader(
            "WWW-Authenticate",
            "Bearer, error=\"invalid_token\", error_description=\"Invalid or expired access"
                + " token\"")
        : response.setHeader("WWW-Authenticate", "Bearer, error=\"no_token\"");
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
                + tokens.issueAccessToken(lifetimeMillis)
                + "\",\"tokenType\":\"Bearer\",\"expiresIn\":"
                + TimeUnit.MILLISECONDS.toSeconds(lifetimeMillis)
                + "}")
        .setHeader("Cache-Control", "no-store")
        .setHeader("Pragma", "no-cache");
  }
}
