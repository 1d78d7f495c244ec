/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.core;

import dev.oauthkit.core.internal.Urls;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.annotation.Nullable;
import okhttp3.Authenticator;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okio.ByteString;

/**
 * Fetches, caches and renews the access tokens of one client (and one user, for the password
 * grant). This is the engine behind {@link TokenInterceptor} and {@link TokenAuthenticator}.
 *
 * <p>A cached token is <em>fresh</em>, <em>stale</em> (inside the refresh-ahead window before its
 * expiry) or <em>expired</em> (inside the expiry skew of its end, or past it). A fresh token is
 * served from memory. A stale token is served at once while one background request renews it. An
 * expired token, or none, makes the caller wait for a new one. By default the refresh-ahead window
 * is min(2 minutes, half the lifetime) and the expiry skew min(30 seconds, a quarter of the
 * lifetime), so 30-minute and 4-second tokens both work.
 *
 * <p><b>Single flight.</b> At most one token request per store key runs at a time in this JVM.
 * Callers that need a token while it runs wait for its result, and share its failure.
 *
 * <p><b>Refresh tokens.</b> When the cached token carries a refresh token, renewal uses the {@code
 * refresh_token} grant and keeps the rotated refresh token. When the server refuses the refresh
 * token, the manager falls back to its own grant once; a manager whose grant is {@link
 * Grant#refreshToken} throws {@link SignInRequiredException} instead.
 *
 * <p><b>Failures.</b> Connection failures, timeouts, 408, 429 and 5xx answers are retried, by
 * default up to 3 attempts with exponential backoff and jitter, honouring {@code Retry-After} up to
 * 30 seconds. Everything else fails at once with a {@link TokenRequestException}. A failed
 * background renewal keeps serving the still-valid token and backs off (5 seconds, doubling, at
 * most 60 seconds) before trying again.
 *
 * <p>Instances are thread-safe. Create one per client and user, and share it.
 */
public final class TokenManager {
  /** Decides whether a failed refresh request means the refresh token is no longer usable. */
  public interface RefreshTokenRejection {
    /** Matches the RFC 6749 §5.2 {@code invalid_grant} error. */
    RefreshTokenRejection INVALID_GRANT =
        new RefreshTokenRejection() {
          @Override
          public boolean isRejected(TokenRequestException e) {
            return "invalid_grant".equals(e.error());
          }

          @Override
          public String toString() {
            return "RefreshTokenRejection.INVALID_GRANT";
          }
        };

    /** Returns true if {@code e}, the failure of a refresh request, refuses the refresh token. */
    boolean isRejected(TokenRequestException e);
  }

  static final long DEFAULT_CALL_TIMEOUT_MILLIS = TimeUnit.SECONDS.toMillis(30);
  static final long MAX_RETRY_AFTER_MILLIS = TimeUnit.SECONDS.toMillis(30);
  static final long INITIAL_RETRY_DELAY_MILLIS = TimeUnit.SECONDS.toMillis(1);
  static final long INITIAL_BACKOFF_MILLIS = TimeUnit.SECONDS.toMillis(5);
  static final long MAX_BACKOFF_MILLIS = TimeUnit.SECONDS.toMillis(60);
  private static final int REMEMBERED_TOKENS = 8;

  /** Refresh tokens tried in one renewal: ours, a successor found in the store, the app's own. */
  private static final int MAX_REFRESH_TOKENS_TRIED = 3;

  final TokenSource source;
  final @Nullable TokenEndpoint endpoint;
  final Grant grant;
  final TokenStore store;
  final String storeKey;
  final Clock clock;
  final TokenListener listener;
  final Executor refreshExecutor;
  final long refreshAheadMillis;
  final long expirySkewMillis;
  final long defaultLifetimeMillis;
  final int maxAttempts;
  final RefreshTokenRejection refreshTokenRejection;
  final List<HttpUrl> apiBaseUrls;
  final ApiScope apiScope;
  final Flight.Key flightKey;

  private volatile @Nullable Entry current;

