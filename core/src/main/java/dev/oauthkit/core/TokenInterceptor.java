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
    if (request.header("Authorization") == null && tokens.isInScope(request.url())) {
      request = request.newBuilder().header("Authorization", tokens.entry().authorization).build();
    }
    try {
      return chain.proceed(request);
    } catch (NumberFormatException e) {
      // OkHttp 4.12 fails this way on a 503 whose Retry-After exceeds an int. Unchecked, it would
      // crash an Android app on OkHttp's dispatcher thread; report it as the I/O failure it is.
      throw new IOException("unreadable response from " + request.url().redact(), e);
    }
  }

  @Override
  public String toString() {
    return "TokenInterceptor{" + tokens + "}";
  }
}
