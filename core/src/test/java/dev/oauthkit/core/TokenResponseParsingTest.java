/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** How RFC 6749 §5.1 token responses, and providers' variants of them, become access tokens. */
class TokenResponseParsingTest {
  private static final long START = TestClock.START_MILLIS;
  private static final long START_SECONDS = TimeUnit.MILLISECONDS.toSeconds(START);

  private final TestClock clock = new TestClock();
  private final ManualExecutor executor = new ManualExecutor();
  private MockWebServer server;

  @BeforeEach
  void setUp() throws IOException {
    server = new MockWebServer();
    server.start();
  }

  @AfterEach
  void tearDown() throws IOException {
    server.shutdown();
  }

  @Test
  void rfcFieldsLandInTheToken() throws Exception {
    AccessToken token =
        tokenFor(
            "{\"access_token\":\"at-rfc\",\"token_type\":\"Bearer\",\"expires_in\":3600,"
                + "\"refresh_token\":\"rt-rfc\",\"scope\":\"read write\"}");

    assertThat(token.value()).isEqualTo("at-rfc");
    assertThat(token.tokenType()).isEqualTo("Bearer");
    assertThat(token.issuedAtMillis()).isEqualTo(START);
    assertThat(token.expiresAtMillis()).isEqualTo(START + TimeUnit.SECONDS.toMillis(3600));
    assertThat(token.hasExpiry()).isTrue();
    assertThat(token.refreshToken()).isEqualTo("rt-rfc");
    assertThat(token.scope()).isEqualTo("read write");
    assertThat(token.extras()).isEmpty();
  }

  @Test
  void expiresInAsStringIsAccepted() throws Exception {
    AccessToken token =
        tokenFor("{\"access_token\":\"at-str\",\"token_type\":\"Bearer\",\"expires_in\":\"3600\"}");

    assertThat(token.expiresAtMillis()).isEqualTo(START + TimeUnit.SECONDS.toMillis(3600));
  }

  @Test
  void expiryCountsFromTheRequestTimeOfTheTestClock() throws Exception {
    clock.advance(7, TimeUnit.MINUTES);
    long requestTime = clock.currentTimeMillis();

    AccessToken token = tokenFor("{\"access_token\":\"at-later\",\"expires_in\":120}");

    assertThat(token.issuedAtMillis()).isEqualTo(requestTime);
    assertThat(token.expiresAtMillis()).isEqualTo(requestTime + TimeUnit.SECONDS.toMillis(120));
  }

