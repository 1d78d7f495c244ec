/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.samples.sandbox;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.HttpUrl;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import org.jspecify.annotations.Nullable;

/**
 * Bindeo (Slim 3 with league/oauth2-server 5.0.0-RC1), as providers.md describes it.
 *
 * <p>{@code POST /access_token} reads only an {@code application/json} body; a body in another
 * content type leaves {@code grant_type} unread, so it fails as 400 {@code unsupported_grant_type}.
 * Three grants: {@code client_credentials} (scope {@code anonymous}, no refresh token), {@code
 * password} and {@code refresh_token} (scope {@code all}, with a refresh token). Tokens live 60
 * seconds. The refresh grant rotates: it revokes the old access and refresh tokens, and a spent
 * refresh token gets 400 {@code invalid_request} "The refresh token is invalid.", hint "Token has
 * been revoked". As in 5.0.0-RC1, a refresh token expires with its access token ("Token has
 * expired"). A wrong client gets 401 {@code invalid_client}, a wrong user 401 {@code
 * invalid_credentials}; errors are {@code {"error","message","hint"?}}.
 *
 * <p>Resources: {@code GET /account/identities} (a user's token only; a client token gets 403) and
 * {@code GET /general/account-types?locale=en_US}, in Bindeo's {@code {"data":[…],"total_pages":1}}
 * envelope with its numbers-as-strings. A missing, unknown, revoked or expired token gets 401
 * {@code access_denied}, hint "Access token has been revoked" (or {@code Missing "Authorization"
 * header}).
 */
public final class BindeoSandbox extends Sandbox {
  /** The user the sandbox knows, for the password grant. */
  public static final String USERNAME = "sandbox.user@example.com";

  public static final String PASSWORD = "sandbox-password";

  static final String TOKEN_PATH = "/access_token";

  public final SandboxTokens tokens;

  /** Live refresh tokens: what each was issued with. */
  private final Map<String, Session> sessions = new ConcurrentHashMap<>();

  /** Refresh tokens that were redeemed or revoked. */
  private final Set<String> spent = ConcurrentHashMap.newKeySet();

  /** The scope of each access token: {@code anonymous} or {@code all}. */
  private final Map<String, String> scopes = new ConcurrentHashMap<>();

  private final List<String> issuedRefreshTokens = Collections.synchronizedList(new ArrayList<>());
  private final List<String> redeemedRefreshTokens =
      Collections.synchronizedList(new ArrayList<>());
  private final Map<String, AtomicInteger> grantRequests = new ConcurrentHashMap<>();

  public BindeoSandbox() {
    this(60, TimeUnit.SECONDS);
  }

  public BindeoSandbox(long tokenLifetime, TimeUnit unit) {
    this.tokens = new SandboxTokens(tokenLifetime, unit);
  }

  /** Returns the refresh tokens issued so far, oldest first. */
  public List<String> issuedRefreshTokens() {
    synchronized (issuedRefreshTokens) {
      return new ArrayList<>(issuedRefreshTokens);
    }
  }

  /** Returns the refresh tokens presented with the {@code refresh_token} grant, in order. */
  public List<String> refreshGrantTokens() {
    synchronized (redeemedRefreshTokens) {
      return new ArrayList<>(redeemedRefreshTokens);
    }
  }

  /** Returns how many token requests named {@code grantType}. */
  public int grantRequests(String grantType) {
    AtomicInteger count = grantRequests.get(grantType);
    return count != null ? count.get() : 0;
  }

  @Override
  protected MockResponse dispatch(RecordedRequest request) {
    String path = path(request);
    String method = request.getMethod();
    if (path.equals(TOKEN_PATH) && "POST".equals(method)) return token(request);
    if (path.equals("/account/identities") && "GET".equals(method)) return identities(request);
    if (path.equals("/general/account-types") && "GET".equals(method)) {
      return accountTypes(request);
    }
    return appError(404, "Page not found");
  }

  // The token endpoint, in the order league/oauth2-server checks: grant type, client, grant.

