/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.core;

import java.io.IOException;
import java.util.Objects;
import okhttp3.Call;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Adds {@code Authorization: Bearer <token>} to requests for the API, fetching or renewing the
 * token first when needed, and takes it off every redirect that leaves the API. Install the same
 * instance both as an application and as a network interceptor, together with a {@link
 * TokenAuthenticator}:
 *
 * <pre>{@code
 * TokenInterceptor interceptor = new TokenInterceptor(tokens);
 * OkHttpClient authenticated = client.newBuilder()
 *     .addInterceptor(interceptor)
 *     .addNetworkInterceptor(interceptor)
 *     .authenticator(new TokenAuthenticator(tokens))
 *     .build();
 * }</pre>
 *
 * <p>OkHttp follows redirects below the application interceptors, so only a network interceptor
 * sees each hop: OkHttp itself drops the header when a redirect goes to another host, and the
 * network position drops it when a redirect stays on the host but leaves the API's base path or
 * goes to the token endpoint.
 *
 * <p>The token is attached only to URLs in the manager's API scope (see {@link
 * TokenManager.Builder#addApiBaseUrl}), never to the token endpoint, never to a path that a server
 * could decode to one outside the scope (such as {@code /api/..%2Fadmin}), and never in place of an
 * {@code Authorization} header the caller set. As an application interceptor it attaches the token
 * once per call. As a network interceptor it checks every hop, redirects and retries included: it
 * removes this manager's token from a hop outside the scope and attaches the token to a hop in the
 * scope that has no {@code Authorization} header, so installing it only as a network interceptor
 * also works. A header the caller set is never removed, unless it carries this manager's token.
 * When no token can be obtained the call fails with the {@link TokenRequestException}.
 *
 * <p>A call waiting for a token stops waiting as soon as it is canceled or reaches its call
 * timeout, with the failure OkHttp gives such a call; the token request goes on for the other
 * calls. Whatever the token source, store, listener or a token value does, this interceptor throws
 * nothing but {@link IOException}s, so nothing unchecked reaches OkHttp's dispatcher threads.
 */
public final class TokenInterceptor implements Interceptor {
  private final TokenManager tokens;

  /** Creates an interceptor that attaches the tokens of {@code tokens}. */
  public TokenInterceptor(TokenManager tokens) {
    this.tokens = Objects.requireNonNull(tokens, "tokens == null");
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    boolean networkHop = chain.connection() != null;
    Entry attached = null;
    try {
      if (request.header("Authorization") == null) {
        if (tokens.isInScope(request.url())) {
          attached = tokens.entry(chain.call());
          request = TokenManager.withToken(request, attached);
        }
      } else if (networkHop
          && !tokens.isInScope(request.url())
          && tokens.carriesOwnToken(request)) {
        // A redirect out of the API scope (or to the token endpoint) on the same host: OkHttp kept
        // the header, which it drops only when the host changes.
        request = request.newBuilder().removeHeader("Authorization").build();
      }
    } catch (IOException e) {
      throw e;
    } catch (Throwable e) {
      // Nothing unchecked may reach OkHttp's threads: on enqueue() it would crash an Android app.
      throw new IOException("token engine failed: " + e.getClass().getName(), e);
    }
    Response response;
    // TokenAuthenticator, further down this chain on this thread, learns the call (its renewal
    // ends when the call is canceled) and the entry attached, from the thread's context.
    TokenManager.CallContext context = TokenManager.callContext();
    Call outerCall = context.call;
    Entry outerEntry = context.entry;
    context.call = chain.call();
    context.entry = attached;
    try {
      response = chain.proceed(request);
    } catch (NumberFormatException e) {
      // OkHttp 4.12 fails this way on a 503 whose Retry-After exceeds an int. Unchecked, it would
      // crash an Android app on OkHttp's dispatcher thread; report it as the I/O failure it is.
      throw new IOException("unreadable response from " + request.url().redact(), e);
    } finally {
      context.call = outerCall;
      context.entry = outerEntry;
    }
    if (!networkHop) tokens.observe(response, attached);
    return response;
  }

  @Override
  public String toString() {
    return "TokenInterceptor{" + tokens + "}";
  }
}
