/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.sandbox.readme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oauthkit.amadeus.Amadeus;
import dev.oauthkit.amadeus.model.CheckinLink;
import dev.oauthkit.amadeus.model.DataList;
import dev.oauthkit.core.TokenRequestException;
import dev.oauthkit.sandbox.AmadeusSandbox;
import dev.oauthkit.sandbox.Sandbox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The test in amadeus's "Testing your integration", verbatim. */
final class CheckinLinksTest {
  private final AmadeusSandbox sandbox = new AmadeusSandbox();
  private Amadeus amadeus;

  @BeforeEach
  void setUp() throws Exception {
    sandbox.start();
    amadeus =
        Amadeus.builder()
            .clientId(Sandbox.CLIENT_ID)
            .clientSecret(Sandbox.CLIENT_SECRET)
            .baseUrl(sandbox.baseUrl())
            .build();
  }

  @AfterEach
  void tearDown() throws Exception {
    sandbox.close();
  }

  @Test
  void renewsARevokedToken() throws Exception {
    amadeus.execute(amadeus.api().checkinLinks("BA", null));
    sandbox.revokeAllTokens(); // Amadeus' 401, code 38193, for every token issued so far.

    DataList<CheckinLink> links = amadeus.execute(amadeus.api().checkinLinks("BA", null));

    assertThat(links.data).extracting(link -> link.channel).containsExactly("Mobile", "Web");
    assertThat(sandbox.unauthorizedResponses()).isEqualTo(1);
    assertThat(sandbox.tokenRequests("client_credentials")).isEqualTo(2);
  }

  @Test
  void reportsARateLimitThatOutlastsTheRetries() {
    sandbox.failNextTokenRequests(3, 429); // 429 code 38194, no Retry-After.

    assertThatThrownBy(() -> amadeus.execute(amadeus.api().checkinLinks("BA", null)))
        .isInstanceOfSatisfying(
            TokenRequestException.class, e -> assertThat(e.code()).isEqualTo(429));
    assertThat(sandbox.tokenRequests()).isEqualTo(3);
  }
}
