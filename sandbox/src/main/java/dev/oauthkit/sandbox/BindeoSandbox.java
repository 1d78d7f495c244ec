/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.sandbox;

import static dev.oauthkit.sandbox.internal.HttpMessages.hasMediaType;
import static dev.oauthkit.sandbox.internal.HttpMessages.json;
import static dev.oauthkit.sandbox.internal.HttpMessages.jsonBody;
import static dev.oauthkit.sandbox.internal.HttpMessages.path;
import static dev.oauthkit.sandbox.internal.HttpMessages.query;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import org.jspecify.annotations.Nullable;

/**
 * A stand-in for Bindeo (Slim 3 with league/oauth2-server 5.0.0-RC1), for {@code
 * dev.oauthkit.bindeo.Bindeo}.
 *
 * <pre>{@code
 * try (BindeoSandbox sandbox = new BindeoSandbox()) {
 *   sandbox.start();
 *   Bindeo bindeo = Bindeo.builder()
 *       .clientId(Sandbox.CLIENT_ID)
 *       .clientSecret(Sandbox.CLIENT_SECRET)
 *       .baseUrl(sandbox.baseUrl())
 *       .build();
 *   Bindeo user = bindeo.signIn(BindeoSandbox.USERNAME, BindeoSandbox.PASSWORD);
 * }
 * }</pre>
 *
 * <p><b>Token endpoint.</b> {@code POST /access_token} reads only an {@code application/json} body;
 * a body in another content type leaves {@code grant_type} unread, so it fails as 400 {@code
 * unsupported_grant_type}. Three grants: {@code client_credentials} (scope {@code anonymous}, no
 * refresh token), {@code password} for {@link #USERNAME} and {@link #PASSWORD}, and {@code
 * refresh_token} (both scope {@code all}, with a refresh token). Tokens live 60 seconds unless
 * {@link #tokenLifetime} says otherwise. The refresh grant rotates: it revokes the old access and
 * refresh tokens, and a spent, {@linkplain #refuseRefreshTokens refused} or expired refresh token
 * gets 400 {@code invalid_request} "The refresh token is invalid." (Bindeo's answer where RFC 6749
 * has {@code invalid_grant}), hint "Token has been revoked" or "Token has expired". As in
 * 5.0.0-RC1, a refresh token expires with its access token. A wrong client gets 401 {@code
 * invalid_client}, a wrong user 401 {@code invalid_credentials}; these errors are {@code
 * {"error","message","hint"?}}. A {@linkplain #failNextTokenRequests failed} token request gets 500
 * as the raw exception text (not JSON), as Bindeo's does, and 429 or another 5xx as an application
 * error {@code {"error":{"code":…,"message":…}}}.
 *
 * <p><b>API</b> ({@code {"data":[…],"total_pages":1}} envelopes, numbers partly as strings):
 *
 * <ul>
 *   <li>{@code GET /general/account-types?locale=…} and {@code GET /general/media-types?locale=…}
 *       ({@code en_US} or {@code es_ES}; another locale gets 400 "Missing fields"), with any token.
 *   <li>{@code GET /account/identities} and {@code PUT /account} ({@code {"locale":…}}, answers the
 *       user), with a signed-in user's token only; a client token gets 403 "You need other access
 *       privileges".
 * </ul>
 *
 * <p>A missing, unknown, expired or revoked token gets 401 {@code access_denied}, hint "Access
 * token has been revoked" (an expired token drops out of Bindeo's store), or {@code Missing
 * "Authorization" header}.
 */
public final class BindeoSandbox extends Sandbox {
  /** The user the sandbox knows, for the password grant. */
  public static final String USERNAME = "sandbox.user@example.com";

  /** The password of {@link #USERNAME}. */
  public static final String PASSWORD = "sandbox-password";

  static final String TOKEN_PATH = "/access_token";

  /** Live refresh tokens: what each was issued with. */
  private final Map<String, Session> sessions = new ConcurrentHashMap<>();

  /** Refresh tokens that were redeemed, refused or revoked. */
  private final Map<String, Boolean> spent = new ConcurrentHashMap<>();

  /** The scope of each access token: {@code anonymous} or {@code all}. */
  private final Map<String, String> scopes = new ConcurrentHashMap<>();

  /** The signed-in user's locale. */
  private volatile String locale = "en_US";

  /** Creates a sandbox whose tokens live 60 seconds; call {@link #start()} before use. */
  public BindeoSandbox() {
    super(TOKEN_PATH, 60);
  }

  @Override
  @Nullable String grantType(RecordedRequest request) {
    // Slim parses the body as JSON only for application/json; anything else reads as no fields.
    Map<String, Object> body = hasMediaType(request, "application/json") ? jsonBody(request) : null;
    return body != null ? string(body.get("grant_type")) : null;
  }

  // The token endpoint, in the order league/oauth2-server checks: grant type, client, grant.

