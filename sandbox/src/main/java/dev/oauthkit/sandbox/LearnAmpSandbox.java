/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.sandbox;

import static dev.oauthkit.sandbox.internal.HttpMessages.hasMediaType;
import static dev.oauthkit.sandbox.internal.HttpMessages.join;
import static dev.oauthkit.sandbox.internal.HttpMessages.json;
import static dev.oauthkit.sandbox.internal.HttpMessages.multipartBody;
import static dev.oauthkit.sandbox.internal.HttpMessages.path;
import static dev.oauthkit.sandbox.internal.HttpMessages.query;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import org.jspecify.annotations.Nullable;

/**
 * A stand-in for Learn Amp, for {@code dev.oauthkit.learnamp.LearnAmp}, with the Doorkeeper-style
 * errors that Learn Amp's stack suggests (its 401 bodies are undocumented).
 *
 * <pre>{@code
 * try (LearnAmpSandbox sandbox = new LearnAmpSandbox()) {
 *   sandbox.start();
 *   LearnAmp learnAmp = LearnAmp.builder()
 *       .clientId(Sandbox.CLIENT_ID)
 *       .clientSecret(Sandbox.CLIENT_SECRET)
 *       .baseUrl(sandbox.baseUrl())
 *       .build();
 *   UserList users = learnAmp.execute(learnAmp.api().users(1, 5));
 * }
 * }</pre>
 *
 * <p><b>Token endpoint.</b> {@code POST /oauth/token} takes {@code client_id}, {@code
 * client_secret}, {@code grant_type} and an optional {@code scope} as {@code multipart/form-data}
 * fields, as in Learn Amp's {@code curl --form} example. A body in another content type carries no
 * client authentication this sandbox accepts: 401 {@code invalid_client}. Only {@code
 * client_credentials} is granted; it answers {@code access_token}, {@code token_type}, {@code
 * expires_in} (60 seconds unless {@link #tokenLifetime} says otherwise), {@code scope} and {@code
 * created_at}, and no refresh token. Errors are RFC 6749 {@code {"error","error_description"}}. A
 * {@linkplain #failNextTokenRequests failed} token request gets Learn Amp's {@code {"error":"…"}}.
 *
 * <p><b>API.</b> {@code GET /v1/users} (12 users), {@code /v1/users/{id}}, {@code /v1/teams} (3
 * teams), {@code /v1/teams/{id}}, {@code /v1/teams/{id}/users}, {@code /v1/items} (4 items) and
 * {@code /v1/items/{id}}. Lists take {@code page} and {@code perPage} (10 by default) and carry the
 * totals in the {@code Total}, {@code Per-Page} and {@code Total-Pages} headers. An unknown id or
 * path gets 404 {@code {"error":"Not found"}}. A missing or unknown token gets 401 {@code
 * {"error":"The access token is invalid"}}, an expired one {@code … expired}, a {@linkplain
 * #revokeAllTokens revoked} one {@code … was revoked}, each with Doorkeeper's {@code
 * WWW-Authenticate}.
 */
public final class LearnAmpSandbox extends Sandbox {
  static final String TOKEN_PATH = "/oauth/token";
  private static final int DEFAULT_PER_PAGE = 10;

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

  /** {id, name, first user id, last user id, tags}. */
  private static final Object[][] TEAMS = {
    {1, "Engineering", 1, 6, "\"tech\",\"core\""},
    {2, "Research", 7, 11, "\"tech\""},
    {3, "Operations", 12, 12, ""}
  };

  /** {id, title, itemType, itemCategory}. */
  private static final String[][] ITEMS = {
    {"3015", "Activity 10", "Video", "Audio/Visual"},
    {"3016", "Writing good tests", "Article", "Reading"},
    {"3017", "OAuth 2.0 in practice", "Course", "Course"},
    {"3018", "Team retrospective", "Event", "Event"}
  };

  private static final Pattern ID_PATH = Pattern.compile("/v1/(users|teams|items)/(\\d+)(/users)?");

  /** Creates a sandbox whose tokens live 60 seconds; call {@link #start()} before use. */
  public LearnAmpSandbox() {
    super(TOKEN_PATH, 60);
  }

  @Override
  @Nullable String grantType(RecordedRequest request) {
    String grantType = multipartBody(request).get("grant_type");
    return grantType == null || grantType.isEmpty() ? null : grantType;
  }

  @Override
  MockResponse token(RecordedRequest request, @Nullable String grantType) {
    if (!hasMediaType(request, "multipart/form-data")) return invalidClient();
    Map<String, String> form = multipartBody(request);
    if (grantType == null) {
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
                + tokens.issueAccessToken(tokenLifetimeMillis())
                + "\",\"token_type\":\"Bearer\",\"expires_in\":"
                + expiresInSeconds()
                + ",\"scope\":\""
                + scope.trim()
                + "\",\"created_at\":"
                + TimeUnit.MILLISECONDS.toSeconds(tokens.nowMillis())
                + "}")
        .setHeader("Cache-Control", "no-store")
        .setHeader("Pragma", "no-cache");
  }

