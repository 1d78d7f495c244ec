/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.bindeo;

import com.squareup.moshi.Moshi;
import dev.oauthkit.core.AccessToken;
import dev.oauthkit.core.Clock;
import dev.oauthkit.core.Grant;
import dev.oauthkit.core.SignInRequiredException;
import dev.oauthkit.core.TokenAuthenticator;
import dev.oauthkit.core.TokenEndpoint;
import dev.oauthkit.core.TokenListener;
import dev.oauthkit.core.TokenManager;
import dev.oauthkit.core.TokenRequestException;
import dev.oauthkit.core.TokenStore;
import dev.oauthkit.core.internal.Clients;
import dev.oauthkit.core.internal.Urls;
import java.io.IOException;
import java.net.ProtocolException;
import java.util.Objects;
import javax.annotation.Nullable;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import retrofit2.Call;
import retrofit2.Response;
import retrofit2.Retrofit;
import retrofit2.converter.moshi.MoshiConverterFactory;

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
 * DataList<AccountType> types = bindeo.execute(bindeo.api().accountTypes("en_US"));
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
 * <p>Instances are immutable and thread-safe; create one per client (and user) and share it.
 */
public final class Bindeo {
  /** The production API, the default base URL. Bindeo has no sandbox. */
  public static final String DEFAULT_BASE_URL = "https://api.bindeo.com/";

  private static final Moshi MOSHI = new Moshi.Builder().build();

  private final HttpUrl baseUrl;
  private final TokenEndpoint endpoint;
  private final OkHttpClient client;
  private final TokenStore store;
  private final TokenListener listener;
  private final Clock clock;
  private final TokenManager tokens;
  private final BindeoApi api;

  private Bindeo(
      HttpUrl baseUrl,
      TokenEndpoint endpoint,
      OkHttpClient client,
      TokenStore store,
      TokenListener listener,
      Clock clock,
      Grant grant,
      @Nullable String storeKey) {
    this.baseUrl = baseUrl;
    this.endpoint = endpoint;
    this.client = client;
    this.store = store;
    this.listener = listener;
    this.clock = clock;
    this.tokens = tokenManager(grant, storeKey);
    Retrofit retrofit =
        new Retrofit.Builder()
            .baseUrl(baseUrl)
            .client(Clients.authenticated(client, tokens, TokenAuthenticator.RenewalPolicy.ALWAYS))
            .addConverterFactory(MoshiConverterFactory.create(MOSHI))
            .build();
    this.api = retrofit.create(BindeoApi.class);
  }

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns the API. Its calls carry this client's token. */
  public BindeoApi api() {
    return api;
  }

  /** Returns the token manager, to observe or clear this client's tokens. */
  public TokenManager tokens() {
    return tokens;
  }

  /** Returns the base URL of the API. */
  public HttpUrl baseUrl() {
    return baseUrl;
  }

  /**
   * Executes {@code call} and returns its body, or null for a response without one ({@code 204 No
   * Content}).
   *
   * @throws BindeoException if the API answered with an error status.
   * @throws TokenRequestException if no token could be obtained; see {@link #isSignInRequired}.
   * @throws IOException if the API could not be reached.
   */
  public <T> T execute(Call<T> call) throws IOException {
    Response<T> response = call.execute();
    if (!response.isSuccessful()) throw BindeoException.from(response);
    return response.body();
  }