  @Override
  MockResponse token(RecordedRequest request, @Nullable String grantType) {
    Map<String, Object> body = hasMediaType(request, "application/json") ? jsonBody(request) : null;
    if (body == null
        || grantType == null
        || !(grantType.equals("client_credentials")
            || grantType.equals("password")
            || grantType.equals("refresh_token"))) {
      return oauthError(
          400,
          "unsupported_grant_type",
          "The authorization grant type is not supported by the authorization server.",
          "Check the `grant_type` parameter");
    }
    String clientId = string(body.get("client_id"));
    if (clientId == null) return invalidRequest("client_id");
    if (!CLIENT_ID.equals(clientId) || !CLIENT_SECRET.equals(string(body.get("client_secret")))) {
      return oauthError(401, "invalid_client", "Client authentication failed", null);
    }
    switch (grantType) {
      case "client_credentials":
        return issue("anonymous", null);
      case "password":
        return password(body);
      default:
        return refresh(body);
    }
  }

  private MockResponse password(Map<String, Object> body) {
    String username = string(body.get("username"));
    if (username == null) return invalidRequest("username");
    String password = string(body.get("password"));
    if (password == null) return invalidRequest("password");
    if (!USERNAME.equals(username) || !PASSWORD.equals(password)) {
      return oauthError(401, "invalid_credentials", "The user credentials were incorrect.", null);
    }
    return issue("all", username);
  }

  private MockResponse refresh(Map<String, Object> body) {
    String refreshToken = string(body.get("refresh_token"));
    if (refreshToken == null) return invalidRequest("refresh_token");
    Session session = sessions.remove(refreshToken);
    if (session == null) {
      String hint =
          spent.containsKey(refreshToken)
              ? "Token has been revoked"
              : "Cannot parse refresh token: the token is not one this server issued";
      return invalidRefreshToken(hint);
    }
    // Rotation: the old refresh token and its access token are revoked either way.
    spent.put(refreshToken, Boolean.TRUE);
    tokens.revokeAccessToken(session.accessToken);
    scopes.remove(session.accessToken);
    if (refusesRefreshTokens()) return invalidRefreshToken("Token has been revoked");
    if (tokens.nowMillis() >= session.expiresAtMillis) {
      return invalidRefreshToken("Token has expired");
    }
    return issue("all", session.user);
  }

  private MockResponse issue(String scope, @Nullable String user) {
    long lifetimeMillis = tokenLifetimeMillis();
    String accessToken = tokens.issueAccessToken(lifetimeMillis);
    scopes.put(accessToken, scope);
    StringBuilder body =
        new StringBuilder()
            .append("{\"token_type\":\"Bearer\",\"expires_in\":")
            .append(expiresInSeconds())
            .append(",\"access_token\":\"")
            .append(accessToken)
            .append('"');
    if (user != null) {
      String refreshToken = "rt-" + UUID.randomUUID();
      sessions.put(
          refreshToken, new Session(user, accessToken, tokens.nowMillis() + lifetimeMillis));
      body.append(",\"refresh_token\":\"").append(refreshToken).append('"');
    }
    return json(200, body.append('}').toString());
  }

  @Override
  MockResponse tokenFailure(int code) {
    if (code == 500) {
      // Slim's error handler is bypassed at the token endpoint: the exception text, not JSON.
      return new MockResponse()
          .setResponseCode(500)
          .setHeader("Content-Type", "text/html; charset=UTF-8")
          .setBody("PDOException: SQLSTATE[HY000] [2002] Connection refused");
    }
    return appError(code, code == 429 ? "Too many requests" : "Service unavailable");
  }

  // Resources: the token check runs first, then the route.

  @Override
  MockResponse api(RecordedRequest request) {
    String path = path(request);
    String method = request.getMethod();
    MockResponse denied = checkToken(request);
    if (denied != null) return denied;
    String authorization = request.getHeader("Authorization");
    String token = authorization != null ? authorization.substring("Bearer ".length()) : "";
    boolean user = "all".equals(scopes.get(token));
    if ("GET".equals(method) && path.equals("/general/account-types")) return accountTypes(request);
    if ("GET".equals(method) && path.equals("/general/media-types")) return mediaTypes(request);
    if ("GET".equals(method) && path.equals("/account/identities")) {
      return user ? identities() : forbidden();
    }
    if ("PUT".equals(method) && path.equals("/account")) {
      return user ? updateLocale(request) : forbidden();
    }
    return appError(404, "Page not found");
  }

  private static MockResponse identities() {
    return json(
        200,
        "{\"data\":[{\"type\":\"identities\",\"attributes\":{\"idIdentity\":\"7\",\"idUser\":1,"
            + "\"main\":\"1\",\"type\":\"E\",\"name\":\"Sandbox User\",\"value\":\""
            + USERNAME
            + "\",\"confirmed\":1,\"status\":\"A\"}}],\"total_pages\":1}");
  }

