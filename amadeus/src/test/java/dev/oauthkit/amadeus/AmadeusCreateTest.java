/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.amadeus;

import static dev.oauthkit.amadeus.AmadeusAuthTest.catchIo;
import static dev.oauthkit.amadeus.Fixtures.ACCESS_TOKEN;
import static dev.oauthkit.amadeus.Fixtures.amadeus;
import static dev.oauthkit.amadeus.Fixtures.take;
import static org.assertj.core.api.Assertions.assertThat;

import dev.oauthkit.testing.TestClock;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An Amadeus API the module does not wrap, Flight Offers Search, declared by the user as in the
 * README ({@link FlightOffers}) and implemented by {@link Amadeus#create}.
 */
class AmadeusCreateTest {
  private static final String OFFERS =
      "{\"meta\":{\"count\":1},\"data\":[{\"type\":\"flight-offer\",\"id\":\"1\","
          + "\"price\":{\"currency\":\"EUR\",\"total\":\"546.70\"}}]}";
  private static final String TOKEN_EXPIRED =
      "{\"errors\":[{\"code\":38192,\"title\":\"Access token expired\",\"status\":401}]}";

  private final TestClock clock = new TestClock();
  @AutoClose private final MockWebServer server = new MockWebServer();
  private Amadeus amadeus;

  @BeforeEach
  void setUp() throws IOException {
    amadeus = amadeus(server, clock).build();
  }

  @Test
  void flightOffersSearchCarriesTheTokenAndTheAmadeusAccept() throws Exception {
    server.enqueue(Fixtures.token());
    server.enqueue(Fixtures.amadeus(200, OFFERS));

    FlightOffers flightOffers = amadeus.create(FlightOffers.class);
    Map<String, Object> offers =
        amadeus.execute(flightOffers.search("MAD", "BOS", "2026-12-24", 1));

    assertThat((List<?>) offers.get("data")).hasSize(1);
    assertThat(take(server).getPath()).isEqualTo("/v1/security/oauth2/token");
    RecordedRequest search = take(server);
    assertThat(search.getMethod()).isEqualTo("GET");
    assertThat(search.getPath())
        .isEqualTo(
            "/v2/shopping/flight-offers?originLocationCode=MAD&destinationLocationCode=BOS"
                + "&departureDate=2026-12-24&adults=1");
    assertThat(search.getHeader("Authorization")).isEqualTo("Bearer " + ACCESS_TOKEN);
    assertThat(search.getHeader("Accept"))
        .isEqualTo("application/json, application/vnd.amadeus+json");
  }

  @Test
  void flightOffersSearchRenewsAnExpiredTokenAndRetriesOnce() throws Exception {
    server.enqueue(Fixtures.token("A"));
    server.enqueue(Fixtures.amadeus(401, TOKEN_EXPIRED));
    server.enqueue(Fixtures.token("B"));
    server.enqueue(Fixtures.amadeus(200, OFFERS));

    Map<String, Object> offers =
        amadeus.execute(amadeus.create(FlightOffers.class).search("MAD", "BOS", "2026-12-24", 1));

    assertThat((List<?>) offers.get("data")).hasSize(1);
    take(server);
    assertThat(take(server).getHeader("Authorization")).isEqualTo("Bearer A");
    assertThat(take(server).getPath()).isEqualTo("/v1/security/oauth2/token");
    assertThat(take(server).getHeader("Authorization")).isEqualTo("Bearer B");
  }

  @Test
  void flightOffersSearchKeepsTheAmadeusRenewalPolicy() throws Exception {
    server.enqueue(Fixtures.token("A"));
    server.enqueue(Fixtures.amadeus(401, Fixtures.read("error-invalid-header.json")));

    AmadeusException e =
        (AmadeusException)
            catchIo(
                () ->
                    amadeus.execute(
                        amadeus.create(FlightOffers.class).search("MAD", "BOS", "2026-12-24", 1)));

    assertThat(e.code()).isEqualTo(401);
    assertThat(e.hasErrorCode("38191")).isTrue(); // A malformed header: a new token cannot help.
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void theReadmeDeclaresExactlyThisInterface() throws IOException {
    String readme = read("README.md");
    String declared = read("src/test/java/dev/oauthkit/amadeus/FlightOffers.java");
    String snippet = declared.substring(declared.indexOf("import "));

    assertThat(readme).contains("```java\n" + snippet + "```\n");
  }

  private static String read(String path) throws IOException {
    return new String(Files.readAllBytes(Paths.get(path)), StandardCharsets.UTF_8);
  }
}
