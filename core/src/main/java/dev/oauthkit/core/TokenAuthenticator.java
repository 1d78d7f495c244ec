/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.core;

import java.io.IOException;
import java.util.Objects;
import okhttp3.Authenticator;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.Route;
import org.jspecify.annotations.Nullable;

/**
 * Recovers from {@code 401 Unauthorized} answers by renewing the token and retrying the request
 * once. Install it with {@link okhttp3.OkHttpClient.Builder#authenticator} together with a {@link
 * TokenInterceptor}.
 *
 * <p>On a 401 for a request in the manager's API scope:
 *
 * <ul>
 *   <li>If the request carried the current token, that token is dropped, one new token is fetched
 *       (shared with every other request refused at the same time) and the request is retried with
 *       it.
 *   <li>If the request carried an older token of this manager, because another request already
 *       renewed it (however many renewals ago), the request is retried with the current token and
 *       nothing is fetched. Requests are recognised by the token they carry, not its value: a
 *       server that answers a renewal with the same value still costs one renewal for all the
 *       requests it refused.
 *   <li>If a request retried with a renewed token is refused again, its 401 is returned to the
 *       caller: the authenticator never loops. A request retried with the current token but without
 *       a renewal (the case above) may be refused because the current token was revoked too; it
 *       gets one renewal of its own, so a request is sent at most three times.
 * </ul>
 *
 * <p><b>Protecting the token endpoint.</b> An API that refuses every new token must not cost a
 * token request per call (providers rate-limit their token endpoints). The first renewal of a token
 * that no response has accepted yet is free: it may have been revoked as soon as it was issued. If
 * its successor is refused too before any response accepted it, renewals after 401s back off: one
 * renewal, then none for 5 seconds, doubling up to one a minute. Meanwhile such 401s are returned
 * to the caller without a token request. Any response other than 401 to a request carrying a token
 * ends the backoff.
 *
 * <p>It returns null, so OkHttp hands the response to the caller, for a 403 (an authorization
 * answer, not an expired token), a 407, a request outside the API scope, a request whose {@code
 * Authorization} header is not a token of this manager, a response that the {@link RenewalPolicy}
 * declines, or a renewal that backs off. When no token can be obtained, the call fails with the
 * {@link TokenRequestException}. It throws nothing but {@link IOException}s.
 *
 * <p>OkHttp has one authenticator per client. To combine this one with another (for a proxy, say),
 * write an authenticator that delegates to this one for 401 responses and to the other for 407.
 */
public final class TokenAuthenticator implements Authenticator {
  /** Decides whether a 401 means the token is no longer valid and renewing it may help. */
  public interface RenewalPolicy {
    /** Renews on every 401. */
    RenewalPolicy ALWAYS =
        new RenewalPolicy() {
          @Override
          public boolean shouldRenew(Response unauthorized) {
            return true;
          }

          @Override
          public String toString() {
            return "RenewalPolicy.ALWAYS";
          }
        };

    /**
     * Returns true if a new token may succeed where the token of {@code unauthorized}'s request
     * failed. Implementations may read the body with {@link Response#peekBody}.
     */
    boolean shouldRenew(Response unauthorized) throws IOException;
  }

  private final TokenManager tokens;
  private final RenewalPolicy policy;

  /** Creates an authenticator that renews on every 401. */
  public TokenAuthenticator(TokenManager tokens) {
    this(tokens, RenewalPolicy.ALWAYS);
  }

  /** Creates an authenticator that renews on the 401 responses that {@code policy} accepts. */
  public TokenAuthenticator(TokenManager tokens, RenewalPolicy policy) {
    this.tokens = Objects.requireNonNull(tokens, "tokens == null");
    this.policy = Objects.requireNonNull(policy, "policy == null");
  }

  @Override
  public @Nullable Request authenticate(@Nullable Route route, Response response)
      throws IOException {
    try {
      return renew(response);
    } catch (IOException e) {
      throw e;
    } catch (Throwable e) {
      // Nothing unchecked may reach OkHttp's threads: on enqueue() it would crash an Android app.
      throw new IOException("token engine failed: " + e.getClass().getName(), e);
    }
  }

  private @Nullable Request renew(Response response) throws IOException {
    if (response.code() != 401) return null;
    Request request = response.request();
    if (!tokens.isInScope(request.url())) return null;
    int refusals = 0;
    for (Response prior = response.priorResponse(); prior != null; prior = prior.priorResponse()) {
      if (prior.code() == 401) refusals++;
    }
    // Give up after a renewed token was refused too. A retry that only swapped in the current token
    // (another call had renewed it) earns one renewal of its own: the current token may have been
    // revoked along with the old one. So at most three attempts, never a loop.
    if (refusals >= 2 || (refusals == 1 && !TokenManager.isSwappedRetry(request))) return null;
    if (request.header("Authorization") != null && !tokens.carriesOwnToken(request)) {
      return null; // The caller's own credentials.
    }
    if (!policy.shouldRenew(response)) return null;
    return tokens.retryUnauthorized(request);
  }

  @Override
  public String toString() {
    return "TokenAuthenticator{" + tokens + "}";
  }
}