  @Test
  void expiryCountsFromWhenTheRequestWasSentNotWhenTheAnswerArrived() throws Exception {
    final long requestTime = clock.currentTimeMillis();
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            clock.advance(10, TimeUnit.SECONDS); // A slow server.
            return TestServer.token("at-slow", 300);
          }
        });

    AccessToken token = manager().token();

    assertThat(token.value()).isEqualTo("at-slow");
    assertThat(token.issuedAtMillis()).isEqualTo(requestTime);
    assertThat(token.expiresAtMillis()).isEqualTo(requestTime + TimeUnit.SECONDS.toMillis(300));
  }

  @Test
  void missingExpiresInMeansNoExpiry() throws Exception {
    AccessToken token = tokenFor("{\"access_token\":\"at-forever\",\"token_type\":\"Bearer\"}");

    assertThat(token.hasExpiry()).isFalse();
    assertThat(token.expiresAtMillis()).isEqualTo(AccessToken.NO_EXPIRY);
  }

  @Test
  void missingExpiresInTakesTheDefaultLifetime() throws Exception {
    server.enqueue(TestServer.json(200, "{\"access_token\":\"at-default\"}"));
    TokenManager manager =
        new TokenManager.Builder(TestServer.endpoint(server).build(), Grant.clientCredentials())
            .addApiBaseUrl(server.url("/"))
            .clock(clock)
            .refreshExecutor(executor)
            .defaultLifetime(10, TimeUnit.MINUTES)
            .build();

    AccessToken token = manager.token();

    assertThat(token.hasExpiry()).isTrue();
    assertThat(token.issuedAtMillis()).isEqualTo(START);
    assertThat(token.expiresAtMillis()).isEqualTo(START + TimeUnit.MINUTES.toMillis(10));
  }

  @Test
  void expiresInBeyondTenYearsMeansNoExpiry() throws Exception {
    AccessToken token = tokenFor("{\"access_token\":\"at-decade\",\"expires_in\":999999999999}");

    assertThat(token.hasExpiry()).isFalse();
  }

  @Test
  void unknownFieldsAreKeptAsExtras() throws Exception {
    // Amadeus' client credentials response.
    AccessToken token =
        tokenFor(
            "{\"type\":\"amadeusOAuth2Token\",\"username\":\"foo@bar.com\","
                + "\"application_name\":\"BetaTest\",\"client_id\":\"3sY9VNvXIjyJYd5mmOtOzJLuL1Bz\","
                + "\"token_type\":\"Bearer\",\"access_token\":\"CpjU0sEenniHCgPDrndzOSWFk5mN\","
                + "\"expires_in\":1799,\"state\":\"approved\",\"scope\":\"\"}");

    assertThat(token.value()).isEqualTo("CpjU0sEenniHCgPDrndzOSWFk5mN");
    assertThat(token.expiresAtMillis()).isEqualTo(START + TimeUnit.SECONDS.toMillis(1799));
    assertThat(token.scope()).isEmpty();
    assertThat(token.extras())
        .containsOnly(
            entry("type", "amadeusOAuth2Token"),
            entry("username", "foo@bar.com"),
            entry("application_name", "BetaTest"),
            entry("client_id", "3sY9VNvXIjyJYd5mmOtOzJLuL1Bz"),
            entry("state", "approved"));
  }

  @Test
  void createdAtCloseToTheLocalClockIsTheIssueTime() throws Exception {
    long createdAt = START_SECONDS - 30;

    AccessToken token =
        tokenFor(
            "{\"access_token\":\"at-doorkeeper\",\"token_type\":\"Bearer\",\"expires_in\":7200,"
                + "\"created_at\":"
                + createdAt
                + "}");

    assertThat(token.issuedAtMillis()).isEqualTo(createdAt * 1000);
    assertThat(token.expiresAtMillis()).isEqualTo(createdAt * 1000 + 7200 * 1000L);
    assertThat(token.extras()).doesNotContainKey("created_at");
  }

  @Test
  void createdAtAheadOfTheLocalClockNeverExtendsTheToken() throws Exception {
    long createdAt = START_SECONDS + 60;

    AccessToken token =
        tokenFor(
            "{\"access_token\":\"at-ahead\",\"expires_in\":7200,\"created_at\":" + createdAt + "}");

    // Expiry stays conservative: counted from the earlier of the two clocks.
    assertThat(token.expiresAtMillis()).isEqualTo(START + 7200 * 1000L);
  }

  @Test
  void createdAtHoursOffIsIgnored() throws Exception {
    long createdAt = START_SECONDS - TimeUnit.HOURS.toSeconds(3);

    AccessToken token =
        tokenFor(
            "{\"access_token\":\"at-skewed\",\"token_type\":\"Bearer\",\"expires_in\":7200,"
                + "\"created_at\":"
                + createdAt
                + "}");

    assertThat(token.issuedAtMillis()).isEqualTo(START);
    assertThat(token.expiresAtMillis()).isEqualTo(START + 7200 * 1000L);
  }

  @Test
  void lowercaseBearerTokenTypeIsAccepted() throws Exception {
    AccessToken token =
        tokenFor("{\"access_token\":\"at-lower\",\"token_type\":\"bearer\",\"expires_in\":60}");

    assertThat(token.value()).isEqualTo("at-lower");
    assertThat(token.tokenType()).isEqualTo("Bearer");
  }

  @Test
  void macTokenTypeIsRejected() throws Exception {
    server.enqueue(
        TestServer.json(
            200,
            "{\"access_token\":\"at-mac-canary\",\"token_type\":\"mac\",\"expires_in\":3600,"
                + "\"mac_key\":\"adijq39jdlaska9asud\",\"mac_algorithm\":\"hmac-sha-256\"}"));

    TokenRequestException e = tokenFailure(manager());

    assertThat(e.code()).isEqualTo(200);
    assertThat(e.isTransient()).isFalse();
    assertThat(e.getMessage())
        .contains("token_type")
        .contains("Bearer")
        .doesNotContain("at-mac-canary", "adijq39jdlaska9asud");
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  private AccessToken tokenFor(String json) throws IOException {
    server.enqueue(TestServer.json(200, json));
    AccessToken token = manager().token();
    assertThat(server.getRequestCount()).isEqualTo(1);
    return token;
  }

  private TokenManager manager() {
    return new TokenManager.Builder(TestServer.endpoint(server).build(), Grant.clientCredentials())
        .addApiBaseUrl(server.url("/"))
        .clock(clock)
        .refreshExecutor(executor)
        .build();
  }

  static TokenRequestException tokenFailure(TokenManager manager) {
    try {
      AccessToken token = manager.token();
      throw new AssertionError("expected a TokenRequestException, got " + token);
    } catch (TokenRequestException e) {
      return e;
    } catch (IOException e) {
      throw new AssertionError("expected a TokenRequestException", e);
    }
  }
}