  private MockResponse updateLocale(RecordedRequest request) {
    Map<String, Object> body = hasMediaType(request, "application/json") ? jsonBody(request) : null;
    String newLocale = body != null ? string(body.get("locale")) : null;
    if (!"en_US".equals(newLocale) && !"es_ES".equals(newLocale)) {
      return appError(400, "Missing fields");
    }
    locale = newLocale;
    return json(
        200,
        "{\"data\":{\"type\":\"users\",\"attributes\":{\"idUser\":1,\"email\":\""
            + USERNAME
            + "\",\"type\":2,\"name\":\"Sandbox User\",\"confirmed\":\"1\",\"lang\":\""
            + locale
            + "\",\"storageLeft\":\"509337\",\"stampsLeft\":\"10\"}}}");
  }

  private static MockResponse accountTypes(RecordedRequest request) {
    Boolean spanish = spanish(request);
    if (spanish == null) return appError(400, "Missing fields");
    return json(
        200,
        "{\"data\":[{\"type\":\"account_type\",\"attributes\":{\"idType\":\"2\",\"name\":\""
            + (spanish ? "Usuario gratis" : "Free user")
            + "\",\"maxFilesize\":\"3072\",\"maxStorage\":\"524288\",\"maxStampsMonth\":\"10\"}},"
            + "{\"type\":\"account_type\",\"attributes\":{\"idType\":\"3\",\"name\":\""
            + (spanish ? "Usuario premium" : "Premium user")
            + "\",\"cost\":\"10\",\"maxFilesize\":\"10240\",\"maxStorage\":\"5242880\","
            + "\"maxStampsMonth\":\"100\"}}],\"total_pages\":1}");
  }

  private static MockResponse mediaTypes(RecordedRequest request) {
    Boolean spanish = spanish(request);
    if (spanish == null) return appError(400, "Missing fields");
    return json(
        200,
        "{\"data\":[{\"type\":\"media_type\",\"attributes\":{\"idType\":\"1\",\"name\":\""
            + (spanish ? "Documento" : "Document")
            + "\"}},{\"type\":\"media_type\",\"attributes\":{\"idType\":\"2\",\"name\":\""
            + (spanish ? "Imagen" : "Image")
            + "\"}}],\"total_pages\":1}");
  }

  /** Returns whether the {@code locale} query parameter asks for Spanish; null if it is neither. */
  private static @Nullable Boolean spanish(RecordedRequest request) {
    String locale = query(request, "locale");
    if ("es_ES".equals(locale)) return Boolean.TRUE;
    return "en_US".equals(locale) ? Boolean.FALSE : null;
  }

  private @Nullable MockResponse checkToken(RecordedRequest request) {
    switch (tokens.check(request.getHeader("Authorization"))) {
      case MISSING:
        return accessDenied("Missing \\\"Authorization\\\" header");
      case VALID:
        return null;
      default: // An expired token drops out of the server's store: it shows as revoked.
        return accessDenied("Access token has been revoked");
    }
  }

  private static MockResponse forbidden() {
    return appError(403, "You need other access privileges");
  }

  private static MockResponse accessDenied(String hint) {
    return oauthError(
        401,
        "access_denied",
        "The resource owner or authorization server denied the request.",
        hint);
  }

  private static MockResponse invalidRefreshToken(String hint) {
    return oauthError(400, "invalid_request", "The refresh token is invalid.", hint);
  }

  private static MockResponse invalidRequest(String parameter) {
    return oauthError(
        400,
        "invalid_request",
        "The request is missing a required parameter, includes an invalid parameter value,"
            + " includes a parameter more than once, or is otherwise malformed.",
        "`" + parameter + "` parameter is missing");
  }

  /**
   * The OAuth layer's errors: {@code {"error","message","hint"?}}; {@code hint} is JSON-escaped.
   */
  private static MockResponse oauthError(
      int code, String error, String message, @Nullable String hint) {
    return json(
        code,
        "{\"error\":\""
            + error
            + "\",\"message\":\""
            + message
            + "\""
            + (hint != null ? ",\"hint\":\"" + hint + "\"" : "")
            + "}");
  }

  /** The application's errors: {@code {"error":{"code":403,"message":"…"}}}. */
  private static MockResponse appError(int code, String message) {
    return json(code, "{\"error\":{\"code\":" + code + ",\"message\":\"" + message + "\"}}");
  }

  private static @Nullable String string(@Nullable Object value) {
    return value instanceof String && !((String) value).isEmpty() ? (String) value : null;
  }

  private static final class Session {
    final String user;
    final String accessToken;
    final long expiresAtMillis;

    Session(String user, String accessToken, long expiresAtMillis) {
      this.user = user;
      this.accessToken = accessToken;
      this.expiresAtMillis = expiresAtMillis;
    }
  }
}
