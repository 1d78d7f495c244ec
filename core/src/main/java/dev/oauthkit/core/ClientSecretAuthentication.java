/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.core;

/**
 * The client secret methods: {@link ClientAuthentication#BASIC}, {@link
 * ClientAuthentication#BASIC_UNENCODED} and {@link ClientAuthentication#REQUEST_BODY}.
 */
final class ClientSecretAuthentication implements ClientAuthentication {
  private final String name;

  ClientSecretAuthentication(String name) {
    this.name = name;
  }

  /** Returns true for the Basic methods, which cannot work without a client secret. */
  boolean requiresSecret() {
    return !name.equals("REQUEST_BODY");
  }

  @Override
  public void authenticate(TokenRequest request) {
    String clientId = request.endpoint().clientId();
    String secret = request.clientSecret();
    if (!requiresSecret()) {
      request.addField("client_id", clientId);
      if (secret != null) request.addSecretField("client_secret", secret);
      return;
    }
    if (secret == null) throw new AssertionError(); // Checked by TokenEndpoint.Builder.build().
    boolean formUrlEncode = name.equals("BASIC");
    request.header(
        "Authorization", OAuth2TokenSource.basicCredentials(clientId, secret, formUrlEncode));
  }

  @Override
  public String toString() {
    return name;
  }
}
