/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.bindeo;

import com.squareup.moshi.Moshi;
import dev.oauthkit.core.AccessToken;
import dev.oauthkit.core.ApiException;
import dev.oauthkit.core.ErrorBody;
import dev.oauthkit.core.Grant;
import dev.oauthkit.core.ProviderBuilder;
import dev.oauthkit.core.ProviderConfig;
import dev.oauthkit.core.SignInRequiredException;
import dev.oauthkit.core.TokenAuthenticator;
import dev.oauthkit.core.TokenEndpoint;
import dev.oauthkit.core.TokenManager;
import dev.oauthkit.core.TokenRequestException;
import dev.oauthkit.retrofit.ProviderClient;
import java.io.IOException;
import java.net.ProtocolException;
import java.util.Objects;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import org.jspecify.annotations.Nullable;

/**
 * A client of the <a href="https://api.bindeo.com">Bindeo API</a> that obtains, caches and renews
 * its OAuth 2.0 tokens by itself.
 *
 * <p>A backend calls the API as its client, with the client credentials grant:
 *
 * <pre>{@code
 * Bindeo bindeo = Bindeo.builder()
 *     .clientId(System.getenv("BINDEO_CLIENT_ID"))
 *     .clientSecret(System.getenv("BINDEO_CLIENT_SECRET"))
 *     .build();
 * ResourceList<AccountType> types = bindeo.execute(bindeo.api().accountTypes("en_US"));
 * }</pre>
 *
 * <p>An app signs a user in with the password grant. {@link #signIn} sends the password once and
 * returns a client that renews with refresh tokens alone, so the password is not kept; with a
 * persistent {@link Builder#tokenStore TokenStore}, {@link #resumeSession} finds the session again
 * after a restart. {@link Builder#password} instead keeps the password to sign in again by itself
 * when the refresh token is refused.
 *
 * <p>Every renewal uses the refresh token of the current token and stores the rotated one. Bindeo
 * refuses a spent or expired refresh token with 400 {@code invalid_request} ("The refresh token is
 * invalid."); the client then falls back to the password grant once, or, without a password, fails
 * with a {@link SignInRequiredException}. A 401 from the API renews the token once and retries.
 *
 * <p>It keeps the provider contract of {@link ProviderClient}: {@link #execute} returns a body or
 * throws a {@link BindeoException}; a call answered with {@code 204 No Content}, such as {@link
 * BindeoApi#deleteAccount()}, is sent with {@link #send}; {@link #create} implements the user's own
 * Retrofit interfaces for the endpoints that {@link BindeoApi} does not wrap.
 *
 * <p>Instances are immutable and thread-safe; create one per client (and user) and share it.
 */
public final class Bindeo extends ProviderClient {
  /** The Bindeo environments. Bindeo has no sandbox. */
  public enum Environment {
    /** {@code https://api.bindeo.com/}. */
    PRODUCTION("https://api.bindeo.com/");

    private final String baseUrl;

    Environment(String baseUrl) {
      this.baseUrl = baseUrl;
    }
  }

  private static final Moshi MOSHI = new Moshi.Builder().build();

  private final ProviderConfig config;
  private final TokenEndpoint endpoint;
  private final BindeoApi api;

  private Bindeo(
      ProviderConfig config, TokenEndpoint endpoint, Grant grant, @Nullable String storeKey) {
    super(
        config,
        tokenManager(config, endpoint, grant, storeKey),
        TokenAuthenticator.RenewalPolicy.ALWAYS,
        Headers.of(),
        MOSHI);
    this.config = config;
    this.endpoint = endpoint;
    this.api = create(BindeoApi.class);
  }

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns the API. Its calls carry this client's token. */
  public BindeoApi api() {
    return api;
  }

  /**
   * Signs a user in with one password grant request and returns a client for that user that renews
   * with refresh tokens alone: the password is not kept. The session is stored in the token store
   * under one key per API, client and user, replacing that user's earlier session; use the returned
   * client and drop the earlier one. Sessions of different users never share tokens.
   *
   * <p>When the refresh token is later refused, the returned client's calls fail with {@link
   * SignInRequiredException}: call this method again with the user's credentials.
   *
   * @throws TokenRequestException if Bindeo refused the sign-in: {@link #isSignInRequired} is true
   *     for wrong credentials ({@code invalid_credentials}).
   * @throws IOException if Bindeo could not be reached, or issued no refresh token.
   */
  public Bindeo signIn(String username, String password) throws IOException {
    Objects.requireNonNull(username, "username == null");
    Objects.requireNonNull(password, "password == null");
    String sessionKey = sessionKey(username);
    TokenManager signIn =
        tokenManager(config, endpoint, Grant.password(username, password), sessionKey);
    signIn.clear(); // Forget the earlier session, so that this one starts with the password.
    AccessToken token = signIn.token();
    String refreshToken = token.refreshToken();
    if (refreshToken == null) {
      signIn.clear();
      throw new ProtocolException("Bindeo issued no refresh token for the password grant");
    }
    return withGrant(Grant.refreshToken(refreshToken), sessionKey);
  }

