/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oauthkit.core.AccessToken;
import dev.oauthkit.core.ApiException;
import dev.oauthkit.core.TokenListener;
import dev.oauthkit.core.TokenManager;
import dev.oauthkit.core.TokenRequestException;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Secret hygiene of a client-credentials provider: one flow with canary secrets and tokens (a
 * token, a renewal on a 401, an API error, a revoked client whose token endpoint echoes the secret)
 * through a client logged as the README recommends ({@code HttpLoggingInterceptor} at BODY level
 * with {@code Authorization} redacted). No canary may appear in the log, the token events, an
 * exception or a {@code toString()}. A provider's test extends it with the provider's answers.
 */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
public abstract class ProviderSecretHygieneTest {
  private final String clientSecret;
  private final String access1;
  private final String access2;
  private final Canaries canaries;
  private final TestClock clock = new TestClock();
  @AutoClose private final ScriptedServer scripted;

  /**
   * @param tokenPath the path of the provider's token endpoint.
   * @param canaryPrefix starts each canary, such as {@code "CANARY-amadeus"}.
   */
  protected ProviderSecretHygieneTest(String tokenPath, String canaryPrefix) {
    this.clientSecret = canaryPrefix + "-secret+/=&%ab";
    this.access1 = canaryPrefix + "-access-1-d0c5";
    this.access2 = canaryPrefix + "-access-2-1f9e";
    this.canaries = new Canaries(clientSecret, access1, access2);
    this.scripted = new ScriptedServer(tokenPath);
  }

  /**
   * Builds the client under test with {@code clientSecret}, {@code client} and {@code listener}, on
   * {@link #server()} with {@link #clock()}.
   */
  protected abstract void build(String clientSecret, OkHttpClient client, TokenListener listener);

  /** Returns the server the client under test must be built for. */
  protected final MockWebServer server() {
    return scripted.server;
  }

  /** Returns the clock the client under test must be built with. */
  protected final TestClock clock() {
    return clock;
  }

  /** Runs an API call that succeeds. */
  protected abstract void call() throws IOException;

  /** Runs an API call that the API refuses with {@link #apiError()}. */
  protected abstract void failingCall() throws IOException;

  /** Returns the client under test, whose description is checked. */
  protected abstract Object client();

  /** Returns the token manager of the client under test. */
  protected abstract TokenManager tokens();

  /** Returns the provider's token response for {@code accessToken}. */
  protected abstract MockResponse token(String accessToken);

  /** Returns the token endpoint's 401 for an unknown client, echoing {@code echo}. */
  protected abstract MockResponse invalidClientEchoing(String echo);

  /** Returns the API's answer to {@link #call}. */
  protected abstract MockResponse apiOk();

  /** Returns the API's 401 for an expired access token. */
  protected abstract MockResponse apiTokenRefused();

  /** Returns the API's 4xx answer to {@link #failingCall}. */
  protected abstract MockResponse apiError();

  @Test
  void noCanaryLeaks() throws Exception {
    build(clientSecret, canaries.loggingClient(), canaries.listener);
    Script token = scripted.token;
    Script api = scripted.api;
    token
        .then(token(access1))
        .then(token(access2))
        .then(
            invalidClientEchoing(
                "client_secret="
                    + clientSecret
                    + " ("
                    + Canaries.formUrlEncode(clientSecret)
                    + ")"));
    api.then(apiOk())
        .then(apiTokenRefused()) // Renewed: the second token.
        .then(apiOk())
        .then(apiError())
        .then(apiTokenRefused()); // The client was revoked meanwhile.

    call();
    AccessToken first = tokens().token();
    call();
    AccessToken second = tokens().token();
    ApiException apiError = canaries.expect(ApiException.class, this::failingCall);
    TokenRequestException revoked = canaries.expect(TokenRequestException.class, this::call);

    assertThat(first.value()).isEqualTo(access1);
    assertThat(second.value()).isEqualTo(access2);
    assertThat(apiError.code()).isBetween(400, 499);
    assertThat(revoked.error()).isEqualTo("invalid_client");
    assertThat(token.count()).isEqualTo(3);
    assertThat(api.count()).isEqualTo(5);
    // The canaries did travel: to the token endpoint, and to the API as bearer tokens.
    assertThat(token.requests().get(0).getBody().readUtf8())
        .containsAnyOf(clientSecret, Canaries.formUrlEncode(clientSecret));
    assertThat(api.authorizations())
        .containsExactly(
            "Bearer " + access1,
            "Bearer " + access1,
            "Bearer " + access2,
            "Bearer " + access2,
            "Bearer " + access2);

    canaries.addText(client(), tokens(), first, second, apiError, revoked);
    canaries.assertNoneLeaked();
  }
}
