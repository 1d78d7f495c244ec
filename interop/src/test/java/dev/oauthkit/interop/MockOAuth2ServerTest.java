/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;

import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import dev.oauthkit.core.AccessToken;
import dev.oauthkit.core.ClientAuthentication;
import dev.oauthkit.core.Grant;
import dev.oauthkit.core.SignInRequiredException;
import dev.oauthkit.core.TokenAuthenticator;
import dev.oauthkit.core.TokenEndpoint;
import dev.oauthkit.core.TokenInterceptor;
import dev.oauthkit.core.TokenManager;
import dev.oauthkit.core.TokenRequestException;
import java.io.IOException;
import java.net.InetAddress;
import java.text.ParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * oauthkit-core against <a
 * href="https://github.com/navikt/mock-oauth2-server">mock-oauth2-server</a> (NAV), a real
 * OAuth2/OIDC server built on Nimbus OAuth2 SDK, started in-process on a random loopback port. It
 * accepts any client id and secret and issues RS256 JWTs; a requested scope becomes the token's
 * {@code aud} claim and the response's {@code scope}.
 */
final class MockOAuth2ServerTest {
  private static final String ISSUER = "issuer";
  private static final String CLIENT_ID = "oauthkit-client";
  private static final String CLIENT_SECRET = "oauthkit-secret";
  private static final String JWT_BEARER = "urn:ietf:params:oauth:grant-type:jwt-bearer";

  private final MockOAuth2Server server = new MockOAuth2Server();
  private final MockWebServer api = new MockWebServer();
  private final RecordingTokenListener listener = new RecordingTokenListener();
  private final OkHttpClient base = new OkHttpClient();

  @BeforeEach
  void setUp() throws IOException {
    server.start(InetAddress.getLoopbackAddress(), 0);
    api.start(InetAddress.getLoopbackAddress(), 0);
  }

  @AfterEach
  void tearDown() {
    api.close();
    server.shutdown();
  }

  private TokenEndpoint.Builder endpoint() {
    return new TokenEndpoint.Builder()
        .url(server.tokenEndpointUrl(ISSUER))
        .clientId(CLIENT_ID)
        .clientSecret(CLIENT_SECRET);
  }

  private TokenManager manager(TokenEndpoint endpoint, Grant grant) {
    return new TokenManager.Builder(endpoint, grant)
        .client(base)
        .listener(listener)
        .addApiBaseUrl(api.url("/"))
        .build();
  }

  /** The issuer URL as the server puts it into its tokens. */
  private String issuer() {
    return server.issuerUrl(ISSUER).toString();
  }

  @Test
  @SuppressWarnings("JavaUtilDate") // Nimbus returns the exp claim as a java.util.Date
  void clientCredentialsWithBasicAuthentication() throws IOException {
    TokenManager tokens =
        manager(
            endpoint().clientAuthentication(ClientAuthentication.BASIC).build(),
            Grant.clientCredentials());

    long before = System.currentTimeMillis();
    AccessToken token = tokens.token();
    long requestMillis = System.currentTimeMillis() - before;

    assertThat(token.tokenType()).isEqualToIgnoringCase("Bearer");
    assertThat(token.hasExpiry()).isTrue();
    JWTClaimsSet claims = Jwts.claims(token.value());
    assertThat(claims.getSubject()).isEqualTo(CLIENT_ID);
    assertThat(claims.getIssuer()).isEqualTo(issuer());
    // The engine counts expires_in from the start of its request; the server counts exp from when
    // it answered, in whole seconds, and computes expires_in from exp as whole seconds left. So
    // the two differ by at most the request's duration, however slow it was, and a second of
    // rounding either way.
    assertThat(claims.getExpirationTime().getTime())
        .isCloseTo(token.expiresAtMillis(), within(requestMillis + 1_000L));
    assertThat(listener.events())
        .containsExactly("start client_credentials", "end client_credentials");
  }

  @Test
  void clientCredentialsWithCredentialsInTheRequestBody() throws IOException {
    TokenManager tokens =
        manager(
            endpoint().clientAuthentication(ClientAuthentication.REQUEST_BODY).build(),
            Grant.clientCredentials());

    AccessToken token = tokens.token();

    assertThat(Jwts.claims(token.value()).getSubject()).isEqualTo(CLIENT_ID);
    assertThat(listener.tokenRequests()).isEqualTo(1);
  }

  @Test
  void clientCredentialsWithoutAnyClientAuthenticationIsRefusedAsInvalidClient() {
    // A public client (no secret) sends only client_id in the body; the server wants a secret.
    TokenManager tokens =
        manager(
            endpoint()
                .clientSecret(null)
                .clientAuthentication(ClientAuthentication.REQUEST_BODY)
                .build(),
            Grant.clientCredentials());

    TokenRequestException e = catchThrowableOfType(TokenRequestException.class, tokens::token);

    // mock-oauth2-server parses client_id alone as "no client authentication" and answers 401.
    assertThat(e.code()).isEqualTo(401);
    assertThat(e.error()).isEqualTo("invalid_client");
    assertThat(e.isTransient()).isFalse();
  }