  /**
   * True from scheduling a background renewal until it ends. The renewal's flight is registered
   * only once it runs, so a caller with an expired token never waits for a queued task.
   */
  private final AtomicBoolean backgroundScheduled = new AtomicBoolean();

  private final Object lock = new Object();
  private volatile long backoffUntilMillis; // Written under lock; read without it on the hot path.
  private long backoffMillis; // Guarded by lock.

  /**
   * Incremented by {@link #clear()}; a flight that started before it must not install its token.
   */
  private long session; // Guarded by lock.

  private boolean grantRefreshTokenUsed; // Guarded by lock.
  private final String[] rememberedTokens = new String[REMEMBERED_TOKENS]; // Guarded by lock.
  private int rememberedIndex; // Guarded by lock.

  TokenManager(Builder builder, TokenSource source, Executor refreshExecutor) {
    this.source = source;
    this.endpoint = builder.endpoint;
    this.grant = builder.grant;
    this.store = builder.store;
    this.clock = builder.clock;
    this.listener = new GuardedListener(builder.listener);
    this.refreshExecutor = refreshExecutor;
    this.refreshAheadMillis = builder.refreshAheadMillis;
    this.expirySkewMillis = builder.expirySkewMillis;
    this.defaultLifetimeMillis = builder.defaultLifetimeMillis;
    this.maxAttempts = builder.maxAttempts;
    this.refreshTokenRejection = builder.refreshTokenRejection;
    this.storeKey = builder.storeKey != null ? builder.storeKey : defaultStoreKey(builder);
    List<HttpUrl> apiBaseUrls = new ArrayList<>(builder.apiBaseUrls);
    if (apiBaseUrls.isEmpty() && endpoint != null) {
      apiBaseUrls.add(endpoint.url.newBuilder("/").build());
    }
    this.apiBaseUrls = Collections.unmodifiableList(apiBaseUrls);
    this.apiScope = new ApiScope(apiBaseUrls, endpoint);
    this.flightKey = new Flight.Key(store, storeKey);
  }

  /**
   * Returns a valid token, fetching one first if none is cached or the cached one expired. Returns
   * at once with a stale token and renews it in the background.
   *
   * @throws TokenRequestException if no token could be obtained.
   * @throws IOException if the store failed or the thread was interrupted while waiting.
   */
  public AccessToken token() throws IOException {
    return entry().token;
  }

  /**
   * Returns a token to replace {@code failedAccessToken}, which a server refused with 401. If the
   * current token is already another one, returns it without a request; otherwise drops the failed
   * token and fetches a new one, sharing the request with concurrent callers.
   *
   * @param failedAccessToken the refused token's value, or null to force a new token.
   */
  public AccessToken refresh(@Nullable String failedAccessToken) throws IOException {
    return refreshEntry(failedAccessToken).token;
  }

  /**
   * Forgets the cached token, in memory and in the store, as when the user signs out. The next call
   * fetches a new token with this manager's grant.
   */
  public void clear() {
    synchronized (lock) {
      current = null;
      grantRefreshTokenUsed = true;
      session++;
    }
    storeRemove();
  }

  /** Returns the key this manager's tokens are stored under. It contains no secret. */
  public String storeKey() {
    return storeKey;
  }

  /** Returns the grant this manager obtains tokens with. */
  public Grant grant() {
    return grant;
  }

  /** Returns true if requests to {@code url} may carry this manager's token. */
  boolean isInScope(HttpUrl url) {
    return apiScope.allows(url);
  }

  /** Returns true if {@code value} is a token this manager issued recently. */
  boolean isKnownToken(String value) {
    Entry entry = current;
    if (entry != null && entry.token.value().equals(value)) return true;
    synchronized (lock) {
      for (String remembered : rememberedTokens) {
        if (value.equals(remembered)) return true;
      }
    }
    return false;
  }

  /** The hot path: one volatile read and one clock read for a fresh token. */
  Entry entry() throws IOException {
    Entry entry = current;
    if (entry != null && clock.currentTimeMillis() < entry.staleAtMillis) return entry;
    return slowEntry();
  }

