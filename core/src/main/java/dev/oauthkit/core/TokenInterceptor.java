/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.core;

import java.io.IOException;
import java.util.Objects;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Adds {@code Authorization: Bearer <token>} to requests for the API, fetching or renewing the
 * token first when needed. Install it with {@link okhttp3.OkHttpClient.Builder#addInterceptor}
 * together with a {@link TokenAuthenticator}.
 *
 * <p>The token is attached only to URLs in the manager's API scope (see {@link
 * TokenManager.Builder#addApiBaseUrl}), never to the token endpoint, and never in place of an
 * {@code Authorization} header the caller set. OkHttp drops the header itself when it follows a
 * redirect to another host. When no token can be obtained the call fails with the {@link
 * TokenRequestException}.
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
    try {
      if (request.header("Authorization") == null) {
        if (tokens.isInScope(request.url())) request = tokens.authorize(request, chain.call());
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
    try {
      response = chain.proceed(request);
    } catch (NumberFormatException e) {
      // OkHttp 4.12 fails this way on a 503 whose Retry-After exceeds an int. Unchecked, it would
      // crash an Android app on OkHttp's dispatcher thread; report it as the I/O failure it is.
      throw new IOException("unreadable response from " + request.url().redact(), e);
    }
    if (!networkHop) tokens.observe(response);
    return response;
  }

  @Override
  public String toString() {
    return "TokenInterceptor{" + tokens + "}";
  }
}
