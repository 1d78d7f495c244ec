/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.sandbox.readme;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oauthkit.learnamp.LearnAmp;
import dev.oauthkit.learnamp.Page;
import dev.oauthkit.learnamp.Pages;
import dev.oauthkit.learnamp.model.User;
import dev.oauthkit.sandbox.LearnAmpSandbox;
import dev.oauthkit.sandbox.Sandbox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The test in learnamp's "Testing your integration", verbatim. */
final class UserSyncTest {
  private final LearnAmpSandbox sandbox = new LearnAmpSandbox();
  private LearnAmp learnAmp;

  @BeforeEach
  void setUp() throws Exception {
    sandbox.start();
    learnAmp =
        LearnAmp.builder()
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
  void readsEveryPageWithOneToken() throws Exception {
    Pages<User> pages = learnAmp.pages(page -> learnAmp.api().users(page, 5));
    int users = 0;
    for (Page<User> page; (page = pages.next()) != null; ) users += page.elements().size();

    assertThat(users).isEqualTo(12);
    assertThat(sandbox.apiCalls()).isEqualTo(3);
    assertThat(sandbox.tokenRequests("client_credentials")).isEqualTo(1);
  }

  @Test
  void recoversFromARevokedToken() throws Exception {
    learnAmp.execute(learnAmp.api().users(null, null));
    sandbox.revokeAllTokens(); // 401 {"error":"The access token was revoked"}

    assertThat(learnAmp.execute(learnAmp.api().users(null, null)).users()).hasSize(10);
    assertThat(sandbox.unauthorizedResponses()).isEqualTo(1);
    assertThat(sandbox.tokenRequests()).isEqualTo(2);
  }
}