  private Entry slowEntry() throws IOException {
    Entry entry = current;
    long now = clock.currentTimeMillis();
    if (entry == null || now >= entry.expiredAtMillis) {
      entry = adoptStored(entry); // Only a missing or expired token is worth a store read.
      now = clock.currentTimeMillis();
    }
    if (entry != null) {
      if (now < entry.staleAtMillis) return entry;
      if (now < entry.expiredAtMillis) {
        refreshInBackground(now);
        return entry;
      }
    }
    return awaitToken(null);
  }

  Entry refreshEntry(@Nullable String failedAccessToken) throws IOException {
    Entry entry = current;
    if (entry != null
        && failedAccessToken != null
        && !entry.token.value().equals(failedAccessToken)
        && clock.currentTimeMillis() < entry.expiredAtMillis) {
      return entry; // Another caller already replaced the refused token.
    }
    return awaitToken(failedAccessToken != null ? failedAccessToken : "");
  }

  /**
   * Waits for a new token: joins the flight for this key if one is running, or leads one.
   *
   * @param failedAccessToken null to replace an expired token; otherwise the refused token ("" if
   *     unknown).
   */
  private Entry awaitToken(@Nullable String failedAccessToken) throws IOException {
    while (true) {
      Flight running = Flight.FLIGHTS.get(flightKey);
      if (running != null) {
        AccessToken token;
        try {
          token = running.await();
        } catch (InterruptedIOException e) {
          // The leader was interrupted or canceled; that is no reason to fail this caller.
          if (Thread.currentThread().isInterrupted() || e instanceof SocketTimeoutException) {
            throw e;
          }
          continue;
        }
        if (failedAccessToken != null && token.value().equals(failedAccessToken)) {
          // That flight found the refused token still current and kept it. Lead one that drops it.
          continue;
        }
        return adopt(token);
      }

      Flight flight = new Flight();
      if (Flight.FLIGHTS.putIfAbsent(flightKey, flight) != null) continue; // Lost the race; join.
      boolean landed = false;
      try {
        Entry entry = lead(failedAccessToken, false, flight.sequence);
        flight.succeed(entry.token);
        landed = true;
        return entry;
      } catch (IOException e) {
        flight.fail(e);
        landed = true;
        throw e;
      } catch (Exception e) {
        // A TokenSource or store bug, or a checked exception thrown from Kotlin: keep it typed.
        TokenRequestException typed = unexpected(e);
        flight.fail(typed);
        landed = true;
        throw typed;
      } finally {
        if (!landed) flight.fail(new TokenRequestException("token request failed", null, 0, false));
        Flight.FLIGHTS.remove(flightKey, flight);
      }
    }
  }

  private void refreshInBackground(long now) {
    if (now < backoffUntilMillis) return;
    if (!backgroundScheduled.compareAndSet(false, true)) return; // Already renewing.
    try {
      refreshExecutor.execute(
          new Runnable() {
            @Override
            public void run() {
              try {
                Flight flight = new Flight();
                if (Flight.FLIGHTS.putIfAbsent(flightKey, flight) == null) runInBackground(flight);
              } finally {
                backgroundScheduled.set(false);
              }
            }
          });
    } catch (RejectedExecutionException e) {
      backgroundScheduled.set(false); // The next caller tries again; this one has its token.
    }
  }

  void runInBackground(Flight flight) {
    IOException failure = null;
    try {
      Entry entry = lead(null, true, flight.sequence);
      flight.succeed(entry.token);
    } catch (IOException e) {
      failure = e;
    } catch (Exception e) {
      failure = unexpected(e);
    } finally {
      if (failure == null && !flight.isDone()) {
        failure = new TokenRequestException("token request failed", null, 0, false);
      }
      if (failure != null) {
        backOff();
        flight.fail(failure);
      }
      Flight.FLIGHTS.remove(flightKey, flight);
    }
  }

  private void backOff() {
    synchronized (lock) {
      backoffMillis =
          backoffMillis == 0
              ? INITIAL_BACKOFF_MILLIS
              : Math.min(backoffMillis * 2, MAX_BACKOFF_MILLIS);
      backoffUntilMillis = clock.currentTimeMillis() + backoffMillis;
    }
  }