  /**
   * Signs a user in with one password grant request and returns a client for that user that renews
   * with refresh tokens alone: the password is not kept. The session is stored in the token store
   * under one key per API and client, replacing an earlier session; use the returned client and
   * drop the earlier session's.
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
    String sessionKey = sessionKey();
    TokenManager signIn = tokenManager(Grant.password(username, password), sessionKey);
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
   * Returns a client for the user whose session {@link #signIn} stored in the token store, or null
   * if there is none (never signed in, signed out, or the refresh token was refused). With a
   * persistent token store this resumes a session after a restart without the user's password.
   *
   * @throws IOException if the token store failed.
   */
  public @Nullable Bindeo resumeSession() throws IOException {
    String sessionKey = sessionKey();
    AccessToken saved = store.get(sessionKey);
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

  private String sessionKey() {
    return BindeoAuth.sessionKey(baseUrl, endpoint.clientId());
  }

  private Bindeo withGrant(Grant grant, String storeKey) {
    return new Bindeo(baseUrl, endpoint, client, store, listener, clock, grant, storeKey);
  }

  private TokenManager tokenManager(Grant grant, @Nullable String storeKey) {
    TokenManager.Builder builder =
        new TokenManager.Builder(endpoint, grant)
            .client(client)
            .store(store)
            .listener(listener)
            .clock(clock)
            .refreshTokenRejection(BindeoAuth.REFRESH_TOKEN_REJECTION)
            .addApiBaseUrl(baseUrl);
    if (storeKey != null) builder.storeKey(storeKey);
    return builder.build();
  }

  /** Returns a description with the base URL and grant type; it contains no secret. */
  @Override
  public String toString() {
    return "Bindeo{baseUrl=" + baseUrl + ", " + tokens.grant() + "}";
  }

  /** Builds a {@link Bindeo} client. */
  public static final class Builder {
    private @Nullable String clientId;
    private @Nullable String clientSecret;
    private HttpUrl baseUrl = HttpUrl.get(DEFAULT_BASE_URL);
    private @Nullable OkHttpClient client;
    private @Nullable TokenStore tokenStore;
    private TokenListener tokenListener = TokenListener.NONE;
    private Clock clock = Clock.SYSTEM;
    private @Nullable Grant userGrant;

    Builder() {}

    /** Sets the client id. Required. */
    public Builder clientId(String clientId) {
      this.clientId = Objects.requireNonNull(clientId, "clientId == null");
      return this;
    }

    /** Sets the client secret. Required. */
    public Builder clientSecret(String clientSecret) {
      this.clientSecret = Objects.requireNonNull(clientSecret, "clientSecret == null");
      return this;
    }

    /**
     * Sets the base URL of the API, such as a proxy or a test server. Defaults to {@link
     * #DEFAULT_BASE_URL}. The token endpoint is {@code access_token} below it.
     *
     * @throws IllegalArgumentException if {@code baseUrl} is not a URL, or is plain http to a host
     *     that is not loopback.
     */
    public Builder baseUrl(String baseUrl) {
      Objects.requireNonNull(baseUrl, "baseUrl == null");
      return baseUrl(HttpUrl.get(baseUrl));
    }

    /**
     * Sets the base URL of the API. Defaults to {@link #DEFAULT_BASE_URL}.
     *
     * @throws IllegalArgumentException if {@code baseUrl} is plain http to a host that is not
     *     loopback.
     */
    public Builder baseUrl(HttpUrl baseUrl) {
      Objects.requireNonNull(baseUrl, "baseUrl == null");
      Urls.checkSecure(baseUrl, false, "Bindeo base URL");
      if (!baseUrl.encodedPath().endsWith("/")) {
        baseUrl = baseUrl.newBuilder().addPathSegment("").build();
      }
      this.baseUrl = baseUrl;
      return this;
    }

    /**
     * Sets the client whose connection pool, dispatcher, timeouts and interceptors API calls use.
     * Defaults to a new client.
     */
    public Builder client(OkHttpClient client) {
      this.client = Objects.requireNonNull(client, "client == null");
      return this;
    }

    /**
     * Sets where tokens are kept. Defaults to a new in-memory store. A persistent store keeps a
     * signed-in user's session, refresh token included, across restarts: encrypt it.
     */
    public Builder tokenStore(TokenStore tokenStore) {
      this.tokenStore = Objects.requireNonNull(tokenStore, "tokenStore == null");
      return this;
    }

    /** Sets the listener of token events. Defaults to {@link TokenListener#NONE}. */
    public Builder tokenListener(TokenListener tokenListener) {
      this.tokenListener = Objects.requireNonNull(tokenListener, "tokenListener == null");
      return this;
    }

    /** Sets the clock. Defaults to {@link Clock#SYSTEM}. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock == null");
      return this;
    }

    /**
     * Signs in the user {@code username} with the password grant. The client keeps the password, to
     * sign in again by itself when Bindeo refuses the refresh token; to not keep it, use {@link
     * Bindeo#signIn} instead. Without this or {@link #refreshToken}, the client uses the client
     * credentials grant.
     */
    public Builder password(String username, String password) {
      this.userGrant = Grant.password(username, password);
      return this;
    }

    /**
     * Resumes a user's session with a refresh token the app saved, holding no password. When a
     * newer token of the session is in the token store, it is used instead. When Bindeo refuses the
     * refresh token, calls fail with {@link SignInRequiredException}.
     */
    public Builder refreshToken(String refreshToken) {
      this.userGrant = Grant.refreshToken(refreshToken);
      return this;
    }

    /**
     * Returns the client.
     *
     * @throws IllegalStateException if the client id or secret is missing.
     */
    public Bindeo build() {
      if (clientId == null) throw new IllegalStateException("clientId required.");
      if (clientSecret == null) throw new IllegalStateException("clientSecret required.");
      TokenEndpoint endpoint = BindeoAuth.tokenEndpoint(baseUrl, clientId, clientSecret);
      Grant grant = userGrant != null ? userGrant : Grant.clientCredentials();
      String storeKey =
          grant.type().equals(Grant.REFRESH_TOKEN)
              ? BindeoAuth.sessionKey(baseUrl, clientId)
              : null;
      return new Bindeo(
          baseUrl,
          endpoint,
          client != null ? client : new OkHttpClient(),
          tokenStore != null ? tokenStore : TokenStore.inMemory(),
          tokenListener,
          clock,
          grant,
          storeKey);
    }

    /** Returns a description without the client secret or user credentials. */
    @Override
    public String toString() {
      return "Bindeo.Builder{baseUrl="
          + baseUrl
          + ", clientId="
          + clientId
          + ", "
          + (userGrant != null ? userGrant : Grant.clientCredentials())
          + "}";
    }
  }
}