  /**
   * Returns a client for the session {@link #signIn} stored in the token store for {@code
   * username}, or null if there is none (never signed in, signed out, or the refresh token was
   * refused). With a persistent token store this resumes a session after a restart without the
   * user's password.
   *
   * @throws IOException if the token store failed.
   */
  public @Nullable Bindeo resumeSession(String username) throws IOException {
    Objects.requireNonNull(username, "username == null");
    String sessionKey = sessionKey(username);
    AccessToken saved = config.tokenStore().get(sessionKey);
    String refreshToken = saved != null ? saved.refreshToken() : null;
    if (refreshToken == null || refreshToken.isEmpty()) return null;
    return withGrant(Grant.refreshToken(refreshToken), sessionKey);
  }

  /**
   * Returns true if {@code e} means the user must sign in again: the refresh token was refused and
   * there is no password to fall back on ({@link SignInRequiredException}), or Bindeo refused the
   * username and password ({@code invalid_credentials}) or the grant ({@code invalid_grant}). Wrong
   * client credentials ({@code invalid_client}) are a configuration error, not this.
   */
  public static boolean isSignInRequired(Throwable e) {
    Objects.requireNonNull(e, "e == null");
    if (e instanceof SignInRequiredException) return true;
    if (!(e instanceof TokenRequestException)) return false;
    String error = ((TokenRequestException) e).error();
    return "invalid_credentials".equals(error) || "invalid_grant".equals(error);
  }

  private String sessionKey(String username) {
    return BindeoAuth.sessionKey(config.baseUrl(), config.clientId(), username);
  }

  private Bindeo withGrant(Grant grant, String storeKey) {
    return new Bindeo(config, endpoint, grant, storeKey);
  }

  private static TokenManager tokenManager(
      ProviderConfig config, TokenEndpoint endpoint, Grant grant, @Nullable String storeKey) {
    TokenManager.Builder builder =
        config
            .tokenManager(endpoint, grant)
            .refreshTokenRejection(BindeoAuth.REFRESH_TOKEN_REJECTION);
    if (storeKey != null) builder.storeKey(storeKey);
    return builder.build();
  }

  /** Returns a {@link BindeoException} for either of Bindeo's error bodies. */
  @Override
  protected ApiException exception(ErrorBody errorBody) {
    return BindeoException.from(errorBody);
  }

  /**
   * Builds a {@link Bindeo} client. The environment is {@link Environment#PRODUCTION}; with a
   * custom {@link #baseUrl(HttpUrl) base URL}, such as a proxy or a test server, the token endpoint
   * is {@code access_token} below it. The default token store is a new in-memory store: a
   * persistent store keeps a signed-in user's session, refresh token included, across restarts.
   */
  public static final class Builder extends ProviderBuilder<Builder, Environment> {
    private @Nullable Grant userGrant;
    private @Nullable String sessionUser;

    Builder() {
      super(Environment.PRODUCTION, environment -> HttpUrl.get(environment.baseUrl));
    }

    /**
     * Signs in the user {@code username} with the password grant. The client keeps the password, to
     * sign in again by itself when Bindeo refuses the refresh token; to not keep it, use {@link
     * Bindeo#signIn} instead. Without this or {@link #refreshToken}, the client uses the client
     * credentials grant.
     */
    public Builder password(String username, String password) {
      this.userGrant = Grant.password(username, password);
      this.sessionUser = null;
      return this;
    }

    /**
     * Resumes {@code username}'s session with a refresh token the app saved, holding no password.
     * When a newer token of that user's session is in the token store, it is used first; when
     * Bindeo refuses both, calls fail with {@link SignInRequiredException}.
     */
    public Builder refreshToken(String username, String refreshToken) {
      this.sessionUser = java.util.Objects.requireNonNull(username, "username == null");
      this.userGrant = Grant.refreshToken(refreshToken);
      return this;
    }

    /**
     * Returns the client.
     *
     * @throws IllegalStateException if the client id or secret is missing.
     */
    public Bindeo build() {
      ProviderConfig config = config();
      TokenEndpoint endpoint = BindeoAuth.tokenEndpoint(config);
      Grant grant = userGrant != null ? userGrant : Grant.clientCredentials();
      String storeKey =
          sessionUser != null
              ? BindeoAuth.sessionKey(config.baseUrl(), config.clientId(), sessionUser)
              : null;
      return new Bindeo(config, endpoint, grant, storeKey);
    }

    /** Returns a description without the client secret or user credentials. */
    @Override
    public String toString() {
      return "Bindeo.Builder{baseUrl="
          + baseUrl().redact()
          + ", clientId="
          + clientId()
          + ", "
          + (userGrant != null ? userGrant : Grant.clientCredentials())
          + "}";
    }
  }
}