  /** Obtains a token as the only caller doing so for this key. */
  private Entry lead(@Nullable String failedAccessToken, boolean background, long flightSequence)
      throws IOException {
    long session;
    synchronized (lock) {
      session = this.session;
    }
    // Another flight (here, or of a manager sharing the store) may have landed meanwhile.
    Entry entry = adoptStored(current);
    long now = clock.currentTimeMillis();
    if (entry != null) {
      boolean refused =
          failedAccessToken != null
              && (failedAccessToken.isEmpty() || entry.token.value().equals(failedAccessToken));
      if (!refused) {
        if (now < entry.staleAtMillis) return entry;
        if (!background && now < entry.expiredAtMillis) return entry;
      } else {
        entry = invalidate(entry);
      }
      if (background && now < backoffUntilMillis) return entry;
    }
    AccessToken token = obtain(entry != null ? entry.token : null);
    synchronized (lock) {
      backoffMillis = 0;
      backoffUntilMillis = 0;
      if (session != this.session) {
        // Signed out while this request ran: hand the token to those who asked, keep nothing.
        return newEntry(token, flightSequence);
      }
      entry = remember(newEntry(token, flightSequence));
      current = entry;
    }
    storePut(token);
    return entry;
  }

  /** Stops serving a refused token, keeping its refresh token for the renewal. */
  private Entry invalidate(Entry refused) {
    listener.tokenInvalidated();
    AccessToken token = refused.token;
    AccessToken dead = token.newBuilder().expiresAtMillis(token.issuedAtMillis()).build();
    // The store first: a reader that loads the refused token from it finds the dead one in memory.
    if (dead.refreshToken() != null) {
      storePut(dead);
    } else {
      storeRemove();
    }
    Entry entry = newEntry(dead, 0L);
    synchronized (lock) {
      current = entry;
    }
    return entry;
  }

  /**
   * Returns {@code seen} or, if the store holds a newer token than it, that token, installed as the
   * current one. Never replaces a token with an older one, nor resurrects a refused one.
   */
  private @Nullable Entry adoptStored(@Nullable Entry seen) {
    AccessToken stored = storeGet();
    if (stored == null) return seen;
    return adopt(stored);
  }

  /** Installs {@code token} unless the current token is the same or newer; returns the current. */
  private Entry adopt(AccessToken token) {
    synchronized (lock) {
      Entry entry = current;
      if (entry != null
          && (entry.token.value().equals(token.value())
              || entry.token.issuedAtMillis() > token.issuedAtMillis())) {
        return entry;
      }
      entry = remember(newEntry(token, 0L));
      current = entry;
      return entry;
    }
  }

  private AccessToken obtain(@Nullable AccessToken previous) throws IOException {
    boolean refreshOnly = grant.type().equals(Grant.REFRESH_TOKEN);
    List<String> refused = new ArrayList<>();
    TokenRequestException refusal = null;
    String refreshToken = nonEmpty(previous != null ? previous.refreshToken() : null);
    if (refreshToken == null && refreshOnly) refreshToken = unusedGrantRefreshToken();
    while (refreshToken != null && refused.size() < MAX_REFRESH_TOKENS_TRIED) {
      try {
        AccessToken token = fetchWithRetries(Grant.refreshToken(refreshToken));
        markGrantRefreshTokenUsed();
        return token.refreshToken() != null
            ? token
            : token.newBuilder().refreshToken(refreshToken).build();
      } catch (TokenRequestException e) {
        if (!refreshTokenRejection.isRejected(e)) throw e;
        listener.refreshTokenRejected(e);
        refused.add(refreshToken);
        refusal = e;
        if (refreshToken.equals(grant.parameters().get("refresh_token"))) {
          markGrantRefreshTokenUsed();
        }
      }
      // Another process sharing the store may have rotated the refresh token meanwhile; and a
      // refresh-only grant carries one the app saved. Try each refresh token once.
      AccessToken stored = storeGet();
      refreshToken = nonEmpty(stored != null ? stored.refreshToken() : null);
      if (refreshToken == null || refused.contains(refreshToken)) {
        refreshToken = refreshOnly ? unusedGrantRefreshToken() : null;
        if (refreshToken != null && refused.contains(refreshToken)) refreshToken = null;
      }
    }
    if (refreshOnly) {
      if (refusal == null) {
        refusal = new TokenRequestException("no refresh token is held", null, 0, false);
      } else {
        AccessToken stored = storeGet();
        if (stored == null || refused.contains(stored.refreshToken())) {
          // Remove only what was refused: never a successor another process stored meanwhile.
          synchronized (lock) {
            current = null;
          }
          storeRemove();
        }
      }
      throw new SignInRequiredException(refusal);
    }
    return fetchWithRetries(grant); // Fall back to this manager's own grant, once.
  }

