/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.amadeus;

import static dev.oauthkit.amadeus.Fixtures.ACCESS_TOKEN;
import static dev.oauthkit.amadeus.Fixtures.amadeus;
import static dev.oauthkit.amadeus.Fixtures.take;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.oauthkit.amadeus.model.Airline;
import dev.oauthkit.amadeus.model.CheckinLink;
import dev.oauthkit.amadeus.model.DataList;
import dev.oauthkit.amadeus.model.Issue;
import dev.oauthkit.amadeus.model.Location;
import dev.oauthkit.testing.TestClock;
import java.io.IOException;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import retrofit2.Call;

/** The exact API requests, and the recorded responses parsed into models. */
class AmadeusApiTest {
  private final TestClock clock = new TestClock();
  @AutoClose private final MockWebServer server = new MockWebServer();
  private Amadeus amadeus;
  private boolean tokenTaken;

  @BeforeEach
  void setUp() throws IOException {
    server.enqueue(Fixtures.token());
    amadeus = amadeus(server, clock).build();
  }

  @Test
  void checkinLinks() throws Exception {
    server.enqueue(Fixtures.amadeus(200, Fixtures.read("checkin-links.json")));

    DataList<CheckinLink> links = amadeus.execute(amadeus.api().checkinLinks("BA", "en-GB"));

    RecordedRequest request = apiRequest();
    assertThat(request.getMethod()).isEqualTo("GET");
    assertThat(request.getPath())
        .isEqualTo("/v2/reference-data/urls/checkin-links?airlineCode=BA&language=en-GB");
    assertThat(links.meta.count).isEqualTo(2);
    assertThat(links.meta.links.self)
        .isEqualTo(
            "https://test.api.amadeus.com/v2/reference-data/urls/checkin-links?airlineCode=BA&language=EN");
    assertThat(links.meta.links.next).isNull();
    assertThat(links.data).hasSize(2);
    CheckinLink web = links.data.get(1);
    assertThat(web.type).isEqualTo("checkin-link");
    assertThat(web.id).isEqualTo("BAEN-GBWeb");
    assertThat(web.href)
        .isEqualTo("https://www.britishairways.com/travel/olcilandingpageauthreq/public/en_gb");
    assertThat(web.channel).isEqualTo("Web");
    assertThat(web.parameters).isNull();
    assertThat(links.warnings).isNull();
  }

  @Test
  void checkinLinksWithoutLanguageLeavesTheParameterOut() throws Exception {
    server.enqueue(Fixtures.amadeus(200, Fixtures.read("checkin-links.json")));

    amadeus.execute(amadeus.api().checkinLinks("IB", null));

    assertThat(apiRequest().getPath())
        .isEqualTo("/v2/reference-data/urls/checkin-links?airlineCode=IB");
  }

  @Test
  void checkinLinkParametersAndWarningsWithNumberOrStringCodes() throws Exception {
    server.enqueue(Fixtures.amadeus(200, Fixtures.read("checkin-links-parameters-warnings.json")));

    DataList<CheckinLink> links = amadeus.execute(amadeus.api().checkinLinks("IB", "xx"));

    CheckinLink link = links.data.get(0);
    assertThat(link.parameters).containsOnlyKeys("PNR", "DATE");
    assertThat(link.parameters.get("PNR").description).isEqualTo("Record locator");
    assertThat(link.parameters.get("DATE").format).isEqualTo("YYYY-MM-DD");
    assertThat(links.warnings).hasSize(2);
    for (Issue warning : links.warnings) {
      assertThat(warning.code).isEqualTo("10151");
      assertThat(warning.status).isEqualTo(200);
      assertThat(warning.title).isEqualTo("DEFAULT LANGUAGE USED");
    }
    assertThat(links.warnings.get(0).source.parameter).isEqualTo("language");
  }

