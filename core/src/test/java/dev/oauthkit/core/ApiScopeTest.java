/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Collections;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which URLs may carry the token: the path forms {@link ApiScope} accepts and refuses. */
class ApiScopeTest {
  private static final TokenEndpoint ENDPOINT =
      new TokenEndpoint.Builder()
          .url("https://auth.example.com/oauth/token")
          .clientId("client")
          .clientSecret("secret")
          .build();

  private final ApiScope scope =
      new ApiScope(
          Arrays.asList(
              HttpUrl.get("https://api.example.com/v1/"), HttpUrl.get("https://auth.example.com/")),
          ENDPOINT);

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://api.example.com/v1/",
        "https://api.example.com/v1/things",
        "https://api.example.com/v1/things/42?q=a%2Fb",
        "https://api.example.com/v1//things",
        "https://api.example.com/v1/a%20b",
        "https://api.example.com/v1/caf%C3%A9",
        "https://api.example.com/v1/100%25",
        "https://api.example.com/v1/...",
        "https://api.example.com/v1/.well-known",
        "https://api.example.com/v1/a;b=c",
        "https://api.example.com/v1/x/../y",
        "https://auth.example.com/userinfo",
        "https://auth.example.com/oauth/token/revoke",
      })
  void allowedUrls(String url) {
    assertThat(scope.allows(HttpUrl.get(url))).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        // Not under a base URL, as HttpUrl resolves the path.
        "https://api.example.com/v1",
        "https://api.example.com/v10/things",
        "https://api.example.com/admin",
        "https://api.example.com/v1/../admin",
        "https://api.example.com/v1/%2e%2e/admin",
        "https://api.example.com/v1/%2E%2E/admin",
        "https://api.example.com/v1/.%2e/admin",
        "https://api.example.com/v1\\..\\admin",
        "https://api.example.com/v1/x/..\\..\\..\\admin",
        "https://api.example.com/%76%31/things",
        "http://api.example.com/v1/things",
        "https://api.example.com:8443/v1/things",
        "https://other.example.com/v1/things",
        // Encoded separators: a server that decodes them leaves the base path.
        "https://api.example.com/v1/..%2Fadmin",
        "https://api.example.com/v1/..%2fadmin",
        "https://api.example.com/v1/%2e%2e%2fadmin",
        "https://api.example.com/v1/a%2Fb",
        "https://api.example.com/v1/..%5Cadmin",
        "https://api.example.com/v1/..%5cadmin",
        "https://api.example.com/v1/a%5Cb",
        // Dot segments that survive HttpUrl: with parameters, encoded twice.
        "https://api.example.com/v1/..;/admin",
        "https://api.example.com/v1/..;x=1/admin",
        "https://api.example.com/v1/.;/x",
        "https://api.example.com/v1/%252e%252e/admin",
        "https://api.example.com/v1/%252E%252E%252Fadmin",
        "https://api.example.com/v1/..%252Fadmin",
        "https://api.example.com/v1/%25252e%25252e/admin",
        // Control characters and bytes that are not UTF-8 (overlong '.').
        "https://api.example.com/v1/..%00/admin",
        "https://api.example.com/v1/x%0Ay",
        "https://api.example.com/v1/%C0%AE%C0%AE/admin",
        // The token endpoint, however a lenient server spells it.
        "https://auth.example.com/oauth/token",
        "https://auth.example.com/oauth/token?x=1",
        "https://auth.example.com/oauth/token/",
        "https://auth.example.com/OAuth/TOKEN",
        "https://auth.example.com//oauth//token",
        "https://auth.example.com/oauth/token;jsessionid=1",
        "https://auth.example.com/oauth/%74oken",
        "https://auth.example.com./oauth/token",
      })
  void refusedUrls(String url) {
    assertThat(scope.allows(HttpUrl.get(url))).isFalse();
  }

  @Test
  void tokenEndpointIsOutOfScopeEvenUnderABaseUrl() {
    ApiScope under =
        new ApiScope(
            Collections.singletonList(HttpUrl.get("https://auth.example.com/oauth/")), ENDPOINT);

    assertThat(under.allows(HttpUrl.get("https://auth.example.com/oauth/authorize"))).isTrue();
    assertThat(under.allows(HttpUrl.get("https://auth.example.com/oauth/token"))).isFalse();
  }

  @Test
  void tokenEndpointOnAnotherSchemeOrPortIsAnotherUrl() {
    ApiScope plain =
        new ApiScope(
            Arrays.asList(
                HttpUrl.get("http://auth.example.com/"),
                HttpUrl.get("https://auth.example.com:8443/")),
            ENDPOINT);

    assertThat(plain.isTokenEndpoint(HttpUrl.get("http://auth.example.com:443/oauth/token")))
        .isFalse();
    assertThat(plain.allows(HttpUrl.get("https://auth.example.com:8443/oauth/token"))).isTrue();
  }

  @Test
  void withoutTokenEndpointOnlyTheBaseUrlsCount() {
    ApiScope custom =
        new ApiScope(Collections.singletonList(HttpUrl.get("https://api.example.com/")), null);

    assertThat(custom.allows(HttpUrl.get("https://api.example.com/oauth/token"))).isTrue();
    assertThat(custom.allows(HttpUrl.get("https://api.example.com/..%2F"))).isFalse();
  }

  @Test
  void isUnderComparesWholeSegments() {
    assertThat(ApiScope.isUnder("/api", "/api")).isTrue();
    assertThat(ApiScope.isUnder("/api/x", "/api")).isTrue();
    assertThat(ApiScope.isUnder("/apix", "/api")).isFalse();
    assertThat(ApiScope.isUnder("/api/x", "/api/")).isTrue();
    assertThat(ApiScope.isUnder("/api", "/api/")).isFalse();
  }

  /**
   * allows() finds the path in the URL's string, without HttpUrl.encodedPath(): the same bounds.
   */
  /**
   * The fast path of {@link ApiScope#allows} skips the per-segment check only for paths without
   * {@code %}, {@code ;} or {@code .}: every path the check refuses has one of them, whether the
   * URL was parsed or built segment by segment from any character.
   */
  @Test
  void everyAmbiguousPathIsCheckedSegmentBySegment() {
    java.util.List<HttpUrl> urls = new java.util.ArrayList<>();
    for (String url :
        new String[] {
          "https://api.example.com/v1/a%2Fb",
          "https://api.example.com/v1/a%5Cb",
          "https://api.example.com/v1/%2e%2e/x",
          "https://api.example.com/v1/..;/x",
          "https://api.example.com/v1/.;x/y",
          "https://api.example.com/v1/%00",
          "https://api.example.com/v1/%C0%AE%C0%AE/x",
          "https://api.example.com/v1/%252e%252e/x",
          "https://api.example.com/v1/a\\b",
        }) {
      urls.add(HttpUrl.get(url));
    }
    HttpUrl base = HttpUrl.get("https://api.example.com/v1/");
    for (char c = 0; c < 0x300; c++) {
      urls.add(base.newBuilder().addPathSegment("a" + c + "b").build());
      urls.add(base.newBuilder().addPathSegment(String.valueOf(c)).addPathSegment("x").build());
      urls.add(base.newBuilder().addPathSegment(c + "" + c).build());
      urls.add(base.newBuilder().addEncodedPathSegment("a" + c + "b").build());
    }
    urls.add(base.newBuilder().addPathSegment("\ud83d\ude00").build());
    urls.add(base.newBuilder().addPathSegment("\ufffd").build());
    int ambiguous = 0;
    for (HttpUrl url : urls) {
      if (!ApiScope.isAmbiguous(url) && url.toString().indexOf('\\') < 0) continue;
      ambiguous++;
      String string = url.toString();
      int pathStart = string.indexOf('/', url.scheme().length() + 3);
      int pathEnd = ApiScope.pathEnd(string, pathStart);
      boolean backslash = string.substring(pathStart, pathEnd).indexOf('\\') >= 0;
      assertThat(backslash || ApiScope.needsSegmentCheck(string, pathStart, pathEnd))
          .as(string)
          .isTrue();
    }
    assertThat(ambiguous).isGreaterThan(30); // The check above checked something.
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://api.example.com",
        "https://api.example.com/",
        "https://api.example.com:8443/v1/things?q=1#f",
        "https://api.example.com/v1/things#f?not-a-query",
        "https://api.example.com/v1/things?q=/v1/#x",
        "https://user:p%40ss@api.example.com/v1/a%2Fb;x=1",
        "http://[::1]:8080/v1?",
        "https://api.example.com/v1#",
      })
  void pathBoundsAreOkHttpsEncodedPath(String url) {
    HttpUrl parsed = HttpUrl.get(url);
    String string = parsed.toString();
    int pathStart = string.indexOf('/', parsed.scheme().length() + 3);
    int pathEnd = ApiScope.pathEnd(string, pathStart);
    assertThat(string.substring(pathStart, pathEnd)).isEqualTo(parsed.encodedPath());
  }

  @Test
  void isUnderAPathInsideAUrlStopsAtItsEnd() {
    String url = "https://api.example.com/api?x=/api/";
    int pathStart = url.indexOf('/', "https://".length());
    int pathEnd = url.indexOf('?');
    assertThat(ApiScope.isUnder(url, pathStart, pathEnd, "/api")).isTrue();
    assertThat(ApiScope.isUnder(url, pathStart, pathEnd, "/api/")).isFalse();
    assertThat(ApiScope.isUnder(url, pathStart, pathEnd, "/api?x")).isFalse();
    assertThat(ApiScope.isUnder(url, pathStart, pathEnd, "/ap")).isFalse();
  }
}
