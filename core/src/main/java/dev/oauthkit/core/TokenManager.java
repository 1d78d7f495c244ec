/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.core;

import dev.oauthkit.core.internal.BearerToken;
import dev.oauthkit.core.internal.Urls;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import okhttp3.Authenticator;
import okhttp3.Call;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okio.ByteString;
import org.jspecify.annotations.Nullable;

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
 * <p><b>Single flight.</b> At most one token request per store key runs at a time in this JVM, on a
 * thread of its own. Callers that need a token while it runs wait for its result, and share its
 * failure, a timeout of the token request included. A caller whose OkHttp call is canceled, or
 * reaches its call timeout, while it waits stops waiting at once with OkHttp's {@code "Canceled"}
 * failure; the request goes on for the others and its token is cached.
 *
 * <p><b>Refresh tokens.</b> When the cached token carries a refresh token, renewal uses the {@code
 * refresh_token} grant and keeps the rotated refresh token. When the server refuses the refresh
 * token, the manager falls back to its own grant once; a manager whose grant is {@link
 * Grant#refreshToken} throws {@link SignInRequiredException} instead. A refusal during a background
 * renewal does neither while the current token is valid: it is served until it expires. Refresh
 * requests are never resent by OkHttp on its own. One whose outcome is unknown (no answer, a
 * timeout, a 5xx other than 503) is not resent within the same renewal, since the server may have
 * rotated the token; the next renewal sends it once more, and if the server had rotated it, its
 * refusal leads to the fallback above. A password sign-in is always verified by the server: a token
 * stored for that user is served only after the server accepted this manager's password.
 *
 * <p><b>Failures.</b> Connection failures, timeouts, 408, 429 and 5xx answers are retried, by
 * default up to 3 attempts with exponential backoff and jitter, honouring {@code Retry-After}. One
 * renewal waits at most 30 seconds in total between its attempts, whatever {@link
 * Builder#maxAttempts}: a {@code Retry-After} longer than what remains fails at once. Everything
 * else fails at once with a {@link TokenRequestException}. A failed background renewal keeps
 * serving the still-valid token and backs off (5 seconds, doubling, at most 60 seconds) before
 * trying again.
 *
 * <p><b>Stores shared by processes.</b> Which token is current is decided by the {@link TokenStore}
 * (see its shared-store contract), never by comparing the clocks of processes. A manager writes a
 * renewed token only if the store still holds the one it replaced; if another process stored a
 * successor meanwhile, it adopts that one. A store that hands out leases ({@link
 * TokenStore#tryLease}) makes the processes renew one at a time: the others serve their valid token
 * or wait for the holder's, and adopt it.
 *
 * <p><b>Listeners</b> can throw anything, and can call back into their manager from any event
 * without deadlock; see {@link TokenListener}.
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

  final @Nullable TokenEndpoint endpoint;
  final Grant grant;
  final String storeKey;
  final Clock clock;
  final TokenListener listener;
  final ApiScope scope;
  final TokenCache cache;
  final StoreAccess store;
  final RefreshLadder ladder;
  final RefreshAhead refreshAhead;
  private final Executor flightExecutor;
  private final Flight.Key sharedFlightKey;
  private final Flight.Key ownFlightKey;
  private final Object source; // For toString only.

  TokenManager(Builder builder, TokenSource source, Executor refreshExecutor, Executor flights) {
    this.endpoint = builder.endpoint;
    this.grant = builder.grant;
    this.clock = builder.clock;
    this.listener = new GuardedListener(builder.listener);
    this.storeKey = builder.storeKey != null ? builder.storeKey : defaultStoreKey(builder);
    this.source = source;
    this.scope = new ApiScope(builder.apiBaseUrls, endpoint);
    this.cache =
        new TokenCache(
            builder.refreshAheadMillis,
            builder.expirySkewMillis,
            grant.type().equals(Grant.PASSWORD));
    this.store = new StoreAccess(builder.store, storeKey, listener);
    Attempts attempts =
        new Attempts(source, clock, listener, builder.maxAttempts, builder.defaultLifetimeMillis);
    this.ladder =
        new RefreshLadder(grant, attempts, store, cache, listener, builder.refreshTokenRejection);
    this.refreshAhead = new RefreshAhead(refreshExecutor, clock);
    this.flightExecutor = flights;
    this.sharedFlightKey = new Flight.Key(builder.store, storeKey, null);
    this.ownFlightKey = new Flight.Key(builder.store, storeKey, cache);
  }

  /**
   * Returns a valid token, fetching one first if none is cached or the cached one expired. Returns
   * at once with a stale token and renews it in the background.
   *
   * @throws TokenRequestException if no token could be obtained.
   * @throws IOException if the thread was interrupted while waiting.
   */
  public AccessToken token() throws IOException {
    return entry(null).token;
  }

  /**
   * Returns a token to replace {@code failedAccessToken}, which a server refused with 401. If the
   * current token is already another one, returns it without a request; otherwise drops the failed
   * token and fetches a new one, sharing the request with concurrent callers.
   *
   * @param failedAccessToken the refused token's value, or null to force a new token.
   */
  public AccessToken refresh(@Nullable String failedAccessToken) throws IOException {
    Entry current = cache.current;
    if (current != null
        && failedAccessToken != null
        && !current.token.value().equals(failedAccessToken)
        && current.isUsable(clock.currentTimeMillis())) {
      return current.token; // Another caller already replaced the refused token.
    }
    String refused = failedAccessToken;
    if (current != null
        && (failedAccessToken == null || current.token.value().equals(failedAccessToken))) {
      refused = current.token.value();
      if (cache.refuse(current)) listener.tokenInvalidated();
    }
    return awaitNew(refused, null).token;
  }

  /**
   * Forgets the cached token, in memory and in the store, as when the user signs out, along with
   * its refresh token.
   *
   * <p>What the next call does depends on the grant. A manager that can sign in again by itself
   * (client credentials, password, a grant made by {@link Grant#of}) fetches a new token with its
   * grant. A manager built with {@link Grant#refreshToken} has nothing left to sign in with: the
   * refresh token of its grant is forgotten too, so the next call throws {@link
   * SignInRequiredException} without making a request. Build a new manager with the refresh token
   * of a new sign-in.
   */
  public void clear() {
    cache.clear();
    ladder.clear();
    store.remove();
  }

  /** Returns the key this manager's tokens are stored under. It contains no secret. */
  public String storeKey() {
    return storeKey;
  }

  /** Returns the grant this manager obtains tokens with. */
  public Grant grant() {
    return grant;
  }

  /** The key of the flights this manager starts or joins now; for tests. */
  Flight.Key flightKey() {
    // Until the server verified a sign-in, its flights are its own: another manager for the same
    // user may hold another password.
    return cache.isVerified() ? sharedFlightKey : ownFlightKey;
  }

  /** Returns true if requests to {@code url} may carry this manager's token. */
  boolean isInScope(HttpUrl url) {
    return scope.allows(url);
  }

  /** Returns true if {@code value} is a token this manager issued recently. */
  boolean isKnownToken(String value) {
    return cache.isKnown(value);
  }

  /**
   * What {@link TokenInterceptor} knows of the call whose chain runs on a thread: the call, and the
   * entry whose token it attached. {@link TokenAuthenticator} runs further down that chain on the
   * same thread and is given neither. One instance per thread, saved and restored around each
   * chain, so that a call made from inside another's chain does not lose the outer one's.
   */
  static final class CallContext {
    @Nullable Call call;
    @Nullable Entry entry;
  }

  private static final ThreadLocal<CallContext> CONTEXT =
      new ThreadLocal<CallContext>() {
        @Override
        protected CallContext initialValue() {
          return new CallContext();
        }
      };

  /** The hot path: one volatile read and one clock read for a fresh token. */
  Entry entry(@Nullable Call call) throws IOException {
    Entry entry = cache.current;
    if (entry != null && clock.currentTimeMillis() < entry.staleAtMillis) return entry;
    return slowEntry(call);
  }

  /**
   * Returns {@code request} carrying {@code entry}'s token and nothing else: the hot path of {@link
   * TokenInterceptor}, which keeps the entry and the call in its thread's {@link CallContext}
   * instead of a request tag (OkHttp copies a request's tags on every build).
   */
  static Request withToken(Request request, Entry entry) {
    return request.newBuilder().header("Authorization", entry.authorization).build();
  }

  /** Returns this thread's context; see {@link CallContext}. */
  static CallContext callContext() {
    return CONTEXT.get();
  }

  /** Notes an API's answer to a request this manager authorized: anything but 401 accepts it. */
  void observe(Response response, @Nullable Entry sent) {
    if (response.code() == 401) return;
    Entry entry = sent;
    if (entry == null) {
      Attached attached = response.request().tag(Attached.class);
      if (attached == null) return;
      entry = attached.entry;
    }
    if (entry.owner == cache && !entry.accepted) cache.accepted(entry);
  }

  /** Returns true if {@code request} carries a token this manager attached, or one it issued. */
  boolean carriesOwnToken(Request request) {
    String sent = request.header("Authorization");
    if (sent == null) return false;
    Attached attached = request.tag(Attached.class);
    Entry attachedEntry = attached != null ? attached.entry : CONTEXT.get().entry;
    if (attachedEntry != null
        && attachedEntry.owner == cache
        && attachedEntry.authorization.equals(sent)) {
      return true;
    }
    if (attached != null && attached.entry.owner == cache) return false;
    String value = BearerToken.parse(sent);
    return value != null && cache.isKnown(value);
  }

  /** Returns true if {@code request} is a retry that swapped in the current token, unrenewed. */
  static boolean isSwappedRetry(Request request) {
    Attached attached = request.tag(Attached.class);
    return attached != null && attached.swapped;
  }

  /**
   * The one renewal entry point of {@link TokenAuthenticator}: returns {@code refused}, a request a
   * server answered with 401, to send again with a token that may succeed, or null if none can: the
   * request carried credentials that are not this manager's, or renewals back off because the API
   * refused every new token.
   *
   * <p>If the request carried a token other than the current one, it is retried with the current
   * one and nothing is fetched. Otherwise its token is dropped and one new token is fetched, shared
   * with every other request refused at the same time. A retry whose token was requested before
   * this 401 (it may have been revoked along with the refused one) is tagged as swapped.
   */
  @Nullable Request retryUnauthorized(Request refused) throws IOException {
    String sent = refused.header("Authorization");
    Attached attached = refused.tag(Attached.class);
    // Without a tag, a request TokenInterceptor authorized on this thread, further up this chain.
    CallContext context = CONTEXT.get();
    Call call = attached != null ? attached.call : context.call;
    Entry attachedEntry = attached != null ? attached.entry : context.entry;
    if (sent == null) return attach(refused, entry(call), call, true);
    String value = BearerToken.parse(sent);
    if (value == null) return null;

    Entry failed = null;
    if (attachedEntry != null
        && attachedEntry.owner == cache
        && attachedEntry.token.value().equals(value)) {
      failed = attachedEntry;
    } else if (!cache.isKnown(value)) {
      return null; // The caller's own credentials.
    }
    long now = clock.currentTimeMillis();
    Entry current = cache.current;
    if (failed == null && current != null && current.token.value().equals(value)) failed = current;
    if (current != null && current != failed && current.isUsable(now)) {
      return attach(refused, current, call, true); // Already replaced, perhaps by the same value.
    }
    if (failed != null) {
      if (!cache.allowRenewal(failed, now)) return null;
      if (cache.refuse(failed)) listener.tokenInvalidated();
    }
    long refusedAfter = Flight.latestSequence();
    Entry entry = awaitNew(value, call);
    // Only a token requested after this 401 is a renewal. One requested before it, even if it
    // arrived since (perhaps with the same value), may have been revoked with the refused one.
    boolean renewed = entry.flightSequence > refusedAfter;
    return attach(refused, entry, call, !renewed);
  }

  private static Request attach(
      Request request, Entry entry, @Nullable Call call, boolean swapped) {
    return request
        .newBuilder()
        .header("Authorization", entry.authorization)
        .tag(Attached.class, new Attached(entry, call, swapped))
        .build();
  }

  private Entry slowEntry(@Nullable Call call) throws IOException {
    Entry entry = cache.current;
    long now = clock.currentTimeMillis();
    if (entry == null || !entry.isUsable(now)) {
      // Only a missing or expired token is worth a store read: another process may have renewed.
      Entry adopted = adoptStored();
      if (adopted != null) entry = adopted;
      now = clock.currentTimeMillis();
    }
    if (entry != null) {
      if (now < entry.staleAtMillis) return entry;
      if (now < entry.expiredAtMillis) {
        refreshInBackground(now);
        return entry;
      }
    }
    return awaitNew(null, call);
  }

  private @Nullable Entry adoptStored() {
    long session = cache.session();
    if (!cache.isVerified()) return null; // A sign-in is answered by the server, not the store.
    StoreAccess.Read read = store.get();
    if (read == null || read.token == null) return null;
    return cache.adopt(read.token, 0L, session);
  }

  /**
   * Waits for a new token: joins the flight for this key if one is running, or starts one.
   *
   * @param refusedValue the value of a refused token that must not come back, or null.
   * @param call the caller's call, whose cancellation ends the wait; or null.
   */
  private Entry awaitNew(@Nullable String refusedValue, @Nullable Call call) throws IOException {
    while (true) {
      Flight.Key key = flightKey();
      Flight flight = Flight.FLIGHTS.get(key);
      if (flight == null) {
        Flight started = new Flight(false);
        flight = Flight.FLIGHTS.putIfAbsent(key, started);
        if (flight == null) {
          flight = started;
          launch(key, started);
        }
      }
      if (flight.isRunningOnThisThread()) {
        // A listener called back from inside the token request: it cannot wait for itself.
        throw new TokenRequestException(
            "a token was requested from within its own token request (by a TokenListener)",
            null,
            0,
            true);
      }
      Entry result;
      try {
        result = flight.await(call);
      } catch (IOException e) {
        // Not when this caller's own wait ended (interrupted, canceled): it would spin.
        if (flight.background && flight.failedWith(e) && (call == null || !call.isCanceled())) {
          continue; // A refresh-ahead renewal failed; a caller that needs a token tries itself.
        }
        throw e;
      }
      if (result.owner != cache) {
        // A manager sharing this store and key obtained it.
        Entry adopted = cache.adopt(result.token, result.flightSequence);
        if (adopted == null) continue;
        result = adopted;
      }
      if (refusedValue != null
          && result.token.value().equals(refusedValue)
          && result.flightSequence != flight.sequence) {
        continue; // That flight kept the refused token; the next one replaces it.
      }
      return result;
    }
  }

  private void launch(final Flight.Key key, final Flight flight) {
    Runnable run =
        new Runnable() {
          @Override
          public void run() {
            runFlight(key, flight);
          }
        };
    try {
      flightExecutor.execute(run);
    } catch (RejectedExecutionException e) {
      run.run(); // Too many flights in progress: the caller runs this one itself.
    } catch (Throwable e) {
      // No thread for it (OutOfMemoryError): left registered, it would be joined forever.
      Flight.FLIGHTS.remove(key, flight);
      flight.fail(Attempts.unexpected(e));
    }
  }

  private void refreshInBackground(long now) {
    refreshAhead.schedule(
        now,
        new Runnable() {
          @Override
          public void run() {
            Flight flight = new Flight(true);
            Flight.Key key = flightKey();
            if (Flight.FLIGHTS.putIfAbsent(key, flight) == null) runFlight(key, flight);
          }
        });
  }

  /** Runs {@code flight} to its end on this thread; never throws. */
  void runFlight(Flight.Key key, Flight flight) {
    flight.runner = Thread.currentThread();
    Landing landing = null;
    IOException failure = null;
    try {
      landing = lead(flight.background, flight.sequence);
    } catch (IOException e) {
      failure = e;
    } catch (Throwable e) {
      failure = Attempts.unexpected(e);
    } finally {
      // Unregistered first: a caller that comes after this flight landed starts its own, and a
      // listener calling back into the manager from the event below is not made to wait for it.
      flight.runner = null;
      Flight.FLIGHTS.remove(key, flight);
      if (landing != null) {
        if (landing.deferred) {
          refreshAhead.deferred();
        } else if (flight.background) {
          refreshAhead.succeeded();
        }
        Attempts.Fetched fetched = landing.fetched;
        if (fetched != null) {
          // Before the waiters are released, so that they observe the event before the token.
          listener.tokenRequestEnd(
              fetched.grantType, fetched.token.expiresAtMillis(), fetched.durationMillis);
        }
        flight.succeed(landing.entry);
      } else {
        if (failure == null) {
          failure = new TokenRequestException("token request failed", null, 0, false);
        }
        if (flight.background) refreshAhead.failed();
        flight.fail(failure);
      }
    }
  }

  /** Obtains a token as the only caller doing so for this key. */
  private Landing lead(boolean background, long flightSequence) throws IOException {
    long session = cache.session();
    boolean verified = cache.isVerified();
    RefreshLadder.StoreView view = new RefreshLadder.StoreView(session);
    Entry entry = cache.current;
    if (verified) {
      // Another flight (here, or of a process sharing the store) may have landed meanwhile.
      view.read(store.get());
      if (view.seen != null) {
        Entry adopted = cache.adopt(view.seen, 0L, session);
        if (adopted != null) entry = adopted;
      }
    }
    long now = clock.currentTimeMillis();
    if (entry != null) {
      if (now < entry.staleAtMillis) return new Landing(entry, null);
      if (!background && now < entry.expiredAtMillis) return new Landing(entry, null);
      if (background && refreshAhead.isBackingOff(now)) return new Landing(entry, null);
    }
    // Processes sharing the store renew one at a time: the holder of its lease. Without a valid
    // token to serve meanwhile, this one waits for the holder; with one, it only tries.
    TokenStore.Lease lease = verified ? store.lease(!background) : TokenStore.Lease.NONE;
    try {
      if (lease != TokenStore.Lease.NONE) {
        // The holder, if another process, may have stored its token while this one waited.
        view.read(store.get());
        if (view.seen != null) {
          Entry adopted = cache.adopt(view.seen, 0L, session);
          if (adopted != null) entry = adopted;
        }
        now = clock.currentTimeMillis();
        if (entry != null) {
          if (now < entry.staleAtMillis) return new Landing(entry, null);
          if (!background && now < entry.expiredAtMillis) return new Landing(entry, null);
          if (lease == null && background) return new Landing(entry, null, true);
        }
        // No lease after the wait the store bounds: the holder is stuck, so renew without it.
      }
      return renew(entry, background, flightSequence, session, verified, view, now);
    } finally {
      if (lease != null) store.release(lease);
    }
  }

  /** Obtains the token that replaces {@code entry} and stores it; under the lease, if any. */
  private Landing renew(
      @Nullable Entry entry,
      boolean background,
      long flightSequence,
      long session,
      boolean verified,
      RefreshLadder.StoreView view,
      long now)
      throws IOException {
    RefreshLadder.Outcome outcome =
        ladder.obtain(
            entry != null ? entry.token : null, background, new Attempts.Budget(), view, now);
    if (outcome.adopted != null) return new Landing(outcome.adopted, null);
    Attempts.Fetched fetched = outcome.fetched;
    if (fetched == null) throw new AssertionError();
    Entry obtained = cache.newEntry(fetched.token, flightSequence);
    if (!cache.install(obtained, session)) {
      return new Landing(obtained, fetched); // Signed out meanwhile: hand it over, keep nothing.
    }
    if (!verified || !view.known) {
      store.put(fetched.token); // A verified sign-in replaces what the store held.
    } else if (!store.compareAndSet(view.seen, fetched.token)) {
      // Another process stored a successor while this one fetched: the store decides.
      StoreAccess.Read read = store.get();
      if (read != null && read.token != null) {
        Entry adopted = cache.adopt(read.token, 0L, session);
        if (adopted != null && adopted.isUsable(clock.currentTimeMillis())) {
          return new Landing(adopted, fetched);
        }
      }
    }
    if (cache.session() != session) {
      // Signed out after the token was served: its removal from the store may have come first.
      store.compareAndRemove(fetched.token);
    }
    return new Landing(obtained, fetched);
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
    if (grant.isCustom()) {
      // Every parameter set is its own key; lengths keep the material unambiguous. Hashed below.
      for (Map.Entry<String, String> parameter : new TreeMap<>(grant.parameters()).entrySet()) {
        String name = parameter.getKey();
        String value = parameter.getValue();
        material.append('\n').append(name.length()).append(':').append(name);
        material.append(value.length()).append(':').append(value);
      }
    }
    return "oauthkit:" + ByteString.encodeUtf8(material.toString()).sha256().hex().substring(0, 40);
  }

  @Override
  public String toString() {
    return "TokenManager{" + (endpoint != null ? endpoint : source) + ", " + grant + "}";
  }

  /** The entry a flight served, and the request that obtained it if it made one. */
  private static final class Landing {
    final Entry entry;
    final Attempts.@Nullable Fetched fetched;

    /** True if a refresh-ahead renewal left the renewal to another process holding the lease. */
    final boolean deferred;

    Landing(Entry entry, Attempts.@Nullable Fetched fetched) {
      this(entry, fetched, false);
    }

    Landing(Entry entry, Attempts.@Nullable Fetched fetched, boolean deferred) {
      this.entry = entry;
      this.fetched = fetched;
      this.deferred = deferred;
    }
  }

  /**
   * Tags a request that carries a token of a manager: which entry, the call it belongs to (so that
   * a renewal after its 401 ends when the call is canceled), and whether it is a retry that swapped
   * in the current token without renewing it.
   */
  static final class Attached {
    final Entry entry;
    final @Nullable Call call;
    final boolean swapped;

    Attached(Entry entry, @Nullable Call call, boolean swapped) {
      this.entry = entry;
      this.call = call;
      this.swapped = swapped;
    }

    /** Shows no token: OkHttp's {@code Request.toString()} prints tags. */
    @Override
    public String toString() {
      return "TokenManager.Attached";
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
     * backend.
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
     * client id, scope, grant type and user (and all the parameters of a grant made by {@link
     * Grant#of}), so that no two credentials share a key; set one only to find tokens across
     * changes of those, and never share it between users.
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
     * path is the base URL's path or below it. Required, at least one: it is never guessed, since
     * an API is often on another host than its token endpoint (such as {@code accounts.example.com}
     * and {@code api.example.com}).
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
     * @throws IllegalStateException if no API base URL was added, or if the OkHttp on the classpath
     *     is older than 4.12 (the message names the version found and the fix).
     */
    public TokenManager build() {
      OkHttpVersionCheck.verify();
      if (apiBaseUrls.isEmpty()) {
        // Never guessed: an API on another host than its token endpoint would get no token, and
        // its callers a bare 401 with nothing to say why.
        throw new IllegalStateException(
            "addApiBaseUrl required: tokens are sent only to the API base URLs, which are often on"
                + " another host than the token endpoint.");
      }
      if (endpoint == null && storeSet && storeKey == null) {
        // Two sources of one class cannot be told apart: a shared store would mix their tokens.
        throw new IllegalStateException("storeKey required with a custom TokenSource and store.");
      }
      OkHttpClient client = this.client != null ? this.client : new OkHttpClient();
      Executor executor =
          refreshExecutor != null ? refreshExecutor : client.dispatcher().executorService();
      Executor flights = Flight.EXECUTOR;
      TokenSource source =
          endpoint != null
              ? new OAuth2TokenSource(endpoint, tokenClient(client), clock)
              : Objects.requireNonNull(this.source);
      return new TokenManager(this, source, executor, flights);
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
