/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.samples.sandbox;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import okhttp3.HttpUrl;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import org.jspecify.annotations.Nullable;

/**
 * Amadeus for Developers (Self-Service), test environment.
 *
 * <p>{@code POST /v1/security/oauth2/token} reads only an {@code application/x-www-form-urlencoded}
 * body with {@code grant_type=client_credentials}, {@code client_id} and {@code client_secret} (any
 * other content type leaves the body unread, so it fails as a missing grant type), and answers
 * Amadeus' token object with a 30-second {@code expires_in}. Token errors are Amadeus' flat
 * objects: 400 {@code unsupported_grant_type} and 401 {@code invalid_client}, both code 38187.
 *
 * <p>{@code GET /v2/reference-data/urls/checkin-links?airlineCode=…&language=…} answers {@code
 * application/vnd.amadeus+json} for a few airlines; an expired or unknown token gets 401 code
 * 38190, a missing or malformed {@code Authorization} header 38191, a missing {@code airlineCode}
 * 400 code 32171. BA's links are the API's documented example; IB's and LH's are illustrative, and
 * other airlines get an empty list. Rate limits are not enforced.
 */
public final class AmadeusSandbox extends Sandbox {
  static final String TOKEN_PATH = "/v1/security/oauth2/token";
  static final String CHECKIN_LINKS_PATH = "/v2/reference-data/urls/checkin-links";

  public final SandboxTokens tokens;

  public AmadeusSandbox() {
    this(30, TimeUnit.SECONDS);
  }

  public AmadeusSandbox(long tokenLifetime, TimeUnit unit) {
    this.tokens = new SandboxTokens(tokenLifetime, unit);
  }

  @Override
  protected MockResponse dispatch(RecordedRequest request) {
    String path = path(request);
    String method = request.getMethod();
    if (path.equals(TOKEN_PATH) && "POST".equals(method)) return token(request);
    if (path.equals(CHECKIN_LINKS_PATH) && "GET".equals(method)) return checkinLinks(request);
    return errors(404, "38196", "Resource not found", "The targeted resource doesn't exist");
  }

  private MockResponse token(RecordedRequest request) {
    Map<String, String> form = formBody(request);
    if (!"client_credentials".equals(form.get("grant_type"))) {
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
            + "\"application_name\":\"oauthkit-samples\",\"client_id\":\""
            + CLIENT_ID
            + "\",\"token_type\":\"Bearer\",\"access_token\":\""
            + tokens.issueAccessToken()
            + "\",\"expires_in\":"
            + tokens.lifetimeSeconds()
            + ",\"state\":\"approved\",\"scope\":\"\"}");
  }

  private MockResponse checkinLinks(RecordedRequest request) {
    switch (tokens.check(request.getHeader("Authorization"))) {
      case MISSING:
        return errors(
            401,
            "38191",
            "Invalid HTTP header",
            "Missing or invalid format for mandatory Authorization header");
      case UNKNOWN:
      case EXPIRED:
        return errors(
            401,
            "38190",
            "Invalid access token",
            "The access token provided in the" + " Authorization header is invalid");
      case VALID:
        break;
    }
    HttpUrl url = request.getRequestUrl();
    String airline = url != null ? url.queryParameter("airlineCode") : null;
    if (airline == null || airline.isEmpty()) {
      return vnd(
          400,
          "{\"errors\":[{\"status\":400,\"code\":32171,\"title\":\"MANDATORY DATA MISSING\","
              + "\"detail\":\"Missing mandatory query parameter\","
              + "\"source\":{\"parameter\":\"airlineCode\",\"example\":\"BA\"}}]}");
    }
    String language = url.queryParameter("language");
    String self = url.toString();
    String[][] links = links(airline.toUpperCase(java.util.Locale.ROOT), language);
    StringBuilder data = new StringBuilder();
    for (String[] link : links) {
      if (data.length() > 0) data.append(',');
      data.append("{\"type\":\"checkin-link\",\"id\":\"")
          .append(link[0])
          .append("\",\"href\":\"")
          .append(link[1])
          .append("\",\"channel\":\"")
          .append(link[2])
          .append("\"}");
    }
    return vnd(
        200,
        "{\"meta\":{\"count\":"
            + links.length
            + ",\"links\":{\"self\":\""
            + self
            + "\"}},\"data\":["
            + data
            + "]}");
  }

  /** Returns {id, href, channel} rows; the language falls back to en-GB, as the API's does. */
  private static String[][] links(String airline, @Nullable String language) {
    boolean spanish =
        language != null && language.toLowerCase(java.util.Locale.ROOT).startsWith("es");
    switch (airline) {
      case "IB":
        if (spanish) {
          return new String[][] {
            {"IBES-ESWeb", "https://www.iberia.com/es/check-in-online/", "Web"},
            {"IBES-ESMobile", "https://www.iberia.com/es/check-in-online/?channel=mobile", "Mobile"}
          };
        }
        return new String[][] {
          {"IBEN-GBWeb", "https://www.iberia.com/gb/online-checkin/", "Web"},
          {"IBEN-GBMobile", "https://www.iberia.com/gb/online-checkin/?channel=mobile", "Mobile"}
        };
      case "BA":
        return new String[][] {
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
      case "LH":
        return new String[][] {
          {"LHEN-GBAll", "https://www.lufthansa.com/gb/en/online-check-in", "All"}
        };
      default:
        return new String[0][];
    }
  }

  /** An Amadeus gateway error: {@code code} and {@code status} are strings here. */
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
        .setHeader("Content-Type", "application/vnd.amadeus+json")
        .setBody(body);
  }
}
