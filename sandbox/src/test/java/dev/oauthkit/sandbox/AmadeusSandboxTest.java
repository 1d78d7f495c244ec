/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oauthkit.amadeus.Amadeus;
import dev.oauthkit.amadeus.AmadeusException;
import dev.oauthkit.amadeus.model.Airline;
import dev.oauthkit.amadeus.model.CheckinLink;
import dev.oauthkit.amadeus.model.DataList;
import dev.oauthkit.amadeus.model.Location;
import dev.oauthkit.core.TokenRequestException;
import dev.oauthkit.testing.TestClock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import retrofit2.Call;

/** The Amadeus sandbox, through the real Amadeus client. */
final class AmadeusSandboxTest {
  private static final OkHttpClient HTTP = new OkHttpClient();

  private final AmadeusSandbox sandbox = new AmadeusSandbox();
  private final TestClock clock = new TestClock();
  private Amadeus amadeus;

  @BeforeEach
  void setUp() throws Exception {
    sandbox.start();
    amadeus =
        Amadeus.builder()
            .clientId(Sandbox.CLIENT_ID)
            .clientSecret(Sandbox.CLIENT_SECRET)
            .baseUrl(sandbox.baseUrl())
            .client(HTTP)
            .clock(clock)
            .build();
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

  @Test
  void answersCheckinLinksAndAirlinesWithOneToken() throws Exception {
    DataList<CheckinLink> links = amadeus.execute(amadeus.api().checkinLinks("BA", null));
    assertThat(links.data).extracting(link -> link.channel).containsExactly("Mobile", "Web");
    assertThat(links.meta.count).isEqualTo(2);

    DataList<Airline> airlines = amadeus.execute(amadeus.api().airlines("IB,LH"));
    assertThat(airlines.data)
        .extracting(airline -> airline.iataCode + " " + airline.businessName)
        .containsExactly("IB IBERIA", "LH LUFTHANSA");

    assertThat(sandbox.tokenRequests()).isEqualTo(1);
    assertThat(sandbox.tokenRequests("client_credentials")).isEqualTo(1);
    assertThat(sandbox.apiCalls()).isEqualTo(2);
    assertThat(sandbox.unauthorizedResponses()).isZero();
  }

  @Test
  void pagesLocationsByTheNextLink() throws Exception {
    List<String> codes = new ArrayList<>();
    int pages = 0;
    DataList<Location> page =
        amadeus.execute(amadeus.api().locations("AIRPORT,CITY", "LON", 5, null));
    assertThat(page.meta.count).isEqualTo(12);
    while (page != null) {
      pages++;
      for (Location location : page.data) codes.add(location.subType + " " + location.iataCode);
      Call<DataList<Location>> next = amadeus.nextPage(page);
      page = next != null ? amadeus.execute(next) : null;
    }

    assertThat(pages).isEqualTo(3);
    assertThat(codes).hasSize(12).doesNotHaveDuplicates().startsWith("CITY LON", "AIRPORT LHR");
    assertThat(sandbox.apiCalls()).isEqualTo(3);
    assertThat(sandbox.tokenRequests()).isEqualTo(1);
  }

  @Test
  void missingParameterIsATypedError() {
    assertThatThrownBy(() -> amadeus.execute(amadeus.api().checkinLinks("", null)))
        .isInstanceOfSatisfying(
            AmadeusException.class,
            e -> {
              assertThat(e.code()).isEqualTo(400);
              assertThat(e.hasErrorCode("32171")).isTrue();
            });
  }

  @Test
  void tokenLifetimeSetsExpiresInAndTheClientRenewsByItsClock() throws Exception {
    sandbox.tokenLifetime(2, TimeUnit.MINUTES);
    amadeus.execute(amadeus.api().checkinLinks("IB", null));
    assertThat(amadeus.tokens().token().expiresAtMillis())
        .isEqualTo(TestClock.START_MILLIS + TimeUnit.MINUTES.toMillis(2));

    clock.advance(121, TimeUnit.SECONDS); // Past the token's end by the client's clock.
    amadeus.execute(amadeus.api().checkinLinks("IB", null));

    assertThat(sandbox.tokenRequests("client_credentials")).isEqualTo(2);
    assertThat(sandbox.unauthorizedResponses()).isZero();
  }

  @Test
  void revokedTokensCostOne401AndOneNewToken() throws Exception {
    amadeus.execute(amadeus.api().checkinLinks("IB", null));
    sandbox.revokeAllTokens();

    DataList<CheckinLink> links = amadeus.execute(amadeus.api().checkinLinks("IB", null));

    assertThat(links.data).hasSize(2);
    assertThat(sandbox.unauthorizedResponses()).isEqualTo(1);
    assertThat(sandbox.tokenRequests()).isEqualTo(2);
    assertThat(sandbox.apiCalls()).isEqualTo(3);
  }

  @Test
  void tokensExpireOnTheSandboxClock() throws Exception {
    AtomicLong now = new AtomicLong(System.currentTimeMillis());
    sandbox.clock(now::get);
    amadeus.execute(amadeus.api().checkinLinks("IB", null));

    now.addAndGet(TimeUnit.SECONDS.toMillis(31)); // The 30-second token is dead on the server only.
    amadeus.execute(amadeus.api().checkinLinks("IB", null));

    assertThat(sandbox.unauthorizedResponses()).isEqualTo(1);
    assertThat(sandbox.tokenRequests()).isEqualTo(2);
  }

  @Test
  void aFailedTokenRequestIsRetried() throws Exception {
    sandbox.failNextTokenRequests(1, 503);
    amadeus.execute(amadeus.api().checkinLinks("IB", null));
    assertThat(sandbox.tokenRequests("client_credentials")).isEqualTo(2);

    sandbox.revokeAllTokens();
    sandbox.failNextTokenRequests(1, 429);
    amadeus.execute(amadeus.api().checkinLinks("IB", null));
    assertThat(sandbox.tokenRequests("client_credentials")).isEqualTo(4);
    assertThat(clock.sleeps).hasSize(2); // One backoff each, on the client's clock.
  }

  @Test
  void aRateLimitOutlastingTheRetriesIsATypedError() {
    sandbox.failNextTokenRequests(10, 429);

    assertThatThrownBy(() -> amadeus.execute(amadeus.api().checkinLinks("IB", null)))
        .isInstanceOfSatisfying(
            TokenRequestException.class,
            e -> {
              assertThat(e.code()).isEqualTo(429);
              assertThat(e.isTransient()).isTrue();
            });
    assertThat(sandbox.tokenRequests()).isEqualTo(3); // The client's three attempts.
    assertThat(sandbox.apiCalls()).isZero();
  }

  @Test
  void aTokenEndpointThatIsDownFailsNewTokensOnly() throws Exception {
    amadeus.execute(amadeus.api().checkinLinks("IB", null));
    sandbox.tokenEndpointDown(true);

    amadeus.execute(amadeus.api().checkinLinks("IB", null)); // The live token still works.
    sandbox.revokeAllTokens();
    assertThatThrownBy(() -> amadeus.execute(amadeus.api().checkinLinks("IB", null)))
        .isInstanceOfSatisfying(
            TokenRequestException.class, e -> assertThat(e.code()).isEqualTo(503));
    int whileDown = sandbox.tokenRequests();

    sandbox.tokenEndpointDown(false);
    amadeus.execute(amadeus.api().checkinLinks("IB", null));
    assertThat(whileDown).isEqualTo(4); // One before, three attempts while down.
    assertThat(sandbox.tokenRequests()).isEqualTo(5);
  }

  @Test
  void wrongSecretIsInvalidClient() {
    Amadeus wrong =
        Amadeus.builder()
            .clientId(Sandbox.CLIENT_ID)
            .clientSecret("not-the-secret")
            .baseUrl(sandbox.baseUrl())
            .client(HTTP)
            .clock(clock)
            .build();

    assertThatThrownBy(() -> wrong.execute(wrong.api().checkinLinks("IB", null)))
        .isInstanceOfSatisfying(
            TokenRequestException.class,
            e -> {
              assertThat(e.code()).isEqualTo(401);
              assertThat(e.error()).isEqualTo("invalid_client");
            });
    assertThat(sandbox.tokenRequests("client_credentials")).isEqualTo(1);
  }
}
