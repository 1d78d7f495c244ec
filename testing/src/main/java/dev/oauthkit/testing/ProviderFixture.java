/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.testing;

import dev.oauthkit.core.TokenManager;
import java.io.IOException;
import okhttp3.mockwebserver.MockResponse;

/**
 * What the tests every provider shares ({@link ProviderFaultMatrixTest}, {@link
 * ProviderSecretHygieneTest}) need of one provider: a client under test, one API call through its
 * {@code execute}, and the provider's answers on the wire. Each provider module implements it once.
 */
public interface ProviderFixture {
  /** Returns the path of the token endpoint, such as {@code "/oauth/token"}. */
  String tokenPath();

  /** Builds the client under test from a builder {@code setup} configures. */
  void build(ClientSetup setup);

  /** Returns the client under test, whose description must hold no secret. */
  Object client();

  /** Returns the token manager of the client under test. */
  TokenManager tokens();

  /** Runs one API call through the client's {@code execute} and asserts its body. */
  void call() throws IOException;

  /** Returns the {@code expires_in} of the provider's tokens, in seconds. */
  long tokenLifetimeSeconds();

  /** Returns the simple name of the provider's {@code ApiException}. */
  String apiExceptionName();

  /** Returns the provider's token response for {@code accessToken}. */
  MockResponse token(String accessToken);

  /** Returns a successful token response with {@code json} as its body. */
  MockResponse tokenJson(String json);

  /** Returns the token endpoint's 401 for an unknown client, its message ending in {@code echo}. */
  MockResponse invalidClient(String echo);

  /** Returns the API's successful answer to {@link #call}. */
  MockResponse apiOk();

  /** Returns the API's 401 for an expired or revoked access token. */
  MockResponse apiTokenRefused();

  /** Returns the API's 403 for a call the token may not make. */
  MockResponse apiForbidden();
}
