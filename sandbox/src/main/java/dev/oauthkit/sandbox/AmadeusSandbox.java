/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.sandbox;

import static dev.oauthkit.sandbox.internal.HttpMessages.formBody;
import static dev.oauthkit.sandbox.internal.HttpMessages.join;
import static dev.oauthkit.sandbox.internal.HttpMessages.json;
import static dev.oauthkit.sandbox.internal.HttpMessages.path;
import static dev.oauthkit.sandbox.internal.HttpMessages.query;
import static dev.oauthkit.sandbox.internal.HttpMessages.quote;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import okhttp3.HttpUrl;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import org.jspecify.annotations.Nullable;

/**
 * A stand-in for Amadeus for Developers (Self-Service, test environment), for {@code
 * dev.oauthkit.amadeus.Amadeus}.
 *
 * <pre>{@code
 * try (AmadeusSandbox sandbox = new AmadeusSandbox()) {
 *   sandbox.start();
 *   Amadeus amadeus = Amadeus.builder()
 *       .clientId(Sandbox.CLIENT_ID)
 *       .clientSecret(Sandbox.CLIENT_SECRET)
 *       .baseUrl(sandbox.baseUrl())
 *       .build();
 *   DataList<CheckinLink> links = amadeus.execute(amadeus.api().checkinLinks("BA", null));
 * }
 * }</pre>
 *
 * <p><b>Token endpoint.</b> {@code POST /v1/security/oauth2/token} reads only an {@code
 * application/x-www-form-urlencoded} body with {@code grant_type=client_credentials}, {@code
 * client_id} and {@code client_secret}; any other content type leaves the body unread, so it fails
 * as a missing grant type. It answers Amadeus' token object; tokens live 30 seconds unless {@link
 * #tokenLifetime} says otherwise. Errors are Amadeus' flat objects: 400 {@code
 * unsupported_grant_type} (also for {@code refresh_token}: Amadeus issues no refresh tokens) and
 * 401 {@code invalid_client}, both code 38187. A {@linkplain #failNextTokenRequests failed} token
 * request gets the gateway's {@code errors[]}: 429 code 38194 "Too many requests", a 5xx code 38189
 * "Internal error".
 *
 * <p><b>API</b> (answers {@code application/vnd.amadeus+json}):
 *
 * <ul>
 *   <li>{@code GET /v2/reference-data/urls/checkin-links?airlineCode=…&language=…}: links for BA
 *       (the API's documented example), IB and LH (illustrative); other airlines get an empty list,
 *       a missing {@code airlineCode} 400 code 32171.
 *   <li>{@code GET /v1/reference-data/airlines?airlineCodes=…}: BA, IB, LH, AF and AA.
 *   <li>{@code GET /v1/reference-data/locations?subType=…&keyword=…&page[limit]=…&page[offset]=…}:
 *       airports and cities whose name, city or IATA code starts with the keyword ({@code LON}
 *       matches 12), 10 per page by default, with {@code meta.count} and absolute {@code
 *       meta.links} ({@code next} only when a page follows).
 * </ul>
 *
 * <p>A missing or malformed {@code Authorization} header gets 401 code 38191, an unknown token
 * 38190, an expired one 38192 and a {@linkplain #revokeAllTokens revoked} one 38193, with {@code
 * code} and {@code status} as strings, as the gateway sends them. Rate limits are enforced only on
 * request, with {@link #failNextTokenRequests}.
 */
public final class AmadeusSandbox extends Sandbox {
  static final String TOKEN_PATH = "/v1/security/oauth2/token";

  private static final String VND_JSON = "application/vnd.amadeus+json";
  private static final int DEFAULT_PAGE_LIMIT = 10;

  /** {id, href, channel} rows by airline and language. */
  private static final String[][] IB_EN = {
    {"IBEN-GBWeb", "https://www.iberia.com/gb/online-checkin/", "Web"},
    {"IBEN-GBMobile", "https://www.iberia.com/gb/online-checkin/?channel=mobile", "Mobile"}
  };

  private static final String[][] IB_ES = {
    {"IBES-ESWeb", "https://www.iberia.com/es/check-in-online/", "Web"},
    {"IBES-ESMobile", "https://www.iberia.com/es/check-in-online/?channel=mobile", "Mobile"}
  };

  private static final String[][] BA = {
    {
      "BAEN-GBMobile",
      "https://www.britishairways.com/travel/olcilandingpageauthreq/public/en_gb/device-mobile",
      "Mobile"
    },
    {
      "BAEN-GBWeb",
      "https://www.britishairways.com/travel/olcilandingpageauthreq/public/en_gb",
      "Web"
    }
  };

  private static final String[][] LH = {
    {"LHEN-GBAll", "https://www.lufthansa.com/gb/en/online-check-in", "All"}
  };

