/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oauthkit.core.AccessToken;
import dev.oauthkit.core.ApiException;
import dev.oauthkit.core.TokenRequestException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Secret hygiene of a client-credentials provider: one flow with canary secrets and tokens (a
 * token, a renewal on a 401, an API error, a revoked client whose token endpoint echoes the secret)
 * through a client logged as the README recommends ({@code HttpLoggingInterceptor} at BODY level
 * with {@code Authorization} redacted). No canary may appear in the log, the token events, an
 * exception or a {@code toString()}. A provider's test extends it with its {@link ProviderFixture}.
 */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
public abstract class ProviderSecretHygieneTest {
  private final ProviderFixture provider;
  private final String clientSecret;
  private final String access1;
  private final String access2;
  private final Canaries canaries;
  private final TestClock clock = new TestClock();
  @AutoClose private final ScriptedServer scripted;

  /**
   * @param provider the provider under test.
   * @param canaryPrefix starts each canary, such as {@code "CANARY-amadeus"}.
   */
  protected ProviderSecretHygieneTest(ProviderFixture provider, String canaryPrefix) {
    this.provider = provider;
    this.clientSecret = canaryPrefix + "-secret+/=&%ab";
    this.access1 = canaryPrefix + "-access-1-d0c5";
    this.access2 = canaryPrefix + "-access-2-1f9e";
    this.canaries = new Canaries(clientSecret, access1, access2);
    this.scripted = new ScriptedServer(provider.tokenPath());
  }

  @Test
  void noCanaryLeaks() throws Exception {
    provider.build(
        new ClientSetup(
            clientSecret, scripted.server, canaries.loggingClient(), canaries.listener, clock));
    Script token = scripted.token;
    Script api = scripted.api;
    token
        .then(provider.token(access1))
        .then(provider.token(access2))
        .then(
            provider.invalidClient(
                "client_secret="
                    + clientSecret
                    + " ("
                    + Canaries.formUrlEncode(clientSecret)
                    + ")"));
    api.then(provider.apiOk())
        .then(provider.apiTokenRefused()) // Renewed: the second token.
        .then(provider.apiOk())
        .then(provider.apiForbidden())
        .then(provider.apiTokenRefused()); // The client was revoked meanwhile.

    provider.call();
    AccessToken first = provider.tokens().token();
    provider.call();
    AccessToken second = provider.tokens().token();
    ApiException apiError = canaries.expect(ApiException.class, provider::call);
    TokenRequestException revoked = canaries.expect(TokenRequestException.class, provider::call);

    assertThat(first.value()).isEqualTo(access1);
    assertThat(second.value()).isEqualTo(access2);
    assertThat(apiError.code()).isEqualTo(403);
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

    canaries.addText(provider.client(), provider.tokens(), first, second, apiError, revoked);
    canaries.assertNoneLeaked();
  }
}