  @Test
  void airlines() throws Exception {
    server.enqueue(Fixtures.amadeus(200, Fixtures.read("airlines.json")));

    DataList<Airline> airlines = amadeus.execute(amadeus.api().airlines("BA,IB"));

    assertThat(apiRequest().getPath())
        .isEqualTo("/v1/reference-data/airlines?airlineCodes=BA%2CIB");
    Airline airline = airlines.data.get(0);
    assertThat(airline.type).isEqualTo("airline");
    assertThat(airline.iataCode).isEqualTo("BA");
    assertThat(airline.icaoCode).isEqualTo("BAW");
    assertThat(airline.businessName).isEqualTo("BRITISH AIRWAYS");
    assertThat(airline.commonName).isEqualTo("BRITISH A/W");
  }

  @Test
  void airlinesWithoutCodes() throws Exception {
    server.enqueue(Fixtures.amadeus(200, Fixtures.read("airlines.json")));

    amadeus.execute(amadeus.api().airlines(null));

    assertThat(apiRequest().getPath()).isEqualTo("/v1/reference-data/airlines");
  }

  @Test
  void locationsEncodesBracketedPageParameters() throws Exception {
    server.enqueue(Fixtures.amadeus(200, Fixtures.read("locations-page1.json", server)));

    DataList<Location> page = amadeus.execute(amadeus.api().locations("AIRPORT,CITY", "MUN", 1, 0));

    assertThat(apiRequest().getPath())
        .isEqualTo(
            "/v1/reference-data/locations?subType=AIRPORT%2CCITY&keyword=MUN"
                + "&page%5Blimit%5D=1&page%5Boffset%5D=0");
    Location munich = page.data.get(0);
    assertThat(munich.type).isEqualTo("location");
    assertThat(munich.subType).isEqualTo("AIRPORT");
    assertThat(munich.name).isEqualTo("MUNICH INTERNATIONAL");
    assertThat(munich.detailedName).isEqualTo("MUNICH/DE:MUNICH INTERNATIONAL");
    assertThat(munich.id).isEqualTo("AMUC");
    assertThat(munich.self.href)
        .isEqualTo("https://test.api.amadeus.com/v1/reference-data/locations/AMUC");
    assertThat(munich.self.methods).containsExactly("GET");
    assertThat(munich.timeZoneOffset).isEqualTo("+02:00");
    assertThat(munich.iataCode).isEqualTo("MUC");
    assertThat(munich.geoCode.latitude).isCloseTo(48.35378, within(1e-9));
    assertThat(munich.geoCode.longitude).isCloseTo(11.78609, within(1e-9));
    assertThat(munich.address.cityName).isEqualTo("MUNICH");
    assertThat(munich.address.cityCode).isEqualTo("MUC");
    assertThat(munich.address.countryName).isEqualTo("GERMANY");
    assertThat(munich.address.countryCode).isEqualTo("DE");
    assertThat(munich.address.regionCode).isEqualTo("EUROP");
    assertThat(munich.analytics.travelers.score).isEqualTo(27);
  }

  @Test
  void locationsWithoutPageParameters() throws Exception {
    server.enqueue(Fixtures.amadeus(200, Fixtures.read("locations-page1.json", server)));

    amadeus.execute(amadeus.api().locations("CITY", "LON", null, null));

    assertThat(apiRequest().getPath())
        .isEqualTo("/v1/reference-data/locations?subType=CITY&keyword=LON");
  }