  /** {iataCode, icaoCode, businessName, commonName}. */
  private static final String[][] AIRLINES = {
    {"BA", "BAW", "BRITISH AIRWAYS", "BRITISH A/W"},
    {"IB", "IBE", "IBERIA", "IBERIA"},
    {"LH", "DLH", "LUFTHANSA", "LUFTHANSA"},
    {"AF", "AFR", "AIR FRANCE", "AIRFRANS"},
    {"AA", "AAL", "AMERICAN AIRLINES", "AMERICAN AIRLINES"}
  };

  /**
   * One location a row: subType|iataCode|name|cityName|cityCode|countryName|countryCode|regionCode|
   * timeZoneOffset|latitude|longitude|score.
   */
  private static final String[] LOCATIONS = {
    "CITY|LON|LONDON|LONDON|LON|UNITED KINGDOM|GB|EUROP|+00:00|51.50|-0.12|100",
    "AIRPORT|LHR|HEATHROW|LONDON|LON|UNITED KINGDOM|GB|EUROP|+00:00|51.47|-0.45|98",
    "AIRPORT|LGW|GATWICK|LONDON|LON|UNITED KINGDOM|GB|EUROP|+00:00|51.15|-0.18|60",
    "AIRPORT|STN|STANSTED|LONDON|LON|UNITED KINGDOM|GB|EUROP|+00:00|51.88|0.23|35",
    "AIRPORT|LTN|LUTON|LONDON|LON|UNITED KINGDOM|GB|EUROP|+00:00|51.87|-0.36|21",
    "AIRPORT|LCY|LONDON CITY|LONDON|LON|UNITED KINGDOM|GB|EUROP|+00:00|51.50|0.05|15",
    "AIRPORT|SEN|SOUTHEND|LONDON|LON|UNITED KINGDOM|GB|EUROP|+00:00|51.57|0.69|4",
    "AIRPORT|LDY|CITY OF DERRY|LONDONDERRY|LDY|UNITED KINGDOM|GB|EUROP|+00:00|55.04|-7.16|2",
    "CITY|LGB|LONG BEACH|LONG BEACH|LGB|UNITED STATES OF AMERICA|US|NAMER|-08:00|33.77|-118.19|9",
    "AIRPORT|LGB|LONG BEACH|LONG BEACH|LGB|UNITED STATES OF AMERICA|US|NAMER|-08:00|33.81|-118.15|8",
    "AIRPORT|GGG|EAST TEXAS REGIONAL|LONGVIEW|GGG|UNITED STATES OF AMERICA|US|NAMER|-06:00|32.38|-94.71|1",
    "AIRPORT|ISP|LONG ISLAND MAC ARTHUR|ISLIP|ISP|UNITED STATES OF AMERICA|US|NAMER|-05:00|40.79|-73.10|5",
    "CITY|MUC|MUNICH|MUNICH|MUC|GERMANY|DE|EUROP|+01:00|48.14|11.58|27",
    "AIRPORT|MUC|MUNICH INTERNATIONAL|MUNICH|MUC|GERMANY|DE|EUROP|+01:00|48.35|11.79|27",
    "CITY|MAD|MADRID|MADRID|MAD|SPAIN|ES|EUROP|+01:00|40.42|-3.70|40",
    "AIRPORT|MAD|ADOLFO SUAREZ BARAJAS|MADRID|MAD|SPAIN|ES|EUROP|+01:00|40.47|-3.56|40",
    "AIRPORT|BLR|KEMPEGOWDA INTL|BENGALURU|BLR|INDIA|IN|ASIA|+05:30|13.20|77.71|12"
  };

  /** Creates a sandbox whose tokens live 30 seconds; call {@link #start()} before use. */
  public AmadeusSandbox() {
    super(TOKEN_PATH, 30);
  }

  @Override
  @Nullable String grantType(RecordedRequest request) {
    return formBody(request).get("grant_type");
  }

  @Override
  MockResponse token(RecordedRequest request, @Nullable String grantType) {
    Map<String, String> form = formBody(request);
    if (!"client_credentials".equals(grantType)) {
      return json(
          400,
          "{\"error\":\"unsupported_grant_type\",\"error_description\":\"Only client_credentials"
              + " value is allowed for the body parameter grant_type\",\"code\":38187,"
              + "\"title\":\"Invalid parameters\"}");
    }
    if (!CLIENT_ID.equals(form.get("client_id"))
        || !CLIENT_SECRET.equals(form.get("client_secret"))) {
      return json(
          401,
          "{\"error\":\"invalid_client\",\"error_description\":\"Client credentials are"
              + " invalid\",\"code\":38187,\"title\":\"Invalid parameters\"}");
    }
    return json(
        200,
        "{\"type\":\"amadeusOAuth2Token\",\"username\":\"sandbox@example.com\","
            + "\"application_name\":\"oauthkit-sandbox\",\"client_id\":\""
            + CLIENT_ID
            + "\",\"token_type\":\"Bearer\",\"access_token\":\""
            + tokens.issueAccessToken(tokenLifetimeMillis())
            + "\",\"expires_in\":"
            + expiresInSeconds()
            + ",\"state\":\"approved\",\"scope\":\"\"}");
  }