  @Test
  void requestedScopeReachesTheIssuedToken() throws IOException {
    TokenManager tokens =
        manager(endpoint().scope("widgets:read widgets:write").build(), Grant.clientCredentials());

    AccessToken token = tokens.token();

    // The response's scope ...
    assertThat(token.scope()).isEqualTo("widgets:read widgets:write");
    // ... and the JWT: mock-oauth2-server turns the requested scopes into the audience.
    assertThat(Jwts.claims(token.value()).getAudience())
        .containsExactly("widgets:read", "widgets:write");
  }

  @Test
  void passwordGrant() throws IOException {
    TokenManager tokens =
        manager(
            endpoint().scope("widgets:read").build(), Grant.password("alice", "alice-password"));

    AccessToken token = tokens.token();

    // The resource owner becomes the subject. The server issues no refresh token for this grant.
    JWTClaimsSet claims = Jwts.claims(token.value());
    assertThat(claims.getSubject()).isEqualTo("alice");
    assertThat(claims.getAudience()).containsExactly("widgets:read");
    assertThat(token.scope()).isEqualTo("widgets:read");
    assertThat(token.refreshToken()).isNull();
    assertThat(token.extras()).containsKey("id_token");
    assertThat(listener.events()).containsExactly("start password", "end password");
  }

  @Test
  void refreshTokenGrantWithARefreshTokenTheServerIssued() throws IOException {
    // oauthkit-core does not do the authorization_code flow (it needs a browser); run it by hand
    // against the server, which signs in a generated user without a login page.
    Issued issued = authorizationCodeFlow();
    TokenManager tokens = manager(endpoint().build(), Grant.refreshToken(issued.refreshToken));

    AccessToken first = tokens.token();
    assertThat(first.value()).isNotEqualTo(issued.accessToken);
    assertThat(first.refreshToken()).isEqualTo(issued.refreshToken);
    // Same user as the original sign-in: the server looked the refresh token up.
    assertThat(Jwts.claims(first.value()).getSubject()).isEqualTo(issued.subject);

    // Renewing after a rejected access token uses the refresh token again.
    AccessToken second = tokens.refresh(first.value());
    assertThat(second.value()).isNotEqualTo(first.value());
    assertThat(Jwts.claims(second.value()).getSubject()).isEqualTo(issued.subject);
    assertThat(listener.events())
        .containsExactly(
            "start refresh_token",
            "end refresh_token",
            "invalidated",
            "start refresh_token",
            "end refresh_token");
  }

  @Test
  void unknownRefreshTokenMeansSignInRequired() {
    TokenManager tokens =
        manager(endpoint().build(), Grant.refreshToken("never-issued-by-this-server"));

    SignInRequiredException e = catchThrowableOfType(SignInRequiredException.class, tokens::token);

    // mock-oauth2-server 6 answers 400 {"error":"invalid_grant","error_description":"unknown
    // refresh_token"}.
    assertThat(e.error()).isEqualTo("invalid_grant");
    assertThat(e.getCause()).isInstanceOf(TokenRequestException.class);
    assertThat(((TokenRequestException) e.getCause()).code()).isEqualTo(400);
    assertThat(e.getMessage()).doesNotContain("never-issued-by-this-server");
    assertThat(listener.tokenRequests()).isEqualTo(1);
  }

  @Test
  void issuedTokenIsSentToTheApi() throws Exception {
    TokenManager tokens = manager(endpoint().build(), Grant.clientCredentials());
    OkHttpClient client = authenticatedClient(tokens);
    api.enqueue(new MockResponse.Builder().body("one").build());
    api.enqueue(new MockResponse.Builder().body("two").build());

    assertThat(get(client, "/v1/one")).isEqualTo("one");
    assertThat(get(client, "/v1/two")).isEqualTo("two");

    String token = tokens.token().value();
    assertThat(Jwts.claims(token).getIssuer()).isEqualTo(issuer());
    assertThat(take().getHeaders().get("Authorization")).isEqualTo("Bearer " + token);
    assertThat(take().getHeaders().get("Authorization")).isEqualTo("Bearer " + token);
    assertThat(listener.tokenRequests()).isEqualTo(1);
  }

