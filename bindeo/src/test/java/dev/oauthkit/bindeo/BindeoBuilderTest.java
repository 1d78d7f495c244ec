/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.bindeo;

import static dev.oauthkit.bindeo.BindeoServer.CLIENT_SECRET;
import static dev.oauthkit.bindeo.BindeoServer.PASSWORD;
import static dev.oauthkit.bindeo.BindeoServer.USERNAME;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;

class BindeoBuilderTest {
  @Test
  void defaultsToProductionWithClientCredentials() {
    Bindeo bindeo = Bindeo.builder().clientId("id").clientSecret(CLIENT_SECRET).build();

    assertThat(bindeo.baseUrl()).isEqualTo(HttpUrl.get("https://api.bindeo.com/"));
    assertThat(bindeo.tokens().grant().type()).isEqualTo("client_credentials");
    assertThat(bindeo.tokens().toString()).contains("https://api.bindeo.com/access_token");
  }

  @Test
  void clientIdAndSecretAreRequired() {
    assertThatThrownBy(() -> Bindeo.builder().clientSecret(CLIENT_SECRET).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("clientId required.");
    assertThatThrownBy(() -> Bindeo.builder().clientId("id").build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("clientSecret required.");
  }

  @Test
  void plainHttpIsRefusedExceptForLoopback() {
    assertThatThrownBy(() -> Bindeo.builder().baseUrl("http://api.bindeo.com/"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("plain http");

    Bindeo local =
        Bindeo.builder()
            .clientId("id")
            .clientSecret(CLIENT_SECRET)
            .baseUrl("http://localhost:8080/")
            .build();
    assertThat(local.baseUrl().toString()).isEqualTo("http://localhost:8080/");
  }

  @Test
  void baseUrlMustEndInASlashAndHasTheTokenEndpointBelowIt() {
    assertThatThrownBy(() -> Bindeo.builder().baseUrl("https://proxy.example.com/bindeo"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("base URL must end in /: https://proxy.example.com/...");

    Bindeo bindeo =
        Bindeo.builder()
            .clientId("id")
            .clientSecret(CLIENT_SECRET)
            .baseUrl("https://proxy.example.com/bindeo/")
            .build();

    assertThat(bindeo.tokens().toString())
        .contains("https://proxy.example.com/bindeo/access_token");
  }

  @Test
  void theProductionEnvironmentReplacesACustomBaseUrl() {
    Bindeo bindeo =
        Bindeo.builder()
            .clientId("id")
            .clientSecret(CLIENT_SECRET)
            .baseUrl("https://proxy.example.com/")
            .environment(Bindeo.Environment.PRODUCTION)
            .build();

    assertThat(bindeo.baseUrl()).isEqualTo(HttpUrl.get("https://api.bindeo.com/"));
  }

  @Test
  void descriptionsContainNoSecrets() {
    Bindeo.Builder builder =
        Bindeo.builder().clientId("id").clientSecret(CLIENT_SECRET).password(USERNAME, PASSWORD);
    Bindeo bindeo = builder.build();
    Bindeo resumed =
        Bindeo.builder()
            .clientId("id")
            .clientSecret(CLIENT_SECRET)
            .refreshToken("user@example.com", "rt-canary")
            .build();

    for (Object o : new Object[] {builder, bindeo, bindeo.tokens(), resumed, resumed.tokens()}) {
      assertThat(o.toString())
          .doesNotContain(CLIENT_SECRET)
          .doesNotContain(PASSWORD)
          .doesNotContain("rt-canary");
    }
    assertThat(bindeo.toString()).contains("password");
    assertThat(resumed.tokens().storeKey()).startsWith("bindeo:session:").matches("[a-z0-9:]+");
  }
}