  @Override
  MockResponse tokenFailure(int code) {
    if (code == 429) {
      return errors(
          429,
          "38194",
          "Too many requests",
          "The network rate limit is exceeded, please try again later");
    }
    return errors(
        code,
        "38189",
        "Internal error",
        "An internal error occurred, please contact your administrator");
  }

  @Override
  MockResponse api(RecordedRequest request) {
    String path = path(request);
    boolean get = "GET".equals(request.getMethod());
    MockResponse denied = checkToken(request);
    if (denied != null) return denied;
    if (get && path.equals("/v2/reference-data/urls/checkin-links")) return checkinLinks(request);
    if (get && path.equals("/v1/reference-data/airlines")) return airlines(request);
    if (get && path.equals("/v1/reference-data/locations")) return locations(request);
    return errors(404, "38196", "Resource not found", "The targeted resource doesn't exist");
  }

  private @Nullable MockResponse checkToken(RecordedRequest request) {
    switch (tokens.check(request.getHeader("Authorization"))) {
      case MISSING:
        return errors(
            401,
            "38191",
            "Invalid HTTP header",
            "Missing or invalid format for mandatory Authorization header");
      case UNKNOWN:
        return errors(
            401,
            "38190",
            "Invalid access token",
            "The access token provided in the Authorization header is invalid");
      case EXPIRED:
        return errors(
            401,
            "38192",
            "Access token expired",
            "The access token provided in the Authorization header is expired");
      case REVOKED:
        return errors(
            401,
            "38193",
            "Access token revoked",
            "The access token provided in the Authorization header is revoked");
      default:
        return null;
    }
  }

  private static MockResponse checkinLinks(RecordedRequest request) {
    String airline = query(request, "airlineCode");
    if (airline == null || airline.isEmpty()) return missing("airlineCode", "BA");
    String language = query(request, "language");
    boolean spanish = language != null && language.toLowerCase(Locale.ROOT).startsWith("es");
    String[][] links;
    switch (airline.toUpperCase(Locale.ROOT)) {
      case "IB":
        links = spanish ? IB_ES : IB_EN; // Other languages fall back to en-GB, as the API's do.
        break;
      case "BA":
        links = BA;
        break;
      case "LH":
        links = LH;
        break;
      default:
        links = new String[0][];
    }
    List<String> data = new ArrayList<>();
    for (String[] link : links) {
      data.add(
          "{\"type\":\"checkin-link\",\"id\":\""
              + link[0]
              + "\",\"href\":\""
              + link[1]
              + "\",\"channel\":\""
              + link[2]
              + "\"}");
    }
    return list(request, data.size(), data, "");
  }

  private static MockResponse airlines(RecordedRequest request) {
    String codes = query(request, "airlineCodes");
    List<String> data = new ArrayList<>();
    for (String[] airline : AIRLINES) {
      if (codes != null && !contains(codes.split(",", -1), airline[0], airline[1])) continue;
      data.add(
          "{\"type\":\"airline\",\"iataCode\":\""
              + airline[0]
              + "\",\"icaoCode\":\""
              + airline[1]
              + "\",\"businessName\":\""
              + airline[2]
              + "\",\"commonName\":\""
              + airline[3]
              + "\"}");
    }
    return list(request, data.size(), data, "");
  }