  @Test
  void unauthorizedFromTheApiFetchesExactlyOneNewTokenAndRetriesWithIt() throws Exception {
    TokenManager tokens = manager(endpoint().build(), Grant.clientCredentials());
    OkHttpClient client = authenticatedClient(tokens);
    api.enqueue(new MockResponse.Builder().code(401).body("token revoked").build());
    api.enqueue(new MockResponse.Builder().body("ok").build());

    assertThat(get(client, "/v1/resource")).isEqualTo("ok");

    RecordedRequest rejected = take();
    RecordedRequest retried = take();
    String oldToken = bearer(rejected);
    String newToken = bearer(retried);
    assertThat(newToken).isNotEqualTo(oldToken);
    assertThat(newToken).isEqualTo(tokens.token().value());
    assertThat(Jwts.claims(newToken).getIssuer()).isEqualTo(issuer());
    assertThat(api.getRequestCount()).isEqualTo(2);
    // One token for the first call, exactly one more after the 401.
    assertThat(listener.tokenRequests()).isEqualTo(2);
    assertThat(listener.events())
        .containsExactly(
            "start client_credentials",
            "end client_credentials",
            "invalidated",
            "start client_credentials",
            "end client_credentials");
  }

  private static OkHttpClient authenticatedClient(TokenManager tokens) {
    TokenInterceptor interceptor = new TokenInterceptor(tokens);
    return new OkHttpClient.Builder()
        .addInterceptor(interceptor)
        .addNetworkInterceptor(interceptor)
        .authenticator(new TokenAuthenticator(tokens))
        .build();
  }

  private String get(OkHttpClient client, String path) throws IOException {
    Request request = new Request.Builder().url(api.url(path)).build();
    try (Response response = client.newCall(request).execute()) {
      assertThat(response.code()).isEqualTo(200);
      return response.body().string();
    }
  }

  private RecordedRequest take() throws InterruptedException {
    RecordedRequest request = api.takeRequest(10, TimeUnit.SECONDS);
    assertThat(request).as("request to the API").isNotNull();
    return request;
  }

  private static String bearer(RecordedRequest request) {
    String authorization = request.getHeaders().get("Authorization");
    assertThat(authorization).startsWith("Bearer ");
    return authorization.substring("Bearer ".length());
  }

  /** Tokens from an authorization_code sign-in done with plain OkHttp. */
  private static final class Issued {
    final String accessToken;
    final String refreshToken;
    final String subject;

    Issued(String accessToken, String refreshToken, String subject) {
      this.accessToken = accessToken;
      this.refreshToken = refreshToken;
      this.subject = subject;
    }
  }

  private Issued authorizationCodeFlow() throws IOException {
    OkHttpClient noRedirects = base.newBuilder().followRedirects(false).build();
    String redirectUri = "http://127.0.0.1/callback"; // never followed
    HttpUrl authorize =
        server
            .authorizationEndpointUrl(ISSUER)
            .newBuilder()
            .addQueryParameter("client_id", CLIENT_ID)
            .addQueryParameter("response_type", "code")
            .addQueryParameter("redirect_uri", redirectUri)
            .addQueryParameter("scope", "openid offline_access")
            .addQueryParameter("state", "s1")
            .addQueryParameter("nonce", "n1")
            .build();
    String code;
    try (Response response =
        noRedirects.newCall(new Request.Builder().url(authorize).build()).execute()) {
      assertThat(response.code()).isEqualTo(302);
      code = HttpUrl.get(response.header("Location")).queryParameter("code");
    }
    assertThat(code).isNotEmpty();

    Request exchange =
        new Request.Builder()
            .url(server.tokenEndpointUrl(ISSUER))
            .post(
                new FormBody.Builder()
                    .add("grant_type", "authorization_code")
                    .add("code", code)
                    .add("redirect_uri", redirectUri)
                    .add("client_id", CLIENT_ID)
                    .add("client_secret", CLIENT_SECRET)
                    .build())
            .build();
    try (Response response = noRedirects.newCall(exchange).execute()) {
      assertThat(response.code()).isEqualTo(200);
      Map<String, Object> json = JSONObjectUtils.parse(response.body().string());
      String accessToken = (String) json.get("access_token");
      String refreshToken = (String) json.get("refresh_token");
      assertThat(refreshToken).isNotEmpty();
      return new Issued(accessToken, refreshToken, Jwts.claims(accessToken).getSubject());
    } catch (ParseException e) {
      throw new AssertionError("token response is not JSON", e);
    }
  }

  @Test
  void jwtBearerGrantAsACustomGrant() throws IOException {
    String assertion =
        manager(endpoint().build(), Grant.clientCredentials()).token().value(); // a signed JWT
    Map<String, String> parameters = new LinkedHashMap<>();
    parameters.put("assertion", assertion);
    parameters.put("scope", "downstream");
    TokenManager tokens = manager(endpoint().build(), Grant.of(JWT_BEARER, parameters));

    AccessToken token = tokens.token();

    assertThat(token.value()).isNotEqualTo(assertion);
    JWTClaimsSet claims = Jwts.claims(token.value());
    assertThat(claims.getSubject()).isEqualTo(CLIENT_ID); // the assertion's subject
    assertThat(claims.getAudience()).containsExactly("downstream");
    assertThat(listener.events())
        .containsExactly(
            "start client_credentials",
            "end client_credentials",
            "start " + JWT_BEARER,
            "end " + JWT_BEARER);
  }
}