  private MockResponse token(RecordedRequest request) {
    // Slim parses the body as JSON only for application/json; anything else reads as no fields.
    Map<String, Object> body = hasMediaType(request, "application/json") ? jsonBody(request) : null;
    String grantType = body != null ? string(body.get("grant_type")) : null;
    if (grantType != null) {
      grantRequests.computeIfAbsent(grantType, k -> new AtomicInteger()).incrementAndGet();
    }
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
    redeemedRefreshTokens.add(refreshToken);
    Session session = sessions.remove(refreshToken);
    tokens.redeemRefreshToken(refreshToken);
    if (session == null) {
      String hint =
          spent.contains(refreshToken)
              ? "Token has been revoked"
              : "Cannot parse refresh token: the token is not one this server issued";
      return oauthError(400, "invalid_request", "The refresh token is invalid.", hint);
    }
    // Rotation: the old refresh token and its access token are revoked either way.
    spent.add(refreshToken);
    tokens.revokeAccessToken(session.accessToken);
    scopes.remove(session.accessToken);
    if (System.currentTimeMillis() >= session.expiresAtMillis) {
      return oauthError(
          400, "invalid_request", "The refresh token is invalid.", "Token has expired");
    }
    return issue("all", session.user);
  }

  private MockResponse issue(String scope, @Nullable String user) {
    String accessToken = tokens.issueAccessToken();
    scopes.put(accessToken, scope);
    StringBuilder body =
        new StringBuilder()
            .append("{\"token_type\":\"Bearer\",\"expires_in\":")
            .append(tokens.lifetimeSeconds())
            .append(",\"access_token\":\"")
            .append(accessToken)
            .append('"');
    if (user != null) {
      String refreshToken = tokens.issueRefreshToken(user);
      long expiresAt =
          System.currentTimeMillis() + TimeUnit.SECONDS.toMillis(tokens.lifetimeSeconds());
      sessions.put(refreshToken, new Session(user, accessToken, expiresAt));
      issuedRefreshTokens.add(refreshToken);
      body.append(",\"refresh_token\":\"").append(refreshToken).append('"');
    }
    return json(200, body.append('}').toString());
  }

  // Resources: the token check runs first, then the route.

  private MockResponse identities(RecordedRequest request) {
    MockResponse denied = checkToken(request);
    if (denied != null) return denied;
    String token = request.getHeader("Authorization").substring("Bearer ".length());
    if (!"all".equals(scopes.get(token))) return appError(403, "You need other access privileges");
    return json(
        200,
        "{\"data\":[{\"type\":\"identities\",\"attributes\":{\"idIdentity\":\"7\",\"idUser\":1,"
            + "\"main\":\"1\",\"type\":\"E\",\"name\":\"Sandbox User\",\"value\":\""
            + USERNAME
            + "\",\"confirmed\":1,\"status\":\"A\"}}],\"total_pages\":1}");
  }

  private MockResponse accountTypes(RecordedRequest request) {
    MockResponse denied = checkToken(request);
    if (denied != null) return denied;
    HttpUrl url = request.getRequestUrl();
    String locale = url != null ? url.queryParameter("locale") : null;
    if (!"en_US".equals(locale) && !"es_ES".equals(locale)) {
      return appError(400, "Missing fields");
    }
    boolean spanish = locale.equals("es_ES");
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

  @Nullable
  private MockResponse checkToken(RecordedRequest request) {
    switch (tokens.check(request.getHeader("Authorization"))) {
      case MISSING:
        return accessDenied("Missing \"Authorization\" header");
      case UNKNOWN:
      case EXPIRED: // An expired token drops out of the server's store: it shows as revoked.
        return accessDenied("Access token has been revoked");
      default:
        return null;
    }
  }

  private static MockResponse accessDenied(String hint) {
    return oauthError(
        401,
        "access_denied",
        "The resource owner or authorization server denied the request.",
        hint);
  }

  private static MockResponse invalidRequest(String parameter) {
    return oauthError(
        400,
        "invalid_request",
        "The request is missing a required parameter, includes an invalid parameter value,"
            + " includes a parameter more than once, or is otherwise malformed.",
        "`" + parameter + "` parameter is missing");
  }

  /** The OAuth layer's errors: {@code {"error","message","hint"?}}. */
  private static MockResponse oauthError(
      int code, String error, String message, @Nullable String hint) {
    return json(
        code,
        "{\"error\":\""
            + error
            + "\",\"message\":\""
            + message
            + "\""
            + (hint != null ? ",\"hint\":\"" + hint.replace("\"", "\\\"") + "\"" : "")
            + "}");
  }

  /** The application's errors: {@code {"error":{"code":403,"message":"…"}}}. */
  private static MockResponse appError(int code, String message) {
    return json(code, "{\"error\":{\"code\":" + code + ",\"message\":\"" + message + "\"}}");
  }

  @Nullable
  private static String string(@Nullable Object value) {
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