  private MockResponse locations(RecordedRequest request) {
    String subType = query(request, "subType");
    if (subType == null || subType.isEmpty()) return missing("subType", "AIRPORT,CITY");
    String keyword = query(request, "keyword");
    if (keyword == null || keyword.isEmpty()) return missing("keyword", "MUC");
    int limit = pageParameter(request, "page[limit]", DEFAULT_PAGE_LIMIT);
    int offset = pageParameter(request, "page[offset]", 0);
    if (limit < 1 || offset < 0) {
      return vnd(
          400,
          "{\"errors\":[{\"status\":400,\"code\":477,\"title\":\"INVALID FORMAT\","
              + "\"detail\":\"invalid query parameter format\","
              + "\"source\":{\"parameter\":\""
              + (limit < 1 ? "page[limit]" : "page[offset]")
              + "\",\"example\":\"10\"}}]}");
    }
    String[] subTypes = subType.toUpperCase(Locale.ROOT).split(",", -1);
    String prefix = keyword.toUpperCase(Locale.ROOT);
    List<String> matches = new ArrayList<>();
    HttpUrl baseUrl = baseUrl();
    for (String row : LOCATIONS) {
      String[] location = row.split("\\|", -1);
      if (!contains(subTypes, location[0], location[0])) continue;
      if (!location[1].startsWith(prefix)
          && !location[2].startsWith(prefix)
          && !location[3].startsWith(prefix)) {
        continue;
      }
      matches.add(location(baseUrl, location));
    }
    List<String> page =
        matches.subList(Math.min(offset, matches.size()), Math.min(offset + limit, matches.size()));
    StringBuilder links = new StringBuilder();
    HttpUrl url = request.getRequestUrl();
    if (url != null) {
      int lastOffset = matches.isEmpty() ? 0 : (matches.size() - 1) / limit * limit;
      links.append(",\"first\":").append(quote(pageUrl(url, 0).toString()));
      if (offset + limit < matches.size()) {
        links.append(",\"next\":").append(quote(pageUrl(url, offset + limit).toString()));
      }
      if (offset > 0) {
        int previous = Math.max(0, offset - limit);
        links.append(",\"previous\":").append(quote(pageUrl(url, previous).toString()));
      }
      links.append(",\"last\":").append(quote(pageUrl(url, lastOffset).toString()));
    }
    return list(request, matches.size(), page, links.toString());
  }

  private static String location(HttpUrl baseUrl, String[] l) {
    String id = (l[0].equals("CITY") ? "C" : "A") + l[1];
    return "{\"type\":\"location\",\"subType\":\""
        + l[0]
        + "\",\"name\":\""
        + l[2]
        + "\",\"detailedName\":\""
        + l[3]
        + "/"
        + l[6]
        + ":"
        + l[2]
        + "\",\"id\":\""
        + id
        + "\",\"self\":{\"href\":"
        + quote(baseUrl.resolve("v1/reference-data/locations/" + id).toString())
        + ",\"methods\":[\"GET\"]},\"timeZoneOffset\":\""
        + l[8]
        + "\",\"iataCode\":\""
        + l[1]
        + "\",\"geoCode\":{\"latitude\":"
        + l[9]
        + ",\"longitude\":"
        + l[10]
        + "},\"address\":{\"cityName\":\""
        + l[3]
        + "\",\"cityCode\":\""
        + l[4]
        + "\",\"countryName\":\""
        + l[5]
        + "\",\"countryCode\":\""
        + l[6]
        + "\",\"regionCode\":\""
        + l[7]
        + "\"},\"analytics\":{\"travelers\":{\"score\":"
        + l[11]
        + "}}}";
  }

  private static HttpUrl pageUrl(HttpUrl url, int offset) {
    return url.newBuilder().setQueryParameter("page[offset]", Integer.toString(offset)).build();
  }

  /** Returns a page parameter: {@code defaultValue} if absent, -1 if not a number. */
  private static int pageParameter(RecordedRequest request, String name, int defaultValue) {
    String value = query(request, name);
    if (value == null || value.isEmpty()) return defaultValue;
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static boolean contains(String[] values, String one, String other) {
    for (String value : values) {
      String trimmed = value.trim().toUpperCase(Locale.ROOT);
      if (trimmed.equals(one) || trimmed.equals(other)) return true;
    }
    return false;
  }

  /** An Amadeus collection: {@code meta.count}, {@code meta.links} and {@code data}. */
  private static MockResponse list(
      RecordedRequest request, int count, List<String> data, String moreLinks) {
    HttpUrl url = request.getRequestUrl();
    return vnd(
        200,
        "{\"meta\":{\"count\":"
            + count
            + ",\"links\":{\"self\":"
            + quote(url != null ? url.toString() : "")
            + moreLinks
            + "}},\"data\":["
            + join(data)
            + "]}");
  }

  private static MockResponse missing(String parameter, String example) {
    return vnd(
        400,
        "{\"errors\":[{\"status\":400,\"code\":32171,\"title\":\"MANDATORY DATA MISSING\","
            + "\"detail\":\"Missing mandatory query parameter\","
            + "\"source\":{\"parameter\":\""
            + parameter
            + "\",\"example\":\""
            + example
            + "\"}}]}");
  }

  /** A gateway error: {@code code} and {@code status} are strings here. */
  private static MockResponse errors(int status, String code, String title, String detail) {
    return vnd(
        status,
        "{\"errors\":[{\"code\":\""
            + code
            + "\",\"title\":\""
            + title
            + "\",\"detail\":\""
            + detail
            + "\",\"status\":\""
            + status
            + "\"}]}");
  }

  private static MockResponse vnd(int code, String body) {
    return new MockResponse()
        .setResponseCode(code)
        .setHeader("Content-Type", VND_JSON)
        .setBody(body);
  }
}