  private @Nullable String unusedGrantRefreshToken() {
    synchronized (lock) {
      return grantRefreshTokenUsed ? null : grant.parameters().get("refresh_token");
    }
  }

  private static @Nullable String nonEmpty(@Nullable String value) {
    return value == null || value.isEmpty() ? null : value;
  }

  private void markGrantRefreshTokenUsed() {
    synchronized (lock) {
      grantRefreshTokenUsed = true;
    }
  }

  private AccessToken fetchWithRetries(Grant grant) throws IOException {
    String grantType = grant.type();
    for (int attempt = 1; ; attempt++) {
      long start = clock.currentTimeMillis();
      listener.tokenRequestStart(grantType);
      IOException failure;
      try {
        AccessToken token = withDefaultLifetime(source.fetch(grant));
        listener.tokenRequestEnd(
            grantType, token.expiresAtMillis(), clock.currentTimeMillis() - start);
        return token;
      } catch (IOException e) {
        failure = e;
      } catch (Exception e) {
        failure = unexpected(e);
      }
      listener.tokenRequestFailed(grantType, failure, clock.currentTimeMillis() - start);

      if (failure instanceof InterruptedIOException
          && !(failure instanceof SocketTimeoutException)) {
        throw failure; // Canceled or interrupted: the caller no longer wants a token.
      }
      TokenRequestException typed =
          failure instanceof TokenRequestException
              ? (TokenRequestException) failure
              : new TokenRequestException(
                  "token request failed: " + describe(failure), failure, 0, true);
      if (!typed.isTransient() || attempt >= maxAttempts) throw typed;
      if (grant.type().equals(Grant.REFRESH_TOKEN) && !certainlyNotProcessed(typed)) {
        throw typed; // The server may have rotated the refresh token: never send it twice.
      }
      long delay = typed.retryAfterMillis >= 0 ? typed.retryAfterMillis : retryDelay(attempt);
      if (delay > MAX_RETRY_AFTER_MILLIS) throw typed;

      listener.tokenRequestRetry(grantType, attempt + 1, delay);
      try {
        clock.sleep(delay);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        InterruptedIOException interrupted =
            new InterruptedIOException("interrupted while waiting to retry a token request");
        interrupted.initCause(typed);
        throw interrupted;
      }
    }
  }

  /** True if the token endpoint certainly did not act on the request: it may be sent again. */
  private static boolean certainlyNotProcessed(TokenRequestException e) {
    Throwable cause = e.getCause();
    return e.code() == 429
        || e.code() == 503
        || cause instanceof java.net.ConnectException
        || cause instanceof java.net.UnknownHostException;
  }

  /** Wraps an exception that a token source or store should not have thrown. */
  static TokenRequestException unexpected(Exception e) {
    // Only the class name: a foreign exception's message may quote a token.
    return new TokenRequestException(
        "token request failed: unexpected " + e.getClass().getName(), e, 0, false);
  }

  /** Returns the delay before attempt {@code attempt + 1}: exponential, with equal jitter. */
  static long retryDelay(int attempt) {
    long ceiling = INITIAL_RETRY_DELAY_MILLIS << Math.min(attempt - 1, 10);
    return ceiling / 2 + ThreadLocalRandom.current().nextLong(ceiling / 2 + 1);
  }