  @Override
  MockResponse tokenFailure(int code) {
    String error =
        code == 429
            ? "Too many requests"
            : code == 503 ? "Service unavailable" : "Internal server error";
    return json(code, "{\"error\":\"" + error + "\"}");
  }

  @Override
  MockResponse api(RecordedRequest request) {
    switch (tokens.check(request.getHeader("Authorization"))) {
      case MISSING:
      case UNKNOWN:
        return invalidToken("The access token is invalid");
      case EXPIRED:
        return invalidToken("The access token expired");
      case REVOKED:
        return invalidToken("The access token was revoked");
      default:
        break;
    }
    if (!"GET".equals(request.getMethod())) return notFound();
    String path = path(request);
    switch (path) {
      case "/v1/users":
        return page(request, "users", users(1, NAMES.length));
      case "/v1/teams":
        List<String> teams = new ArrayList<>();
        for (Object[] team : TEAMS) teams.add(team(team, false));
        return page(request, "teams", teams);
      case "/v1/items":
        List<String> items = new ArrayList<>();
        for (String[] item : ITEMS) items.add(item(item));
        return page(request, "items", items);
      default:
        break;
    }
    Matcher byId = ID_PATH.matcher(path);
    if (!byId.matches()) return notFound();
    long id = Long.parseLong(byId.group(2));
    boolean teamUsers = byId.group(3) != null;
    switch (byId.group(1)) {
      case "users":
        if (teamUsers || id < 1 || id > NAMES.length) return notFound();
        return json(200, user((int) id));
      case "teams":
        for (Object[] team : TEAMS) {
          if (((Integer) team[0]) == id) return json(200, team(team, true));
        }
        return notFound();
      default:
        if (teamUsers) return notFound();
        for (String[] item : ITEMS) {
          if (item[0].equals(Long.toString(id))) return json(200, item(item));
        }
        return notFound();
    }
  }

  private static List<String> users(int first, int last) {
    List<String> users = new ArrayList<>();
    for (int id = first; id <= last; id++) users.add(user(id));
    return users;
  }

  private static String user(int id) {
    String first = NAMES[id - 1][0];
    String last = NAMES[id - 1][1];
    return "{\"id\":"
        + id
        + ",\"firstName\":\""
        + first
        + "\",\"lastName\":\""
        + last
        + "\",\"jobTitle\":\"Engineer\",\"email\":\""
        + first.toLowerCase(Locale.ROOT)
        + '.'
        + last.toLowerCase(Locale.ROOT)
        + "@example.com\",\"timeZone\":\"London\",\"language\":\"en\","
        + "\"role\":\"viewer\",\"integrationExternalId\":null,\"hireDate\":\"2021-01-15\","
        + "\"profileUrl\":\"https://sandbox.learnamp.com/en/users/"
        + id
        + "\",\"status\":{\"status\":\"Confirmed\",\"time\":\"On 29 Nov 16\"}}";
  }

  private static String team(Object[] team, boolean withUsers) {
    int id = (Integer) team[0];
    int first = (Integer) team[2];
    int last = (Integer) team[3];
    StringBuilder json =
        new StringBuilder()
            .append("{\"id\":")
            .append(id)
            .append(",\"name\":\"")
            .append(team[1])
            .append("\",\"teamUsersCount\":")
            .append(last - first + 1)
            .append(",\"apiTeamPath\":\"/v1/teams/")
            .append(id)
            .append("\",\"apiTeamUsersPath\":\"/v1/teams/")
            .append(id)
            .append("/users\",\"parentTeamId\":null,\"tags\":[")
            .append(team[4])
            .append(']');
    if (withUsers) json.append(",\"users\":[").append(join(users(first, last))).append(']');
    return json.append('}').toString();
  }

  private static String item(String[] item) {
    String slug = item[1].toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    return "{\"id\":"
        + item[0]
        + ",\"title\":\""
        + item[1]
        + "\",\"shortDescription\":null,\"itemType\":\""
        + item[2]
        + "\",\"itemCategory\":\""
        + item[3]
        + "\",\"itemUrl\":\"https://sandbox.learnamp.com/en/items/"
        + slug
        + "\",\"createdAt\":\"2021-03-02T11:09:35Z\",\"updatedAt\":\"2021-03-02T12:24:02Z\","
        + "\"addedBy\":{\"id\":1},\"tags\":[\"sandbox\"]}";
  }

  /** One page of {@code all}, with Learn Amp's paging headers. */
  private static MockResponse page(RecordedRequest request, String name, List<String> all) {
    int page = positive(query(request, "page"), 1);
    int perPage = positive(query(request, "perPage"), DEFAULT_PER_PAGE);
    int totalPages = (all.size() + perPage - 1) / perPage;
    long from = Math.min(all.size(), (long) (page - 1) * perPage);
    long to = Math.min(all.size(), (long) page * perPage);
    return json(200, "{\"" + name + "\":[" + join(all.subList((int) from, (int) to)) + "]}")
        .setHeader("Total", all.size())
        .setHeader("Per-Page", perPage)
        .setHeader("Total-Pages", totalPages);
  }

  private static MockResponse notFound() {
    return json(404, "{\"error\":\"Not found\"}");
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
