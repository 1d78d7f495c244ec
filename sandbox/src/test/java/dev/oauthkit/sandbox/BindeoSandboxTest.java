/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oauthkit.bindeo.Bindeo;
import dev.oauthkit.bindeo.BindeoException;
import dev.oauthkit.bindeo.model.LocaleChange;
import dev.oauthkit.core.SignInRequiredException;
import dev.oauthkit.core.TokenRequestException;
import dev.oauthkit.testing.TestClock;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Bindeo sandbox, through the real Bindeo client. */
final class BindeoSandboxTest {
  private static final OkHttpClient HTTP = new OkHttpClient();

  private final BindeoSandbox sandbox = new BindeoSandbox();
  private final TestClock clock = new TestClock();

  @BeforeEach
  void setUp() throws Exception {
    sandbox.start();
  }

  @AfterEach
  void tearDown() throws Exception {
    sandbox.close();
  }

  @AfterAll
  static void shutDown() {
    HTTP.dispatcher().executorService().shutdown();
    HTTP.connectionPool().evictAll();
  }

  private Bindeo.Builder builder() {
    return Bindeo.builder()
        .clientId(Sandbox.CLIENT_ID)
        .clientSecret(Sandbox.CLIENT_SECRET)
        .baseUrl(sandbox.baseUrl())
        .client(HTTP)
        .clock(clock);
  }

  @Test
  void clientCredentialsReadGeneralDataButNotTheAccount() throws Exception {
    Bindeo bindeo = builder().build();

    assertThat(bindeo.execute(bindeo.api().accountTypes("es_ES")).data)
        .extracting(type -> type.attributes.name)
        .containsExactly("Usuario gratis", "Usuario premium");
    assertThat(bindeo.execute(bindeo.api().mediaTypes("en_US")).data)
        .extracting(type -> type.attributes.idType)
        .containsExactly(1L, 2L);
    assertThatThrownBy(() -> bindeo.execute(bindeo.api().identities()))
        .isInstanceOfSatisfying(
            BindeoException.class,
            e -> {
              assertThat(e.code()).isEqualTo(403);
              assertThat(e.errorMessage()).isEqualTo("You need other access privileges");
            });
    assertThat(sandbox.tokenRequests("client_credentials")).isEqualTo(1);
    assertThat(sandbox.apiCalls()).isEqualTo(3);
  }

  @Test
  void signedInUserReadsAndChangesTheAccount() throws Exception {
    Bindeo user = builder().build().signIn(BindeoSandbox.USERNAME, BindeoSandbox.PASSWORD);

    assertThat(user.execute(user.api().identities()).data)
        .extracting(identity -> identity.attributes.value)
        .containsExactly(BindeoSandbox.USERNAME);
    assertThat(
            user.execute(user.api().updateLocale(new LocaleChange("es_ES"))).data.attributes.lang)
        .isEqualTo("es_ES");
    assertThat(sandbox.tokenRequests("password")).isEqualTo(1);
    assertThat(sandbox.tokenRequests()).isEqualTo(1);
  }

  @Test
  void revokedTokensAreRenewedWithTheRefreshToken() throws Exception {
    Bindeo bindeo = builder().password(BindeoSandbox.USERNAME, BindeoSandbox.PASSWORD).build();
    bindeo.execute(bindeo.api().identities());
    sandbox.revokeAllTokens();

    bindeo.execute(bindeo.api().identities());

    assertThat(sandbox.unauthorizedResponses()).isEqualTo(1);
    assertThat(sandbox.tokenRequests("password")).isEqualTo(1);
    assertThat(sandbox.tokenRequests("refresh_token")).isEqualTo(1);
  }

  @Test
  void expiringTokensAreRenewedWithTheRefreshTokenByTheClientClock() throws Exception {
    sandbox.tokenLifetime(10, TimeUnit.MINUTES);
    Bindeo bindeo = builder().password(BindeoSandbox.USERNAME, BindeoSandbox.PASSWORD).build();
    bindeo.execute(bindeo.api().identities());

    clock.advance(11, TimeUnit.MINUTES);
    bindeo.execute(bindeo.api().identities());

    assertThat(sandbox.tokenRequests("refresh_token")).isEqualTo(1);
    assertThat(sandbox.tokenRequests("password")).isEqualTo(1);
    assertThat(sandbox.unauthorizedResponses()).isZero();
  }

  @Test
  void refusedRefreshTokenFallsBackToThePassword() throws Exception {
    Bindeo bindeo = builder().password(BindeoSandbox.USERNAME, BindeoSandbox.PASSWORD).build();
    bindeo.execute(bindeo.api().identities());
    sandbox.refuseRefreshTokens(true);
    sandbox.revokeAllTokens();

    bindeo.execute(bindeo.api().identities());

    assertThat(sandbox.tokenRequests("refresh_token")).isEqualTo(1);
    assertThat(sandbox.tokenRequests("password")).isEqualTo(2);
    assertThat(sandbox.unauthorizedResponses()).isEqualTo(1);
  }

  @Test
  void refusedRefreshTokenOfASessionAsksForASignIn() throws Exception {
    Bindeo user = builder().build().signIn(BindeoSandbox.USERNAME, BindeoSandbox.PASSWORD);
    user.execute(user.api().identities());
    sandbox.refuseRefreshTokens(true);
    sandbox.revokeAllTokens();

    assertThatThrownBy(() -> user.execute(user.api().identities()))
        .isInstanceOf(SignInRequiredException.class)
        .satisfies(e -> assertThat(Bindeo.isSignInRequired(e)).isTrue());
    assertThat(sandbox.tokenRequests("refresh_token")).isEqualTo(1);
    assertThat(sandbox.tokenRequests("password")).isEqualTo(1);
  }

  @Test
  void unavailableTokenEndpointIsRetried() throws Exception {
    sandbox.failNextTokenRequests(1, 503);
    Bindeo user = builder().build().signIn(BindeoSandbox.USERNAME, BindeoSandbox.PASSWORD);

    assertThat(user.execute(user.api().identities()).data).hasSize(1);
    assertThat(sandbox.tokenRequests("password")).isEqualTo(2);
    assertThat(clock.sleeps).hasSize(1);
  }

  @Test
  void serverErrorOnTheTokenEndpointIsATypedErrorAfterTheRetries() {
    sandbox.failNextTokenRequests(3, 500);

    assertThatThrownBy(() -> builder().build().signIn(BindeoSandbox.USERNAME, "x"))
        .isInstanceOfSatisfying(
            TokenRequestException.class,
            e -> {
              assertThat(e.code()).isEqualTo(500);
              assertThat(e.getMessage()).doesNotContain(Sandbox.CLIENT_SECRET);
            });
    assertThat(sandbox.tokenRequests("password")).isEqualTo(3);
  }

  @Test
  void wrongPasswordIsInvalidCredentials() {
    assertThatThrownBy(() -> builder().build().signIn(BindeoSandbox.USERNAME, "wrong"))
        .isInstanceOfSatisfying(
            TokenRequestException.class,
            e -> {
              assertThat(e.error()).isEqualTo("invalid_credentials");
              assertThat(Bindeo.isSignInRequired(e)).isTrue();
            });
  }
}