  @Test
  void nextPageFollowsTheNextLinkAsSentAndStopsAtTheLastPage() throws Exception {
    server.enqueue(Fixtures.amadeus(200, Fixtures.read("locations-page1.json", server)));
    server.enqueue(Fixtures.amadeus(200, Fixtures.read("locations-page2.json", server)));

    DataList<Location> first = amadeus.execute(amadeus.api().locations("AIRPORT", "MUN", 1, 0));
    Call<DataList<Location>> next = amadeus.nextPage(first);
    DataList<Location> second = amadeus.execute(next);

    apiRequest(); // The first page.
    RecordedRequest request = take(server);
    assertThat(request.getPath())
        .isEqualTo(
            "/v1/reference-data/locations?subType=AIRPORT&keyword=MUN"
                + "&page%5Blimit%5D=1&page%5Boffset%5D=1");
    assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + ACCESS_TOKEN);
    assertThat(request.getHeader("Accept"))
        .isEqualTo("application/json, application/vnd.amadeus+json");
    assertThat(second.data).extracting(location -> location.iataCode).containsExactly("MUA");
    assertThat(second.data.get(0).geoCode).isNull();
    assertThat(amadeus.nextPage(second)).isNull();
  }

  @Test
  void nextPageLinkToAnotherHostIsFollowedOnTheBaseUrl() throws Exception {
    // Behind a gateway, Amadeus still writes links to its own host.
    server.enqueue(
        Fixtures.amadeus(
            200,
            Fixtures.read("locations-page1.json")
                .replace("{base}", "https://test.api.amadeus.com/")));
    server.enqueue(Fixtures.amadeus(200, Fixtures.read("locations-page2.json", server)));
    DataList<Location> first = amadeus.execute(amadeus.api().locations("AIRPORT", "MUN", 1, 0));

    DataList<Location> second = amadeus.execute(amadeus.nextPage(first));

    apiRequest(); // The first page.
    RecordedRequest request = take(server);
    assertThat(request.getRequestUrl().host()).isEqualTo(server.getHostName());
    assertThat(request.getPath())
        .isEqualTo(
            "/v1/reference-data/locations?subType=AIRPORT&keyword=MUN"
                + "&page%5Blimit%5D=1&page%5Boffset%5D=1");
    assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + ACCESS_TOKEN);
    assertThat(second.data).extracting(location -> location.iataCode).containsExactly("MUA");
  }

  @Test
  void nextPageLinkToAnotherPortOrSchemeStaysOnTheBaseUrl() throws Exception {
    String otherPort = "http://" + server.getHostName() + ":" + (server.getPort() + 1) + "/";
    server.enqueue(
        Fixtures.amadeus(200, Fixtures.read("locations-page1.json").replace("{base}", otherPort)));
    DataList<Location> first = amadeus.execute(amadeus.api().locations("AIRPORT", "MUN", 1, 0));

    assertThat(amadeus.nextPage(first).request().url().port()).isEqualTo(server.getPort());
  }

  @Test
  void parsesAmadeusMediaTypeAndPlainJsonAlike() throws Exception {
    server.enqueue(
        Fixtures.response(
            200, "application/vnd.amadeus+json; charset=utf-8", Fixtures.read("airlines.json")));
    server.enqueue(Fixtures.response(200, "application/json", Fixtures.read("airlines.json")));

    assertThat(amadeus.execute(amadeus.api().airlines("BA")).data.get(0).iataCode).isEqualTo("BA");
    assertThat(amadeus.execute(amadeus.api().airlines("BA")).data.get(0).iataCode).isEqualTo("BA");
  }

  @Test
  void asynchronousCallsAreAuthenticatedToo() throws Exception {
    server.enqueue(Fixtures.amadeus(200, Fixtures.read("airlines.json")));
    java.util.concurrent.CompletableFuture<retrofit2.Response<DataList<Airline>>> result =
        new java.util.concurrent.CompletableFuture<>();

    amadeus
        .api()
        .airlines("BA")
        .enqueue(
            new retrofit2.Callback<DataList<Airline>>() {
              @Override
              public void onResponse(
                  Call<DataList<Airline>> call, retrofit2.Response<DataList<Airline>> response) {
                result.complete(response);
              }

              @Override
              public void onFailure(Call<DataList<Airline>> call, Throwable t) {
                result.completeExceptionally(t);
              }
            });

    assertThat(result.get(10, java.util.concurrent.TimeUnit.SECONDS).body().data).hasSize(1);
    assertThat(apiRequest().getHeader("Authorization")).isEqualTo("Bearer " + ACCESS_TOKEN);
  }

  /** Returns the next API request, first taking the token request that precedes it. */
  private RecordedRequest apiRequest() throws InterruptedException {
    if (!tokenTaken) {
      tokenTaken = true;
      assertThat(take(server).getPath()).isEqualTo("/v1/security/oauth2/token");
    }
    return take(server);
  }
}