  private static String describe(IOException e) {
    String message = e.getMessage();
    return message != null ? e.getClass().getSimpleName() + ": " + message : e.getClass().getName();
  }

  private AccessToken withDefaultLifetime(AccessToken token) {
    if (token.hasExpiry() || defaultLifetimeMillis <= 0) return token;
    return token
        .newBuilder()
        .expiresAtMillis(token.issuedAtMillis() + defaultLifetimeMillis)
        .build();
  }

  /**
   * @param flightSequence the {@link Flight#sequence} of the flight that obtained {@code token}, or
   *     0 for a token that did not come from this manager's token source.
   */
  private Entry newEntry(AccessToken token, long flightSequence) {
    long staleAt = AccessToken.NO_EXPIRY;
    long expiredAt = AccessToken.NO_EXPIRY;
    if (token.hasExpiry()) {
      long lifetime = token.expiresAtMillis() - token.issuedAtMillis();
      staleAt = token.expiresAtMillis() - Math.min(refreshAheadMillis, lifetime / 2);
      expiredAt = token.expiresAtMillis() - Math.min(expirySkewMillis, lifetime / 4);
    }
    return new Entry(token, staleAt, expiredAt, flightSequence);
  }

  /** Notes {@code entry}'s token as one of ours, for {@link #isKnownToken}. Call under lock. */
  private Entry remember(Entry entry) {
    Entry previous = current;
    if (previous == null || !previous.token.value().equals(entry.token.value())) {
      rememberedTokens[rememberedIndex] = entry.token.value();
      rememberedIndex = (rememberedIndex + 1) % REMEMBERED_TOKENS;
    }
    return entry;
  }

  private @Nullable AccessToken storeGet() {
    try {
      return store.get(storeKey);
    } catch (IOException e) {
      listener.storeFailed(e);
    } catch (RuntimeException e) {
      listener.storeFailed(new IOException("token store failed: " + e.getClass().getName(), e));
    }
    return null;
  }

  private void storePut(AccessToken token) {
    try {
      store.put(storeKey, token);
    } catch (IOException e) {
      listener.storeFailed(e);
    } catch (RuntimeException e) {
      listener.storeFailed(new IOException("token store failed: " + e.getClass().getName(), e));
    }
  }

  private void storeRemove() {
    try {
      store.remove(storeKey);
    } catch (IOException e) {
      listener.storeFailed(e);
    } catch (RuntimeException e) {
      listener.storeFailed(new IOException("token store failed: " + e.getClass().getName(), e));
    }
  }

  private static String defaultStoreKey(Builder builder) {
    StringBuilder material = new StringBuilder();
    TokenEndpoint endpoint = builder.endpoint;
    if (endpoint != null) {
      material.append(endpoint.url).append('\n').append(endpoint.clientId).append('\n');
      material.append(endpoint.scope != null ? endpoint.scope : "").append('\n');
      material.append(endpoint.parameters).append('\n');
    } else {
      material.append(builder.source != null ? builder.source.getClass().getName() : "");
      material.append('\n');
    }
    Grant grant = builder.grant;
    material.append(grant.type()).append('\n');
    String username = grant.username();
    if (username != null) material.append(username);
    String refreshToken = grant.parameters().get("refresh_token");
    if (refreshToken != null) material.append(refreshToken);
    return "oauthkit:" + ByteString.encodeUtf8(material.toString()).sha256().hex().substring(0, 40);
  }

  @Override
  public String toString() {
    return "TokenManager{" + (endpoint != null ? endpoint : source) + ", " + grant + "}";
  }

  /** A token with the times at which it turns stale and expired, and its header value. */
  static final class Entry {
    final AccessToken token;
    final long staleAtMillis;
    final long expiredAtMillis;
    final String authorization;

    /** The {@link Flight#sequence} of the flight that obtained the token; 0 if none did. */
    final long flightSequence;

    Entry(AccessToken token, long staleAtMillis, long expiredAtMillis, long flightSequence) {
      this.flightSequence = flightSequence;
      this.token = token;
      this.staleAtMillis = staleAtMillis;
      this.expiredAtMillis = expiredAtMillis;
      this.authorization = "Bearer " + token.value();
    }
  }

