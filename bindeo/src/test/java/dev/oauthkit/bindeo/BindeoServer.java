/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.bindeo;

import dev.oauthkit.testing.TestClock;
import dev.oauthkit.testing.TestHttp;
import java.nio.charset.StandardCharsets;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;

/** Scripts Bindeo's answers on a MockWebServer. Secrets are canaries that must never leak. */
final class BindeoServer {
  static final String CLIENT_ID = "client-id";
  static final String CLIENT_SECRET = "canary-client-secret-7f3a";
  static final String USERNAME = "ana@example.com";
  static final String PASSWORD = "canary-user-password-91c2";

  private BindeoServer() {}

  static MockResponse json(int code, String body) {
    return TestHttp.json(code, body);
  }

  /** A token response as Bindeo sends it for the client credentials grant. */
  static MockResponse token(String accessToken) {
    return json(
        200,
        "{\"token_type\":\"Bearer\",\"expires_in\":3600,\"access_token\":\"" + accessToken + "\"}");
  }

  /** A token response as Bindeo sends it for the password and refresh token grants. */
  static MockResponse token(String accessToken, String refreshToken) {
    return json(
        200,
        "{\"token_type\":\"Bearer\",\"expires_in\":3600,\"access_token\":\""
            + accessToken
            + "\",\"refresh_token\":\""
            + refreshToken
            + "\"}");
  }

  /** Bindeo's answer to a spent, expired or revoked refresh token (league 5.0.0-RC1). */
  static MockResponse refreshTokenInvalid(String hint) {
    return json(
        400,
        "{\"error\":\"invalid_request\",\"message\":\"The refresh token is invalid.\",\"hint\":\""
            + hint
            + "\"}");
  }

  static MockResponse invalidCredentials() {
    return json(
        401,
        "{\"error\":\"invalid_credentials\",\"message\":\"The user credentials were incorrect.\"}");
  }

  /** The resource server's answer to an expired or revoked access token. */
  static MockResponse accessDenied() {
    return json(
        401,
        "{\"error\":\"access_denied\",\"message\":\"The resource owner or authorization server"
            + " denied the request.\",\"hint\":\"Access token has been revoked\"}");
  }

  static MockResponse fixture(String name) {
    return json(200, TestHttp.resource(BindeoServer.class, name));
  }

  static RecordedRequest take(MockWebServer server) throws InterruptedException {
    return TestHttp.take(server);
  }

  static String body(RecordedRequest request) {
    return request.getBody().readString(StandardCharsets.UTF_8);
  }

  static Bindeo.Builder builder(MockWebServer server, TestClock clock) {
    return TestHttp.onServer(Bindeo.builder(), CLIENT_ID, CLIENT_SECRET, server, clock);
  }
}
