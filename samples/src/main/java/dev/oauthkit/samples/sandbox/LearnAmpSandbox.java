/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.samples.sandbox;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import okhttp3.HttpUrl;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import org.jspecify.annotations.Nullable;

/**
 * Learn Amp, with the Doorkeeper-style errors that providers.md infers (unverified upstream).
 *
 * <p>{@code POST /oauth/token} takes {@code client_id}, {@code client_secret}, {@code grant_type}
 * and an optional {@code scope} as {@code multipart/form-data} fields, as in Learn Amp's {@code
 * curl --form} example. A body in any other content type (urlencoded, JSON) carries no client
 * authentication this sandbox accepts: 401 {@code invalid_client}. It answers {@code access_token},
 * {@code token_type}, a 60-second {@code expires_in}, {@code scope} and {@code created_at}; there
 * is no refresh token.
 *
 * <p>{@code GET /v1/users?page=…&perPage=…} lists 12 users, 10 per page by default, with the totals
 * in the {@code Total}, {@code Per-Page} and {@code Total-Pages} headers. A missing, unknown or
 * expired token gets 401 {@code {"error":"The access token is invalid"}} (or {@code … expired})
 * with Doorkeeper's {@code WWW-Authenticate}.
 */
public final class LearnAmpSandbox extends Sandbox {
  static final String TOKEN_PATH = "/oauth/token";
  static final String USERS_PATH = "/v1/users";
  static final int USERS = 12;
  static final int DEFAULT_PER_PAGE = 10;

  private static final Set<String> SCOPES =
      new HashSet<>(
          Arrays.asList(
              "public",
              "users:read",
              "teams:read",
              "team_users:read",
              "items:read",
              "learnlists:read"));

  private static final String[][] NAMES = {
    {"Ada", "Lovelace"}, {"Alan", "Turing"}, {"Grace", "Hopper"}, {"Edsger", "Dijkstra"},
    {"Barbara", "Liskov"}, {"Donald", "Knuth"}, {"Frances", "Allen"}, {"Tony", "Hoare"},
    {"Margaret", "Hamilton"}, {"Niklaus", "Wirth"}, {"Radia", "Perlman"}, {"Ken", "Thompson"}
  };

  public final SandboxTokens tokens;

  public LearnAmpSandbox() {
    this(60, TimeUnit.SECONDS);
  }

  public LearnAmpSandbox(long tokenLifetime, TimeUnit unit) {
    this.tokens = new SandboxTokens(tokenLifetime, unit);
  }

  @Override
  protected MockResponse dispatch(RecordedRequest request) {
    String path = path(request);
    String method = request.getMethod();
    if (path.equals(TOKEN_PATH) && "POST".equals(method)) return token(request);
    if (path.equals(USERS_PATH) && "GET".equals(method)) return users(request);
    return json(404, "{\"error\":\"Not found\"}");
  }

  private MockResponse token(RecordedRequest request) {
    if (!hasMediaType(request, "multipart/form-data")) return invalidClient();
    Map<String, String> form = multipartBody(request);
    String grantType = form.get("grant_type");
    if (grantType == null || grantType.isEmpty()) {
      return tokenError(400, "invalid_request", "Missing required parameter: grant_type.");
    }
    if (!grantType.equals("client_credentials")) {
      return tokenError(
          400,
          "unsupported_grant_type",
          "The authorization grant type is not supported by the authorization server.");
    }
    if (!CLIENT_ID.equals(form.get("client_id"))
        || !CLIENT_SECRET.equals(form.get("client_secret"))) {
      return invalidClient();
    }
    String scope = form.get("scope");
    if (scope == null || scope.trim().isEmpty()) {
      scope = "public"; // The server's default.
    } else {
      for (String one : scope.trim().split(" +", -1)) {
        if (!SCOPES.contains(one)) {
          return tokenError(
              400, "invalid_scope", "The requested scope is invalid, unknown, or malformed.");
        }
      }
    }
    return json(
            200,
            "{\"access_token\":\""
                + tokens.issueAccessToken()
                + "\",\"token_type\":\"Bearer\",\"expires_in\":"
                + tokens.lifetimeSeconds()
                + ",\"scope\":\""
                + scope.trim()
                + "\",\"created_at\":"
                + TimeUnit.MILLISECONDS.toSeconds(System.currentTimeMillis())
                + "}")
        .setHeader("Cache-Control", "no-store")
        .setHeader("Pragma", "no-cache");
  }

  private MockResponse users(RecordedRequest request) {
    switch (tokens.check(request.getHeader("Authorization"))) {
      case MISSING:
      case UNKNOWN:
        return invalidToken("The access token is invalid");
      case EXPIRED:
        return invalidToken("The access token expired");
      case VALID:
        break;
    }
    HttpUrl url = request.getRequestUrl();
    int page = positive(url != null ? url.queryParameter("page") : null, 1);
    int perPage = positive(url != null ? url.queryParameter("perPage") : null, DEFAULT_PER_PAGE);
    int totalPages = (USERS + perPage - 1) / perPage;
    StringBuilder users = new StringBuilder();
    for (int i = (page - 1) * perPage; i < Math.min(USERS, page * perPage); i++) {
      if (users.length() > 0) users.append(',');
      String first = NAMES[i][0];
      String last = NAMES[i][1];
      int id = i + 1;
      users
          .append("{\"id\":")
          .append(id)
          .append(",\"firstName\":\"")
          .append(first)
          .append("\",\"lastName\":\"")
          .append(last)
          .append("\",\"jobTitle\":\"Engineer\",\"email\":\"")
          .append(first.toLowerCase(java.util.Locale.ROOT))
          .append('.')
          .append(last.toLowerCase(java.util.Locale.ROOT))
          .append("@example.com\",\"timeZone\":\"London\",\"language\":\"en\",")
          .append("\"role\":\"viewer\",\"integrationExternalId\":null,\"hireDate\":\"2021-01-15\",")
          .append("\"profileUrl\":\"https://sandbox.learnamp.com/en/users/")
          .append(id)
          .append("\",\"status\":{\"status\":\"Confirmed\",\"time\":\"On 29 Nov 16\"}}");
    }
    return json(200, "{\"users\":[" + users + "]}")
        .setHeader("Total", USERS)
        .setHeader("Per-Page", perPage)
        .setHeader("Total-Pages", totalPages);
  }

  private static MockResponse invalidClient() {
    return tokenError(
        401,
        "invalid_client",
        "Client authentication failed due to unknown client, no client authentication included,"
            + " or unsupported authentication method.");
  }

  private static MockResponse tokenError(int code, String error, String description) {
    MockResponse response =
        json(code, "{\"error\":\"" + error + "\",\"error_description\":\"" + description + "\"}")
            .setHeader("Cache-Control", "no-store")
            .setHeader("Pragma", "no-cache");
    if (code == 401) {
      response.setHeader(
          "WWW-Authenticate",
          "Bearer realm=\"Doorkeeper\", error=\""
              + error
              + "\", error_description=\""
              + description
              + "\"");
    }
    return response;
  }

  private static MockResponse invalidToken(String description) {
    return json(401, "{\"error\":\"" + description + "\"}")
        .setHeader(
            "WWW-Authenticate",
            "Bearer realm=\"Doorkeeper\", error=\"invalid_token\", error_description=\""
                + description
                + "\"");
  }

  private static int positive(@Nullable String value, int defaultValue) {
    if (value == null) return defaultValue;
    try {
      int parsed = Integer.parseInt(value);
      return parsed > 0 ? parsed : defaultValue;
    } catch (NumberFormatException e) {
      return defaultValue;
    }
  }
}