  /** Builds a {@link TokenManager}. */
  public static final class Builder {
    final @Nullable TokenEndpoint endpoint;
    final @Nullable TokenSource source;
    final Grant grant;
    @Nullable OkHttpClient client;
    TokenStore store = TokenStore.inMemory();
    boolean storeSet;
    @Nullable String storeKey;
    Clock clock = Clock.SYSTEM;
    TokenListener listener = TokenListener.NONE;
    @Nullable Executor refreshExecutor;
    long refreshAheadMillis = TimeUnit.MINUTES.toMillis(2);
    long expirySkewMillis = TimeUnit.SECONDS.toMillis(30);
    long defaultLifetimeMillis = -1L;
    int maxAttempts = 3;
    RefreshTokenRejection refreshTokenRejection = RefreshTokenRejection.INVALID_GRANT;
    final List<HttpUrl> apiBaseUrls = new ArrayList<>();

    /**
     * Creates a builder for a manager that obtains tokens from {@code endpoint} with {@code grant}.
     */
    public Builder(TokenEndpoint endpoint, Grant grant) {
      this.endpoint = Objects.requireNonNull(endpoint, "endpoint == null");
      this.source = null;
      this.grant = Objects.requireNonNull(grant, "grant == null");
    }

    /**
     * Creates a builder for a manager that obtains tokens from {@code source}, such as an app's own
     * backend. Such a manager needs {@link #addApiBaseUrl} to know where its tokens may be sent.
     */
    public Builder(TokenSource source, Grant grant) {
      this.endpoint = null;
      this.source = Objects.requireNonNull(source, "source == null");
      this.grant = Objects.requireNonNull(grant, "grant == null");
    }

    /**
     * Sets the client whose connection pool, dispatcher, timeouts and TLS settings token requests
     * use. Token requests go out on {@code client.newBuilder()} without any of its interceptors (a
     * body-logging interceptor would capture secrets; observe token requests with a {@link
     * TokenListener}), without the authenticator, without following redirects, and with a 30-second
     * call timeout unless the client has one. Defaults to a new client.
     */
    public Builder client(OkHttpClient client) {
      this.client = Objects.requireNonNull(client, "client == null");
      return this;
    }

    /** Sets where tokens are kept. Defaults to a new {@link TokenStore#inMemory()} store. */
    public Builder store(TokenStore store) {
      this.store = Objects.requireNonNull(store, "store == null");
      this.storeSet = true;
      return this;
    }

    /**
     * Sets the key tokens are stored under. By default the key is a hash of the token endpoint,
     * client id, scope, grant type and user, so that no two credentials share a key; set one only
     * to find tokens across changes of those, and never share it between users.
     */
    public Builder storeKey(String storeKey) {
      Objects.requireNonNull(storeKey, "storeKey == null");
      if (storeKey.isEmpty()) throw new IllegalArgumentException("storeKey is empty");
      this.storeKey = storeKey;
      return this;
    }

    /** Sets the clock. Defaults to {@link Clock#SYSTEM}. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock == null");
      return this;
    }

    /** Sets the listener. Defaults to {@link TokenListener#NONE}. */
    public Builder listener(TokenListener listener) {
      this.listener = Objects.requireNonNull(listener, "listener == null");
      return this;
    }

    /**
     * Sets the executor that runs background renewals of stale tokens. Defaults to the executor of
     * the client's dispatcher.
     */
    public Builder refreshExecutor(Executor refreshExecutor) {
      this.refreshExecutor = Objects.requireNonNull(refreshExecutor, "refreshExecutor == null");
      return this;
    }

    /**
     * Sets how long before expiry a token turns stale and is renewed in the background, at most
     * half its lifetime. Defaults to 2 minutes.
     */
    public Builder refreshAhead(long duration, TimeUnit unit) {
      this.refreshAheadMillis = checkDuration(duration, unit);
      return this;
    }

    /**
     * Sets how long before expiry a token is no longer used, at most a quarter of its lifetime, to
     * allow for clock skew and the time a request takes. Defaults to 30 seconds.
     */
    public Builder expirySkew(long duration, TimeUnit unit) {
      this.expirySkewMillis = checkDuration(duration, unit);
      return this;
    }

