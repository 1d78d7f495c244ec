/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oauthkit.core.TokenRequestException;
import dev.oauthkit.learnamp.LearnAmp;
import dev.oauthkit.learnamp.LearnAmpException;
import dev.oauthkit.learnamp.Page;
import dev.oauthkit.learnamp.Pages;
import dev.oauthkit.learnamp.model.Item;
import dev.oauthkit.learnamp.model.Team;
import dev.oauthkit.learnamp.model.User;
import dev.oauthkit.testing.TestClock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Learn Amp sandbox, through the real Learn Amp client. */
final class LearnAmpSandboxTest {
  private static final OkHttpClient HTTP = new OkHttpClient();

  private final LearnAmpSandbox sandbox = new LearnAmpSandbox();
  private final TestClock clock = new TestClock();
  private LearnAmp learnAmp;

  @BeforeEach
  void setUp() throws Exception {
    sandbox.start();
    learnAmp =
        LearnAmp.builder()
            .clientId(Sandbox.CLIENT_ID)
            .clientSecret(Sandbox.CLIENT_SECRET)
            .baseUrl(sandbox.baseUrl())
            .client(HTTP)
            .clock(clock)
            .build();
  }

  @AfterEach
  void tearDown() throws Exception {
    sandbox.close();
  }

  @AfterAll
  static void shutDown() {
    HTTP.dispatcher().executorService().shutdown();
    HTTP.connectionPool().evictAll();
  }

  @Test
  void pagesUsersByTheTotalsInTheHeaders() throws Exception {
    Pages<User> pages = learnAmp.pages(page -> learnAmp.api().users(page, 5));
    List<String> names = new ArrayList<>();
    int count = 0;
    for (Page<User> page; (page = pages.next()) != null; ) {
      count++;
      assertThat(page.total()).isEqualTo(12);
      assertThat(page.totalPages()).isEqualTo(3);
      for (User user : page.elements()) names.add(user.firstName + " " + user.lastName);
    }

    assertThat(count).isEqualTo(3);
    assertThat(names).hasSize(12).startsWith("Ada Lovelace").endsWith("Ken Thompson");
    assertThat(sandbox.apiCalls()).isEqualTo(3);
    assertThat(sandbox.tokenRequests("client_credentials")).isEqualTo(1);
  }

  @Test
  void answersTeamsItemsAndOneUser() throws Exception {
    assertThat(learnAmp.execute(learnAmp.api().teams(null, null)).teams())
        .extracting(team -> team.name)
        .containsExactly("Engineering", "Research", "Operations");
    Team team = learnAmp.execute(learnAmp.api().teamUsers(2));
    assertThat(team.users).hasSize(5);
    assertThat(learnAmp.execute(learnAmp.api().items(1, 2)).items())
        .extracting(item -> item.title)
        .containsExactly("Activity 10", "Writing good tests");
    Item item = learnAmp.execute(learnAmp.api().item(3017));
    assertThat(item.itemType).isEqualTo("Course");
    assertThat(learnAmp.execute(learnAmp.api().user(3)).email)
        .isEqualTo("grace.hopper@example.com");
    assertThat(sandbox.tokenRequests()).isEqualTo(1);
  }

  @Test
  void unknownIdIsATypedNotFound() {
    assertThatThrownBy(() -> learnAmp.execute(learnAmp.api().user(99)))
        .isInstanceOfSatisfying(
            LearnAmpException.class,
            e -> {
              assertThat(e.code()).isEqualTo(404);
              assertThat(e.error()).isEqualTo("Not found");
            });
  }

  @Test
  void revokedTokensCostOne401AndOneNewToken() throws Exception {
    learnAmp.execute(learnAmp.api().users(null, null));
    sandbox.revokeAllTokens();

    assertThat(learnAmp.execute(learnAmp.api().users(null, null)).users()).hasSize(10);
    assertThat(sandbox.unauthorizedResponses()).isEqualTo(1);
    assertThat(sandbox.tokenRequests("client_credentials")).isEqualTo(2);
  }

  @Test
  void tokenLifetimeSetsExpiresInAndTheClientRenewsByItsClock() throws Exception {
    sandbox.tokenLifetime(90, TimeUnit.SECONDS);
    learnAmp.execute(learnAmp.api().users(null, null));
    assertThat(learnAmp.tokens().token().expiresAtMillis())
        .isEqualTo(TestClock.START_MILLIS + TimeUnit.SECONDS.toMillis(90));

    clock.advance(91, TimeUnit.SECONDS);
    learnAmp.execute(learnAmp.api().users(null, null));

    assertThat(sandbox.tokenRequests("client_credentials")).isEqualTo(2);
    assertThat(sandbox.unauthorizedResponses()).isZero();
  }

  @Test
  void rateLimitedTokenRequestIsRetried() throws Exception {
    sandbox.failNextTokenRequests(2, 429);
    learnAmp.execute(learnAmp.api().users(null, null));

    assertThat(sandbox.tokenRequests("client_credentials")).isEqualTo(3);
    assertThat(clock.sleeps).hasSize(2);
  }

  @Test
  void tokenEndpointDownIsATypedError() {
    sandbox.tokenEndpointDown(true);

    assertThatThrownBy(() -> learnAmp.execute(learnAmp.api().users(null, null)))
        .isInstanceOfSatisfying(
            TokenRequestException.class,
            e -> {
              assertThat(e.code()).isEqualTo(503);
              assertThat(e.isTransient()).isTrue();
            });
    assertThat(sandbox.tokenRequests()).isEqualTo(3);
    assertThat(sandbox.apiCalls()).isZero();
  }
}