    /**
     * Sets the lifetime of tokens whose response has no {@code expires_in}. By default such a token
     * is used until a server refuses it with 401.
     */
    public Builder defaultLifetime(long duration, TimeUnit unit) {
      long millis = checkDuration(duration, unit);
      if (millis == 0) throw new IllegalArgumentException("defaultLifetime must be positive");
      this.defaultLifetimeMillis = millis;
      return this;
    }

    /** Sets how many times a transiently failing token request is attempted. Defaults to 3. */
    public Builder maxAttempts(int maxAttempts) {
      if (maxAttempts < 1) throw new IllegalArgumentException("maxAttempts < 1: " + maxAttempts);
      this.maxAttempts = maxAttempts;
      return this;
    }

    /**
     * Sets how a refused refresh token is recognised. Defaults to {@link
     * RefreshTokenRejection#INVALID_GRANT}; some providers answer otherwise.
     */
    public Builder refreshTokenRejection(RefreshTokenRejection refreshTokenRejection) {
      this.refreshTokenRejection =
          Objects.requireNonNull(refreshTokenRejection, "refreshTokenRejection == null");
      return this;
    }

    /**
     * Adds a base URL of the API the tokens are for. {@link TokenInterceptor} and {@link
     * TokenAuthenticator} send the token only to URLs with the same scheme, host and port whose
     * path is the base URL's path or below it. Defaults to the token endpoint's origin.
     *
     * @throws IllegalArgumentException if {@code apiBaseUrl} is plain http to a host that is not
     *     loopback, unless the token endpoint allows insecure http.
     */
    public Builder addApiBaseUrl(HttpUrl apiBaseUrl) {
      Objects.requireNonNull(apiBaseUrl, "apiBaseUrl == null");
      boolean insecureAllowed = endpoint != null && endpoint.allowInsecureHttp;
      apiBaseUrls.add(Urls.checkSecure(apiBaseUrl, insecureAllowed, "API base URL"));
      return this;
    }

    /**
     * Returns the manager.
     *
     * @throws IllegalStateException if a manager with a custom {@link TokenSource} has no API base
     *     URL.
     */
    public TokenManager build() {
      if (endpoint == null && apiBaseUrls.isEmpty()) {
        throw new IllegalStateException("addApiBaseUrl required with a custom TokenSource.");
      }
      if (endpoint == null && storeSet && storeKey == null) {
        // Two sources of one class cannot be told apart: a shared store would mix their tokens.
        throw new IllegalStateException("storeKey required with a custom TokenSource and store.");
      }
      OkHttpClient client = this.client != null ? this.client : new OkHttpClient();
      Executor executor =
          refreshExecutor != null ? refreshExecutor : client.dispatcher().executorService();
      TokenSource source =
          endpoint != null
              ? new OAuth2TokenSource(endpoint, tokenClient(client), clock)
              : Objects.requireNonNull(this.source);
      return new TokenManager(this, source, executor);
    }

    private static long checkDuration(long duration, TimeUnit unit) {
      Objects.requireNonNull(unit, "unit == null");
      if (duration < 0) throw new IllegalArgumentException("duration < 0: " + duration);
      return unit.toMillis(duration);
    }

    /**
     * Derives the client token requests use: the caller's pools, dispatcher and TLS settings, but
     * none of its interceptors (a body-logging or debugging interceptor would capture secrets), no
     * authenticator, no redirects, and a call timeout so a hung endpoint cannot block callers
     * forever.
     */
    static OkHttpClient tokenClient(OkHttpClient client) {
      OkHttpClient.Builder builder =
          client
              .newBuilder()
              .authenticator(Authenticator.NONE)
              .followRedirects(false)
              .followSslRedirects(false);
      builder.interceptors().clear();
      builder.networkInterceptors().clear();
      if (client.callTimeoutMillis() == 0) {
        builder.callTimeout(DEFAULT_CALL_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
      }
      return builder.build();
    }
  }
}
