/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.learnamp;

import static dev.oauthkit.learnamp.Fixtures.json;
import static dev.oauthkit.learnamp.Fixtures.take;
import static dev.oauthkit.learnamp.Fixtures.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oauthkit.learnamp.model.Learnlist;
import dev.oauthkit.testing.TestClock;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Paging: the totals in the response headers, and walking all pages. */
class PagesTest {
  private final TestClock clock = new TestClock();
  @AutoClose private final MockWebServer server = new MockWebServer();
  private LearnAmp learnAmp;

  @BeforeEach
  void setUp() throws IOException {
    server.enqueue(token("t1"));
    learnAmp = Fixtures.learnAmp(server, clock).build();
  }

  /** A learnlists page with the ids {@code ids}. */
  private static MockResponse learnlists(long... ids) {
    StringBuilder body = new StringBuilder("{\"learnlists\":[");
    for (int i = 0; i < ids.length; i++) {
      if (i > 0) body.append(',');
      body.append("{\"id\":").append(ids[i]).append(",\"name\":\"L").append(ids[i]).append("\"}");
    }
    return json(200, body.append("]}").toString());
  }

  private static MockResponse withTotals(MockResponse response, String total, String totalPages) {
    response.setHeader("Total", total).setHeader("Per-Page", "2");
    return totalPages != null ? response.setHeader("Total-Pages", totalPages) : response;
  }

  /** Walks all pages and returns the ids, in order. */
  private List<Long> walk(Pages<Learnlist> pages) throws IOException {
    List<Long> ids = new ArrayList<>();
    for (Page<Learnlist> page; (page = pages.next()) != null; ) {
      for (Learnlist learnlist : page.elements()) ids.add(learnlist.id);
    }
    return ids;
  }

  /** Returns the paths of the API requests made so far, skipping the token request. */
  private List<String> apiPaths() throws InterruptedException {
    List<String> paths = new ArrayList<>();
    for (int i = 0, count = server.getRequestCount(); i < count; i++) {
      String path = take(server).getPath();
      if (!path.equals("/oauth/token")) paths.add(path);
    }
    return paths;
  }

  @Test
  void walksUntilTotalPages() throws Exception {
    server.enqueue(withTotals(learnlists(1, 2), "5", "3"));
    server.enqueue(withTotals(learnlists(3, 4), "5", "3"));
    server.enqueue(withTotals(learnlists(5), "5", "3"));
    Pages<Learnlist> pages = learnAmp.pages(page -> learnAmp.api().learnlists(page, 2));

    assertThat(walk(pages)).containsExactly(1L, 2L, 3L, 4L, 5L);
    assertThat(pages.next()).isNull(); // Still done; nothing more is fetched.

    assertThat(apiPaths())
        .containsExactly(
            "/v1/learnlists?page=1&perPage=2",
            "/v1/learnlists?page=2&perPage=2",
            "/v1/learnlists?page=3&perPage=2");
  }

  @Test
  void computesTotalPagesFromTotalAndPerPageWhenTheHeaderIsMissing() throws Exception {
    server.enqueue(withTotals(learnlists(1, 2), "3", null));
    server.enqueue(withTotals(learnlists(3), "3", null));
    Pages<Learnlist> pages = learnAmp.pages(page -> learnAmp.api().learnlists(page, 2));

    Page<Learnlist> first = pages.next();
    assertThat(first.totalPages()).isEqualTo(2);
    assertThat(first.total()).isEqualTo(3L);
    assertThat(first.hasNext()).isTrue();
    Page<Learnlist> second = pages.next();
    assertThat(second.number()).isEqualTo(2);
    assertThat(second.hasNext()).isFalse();
    assertThat(pages.next()).isNull();
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  @Test
  void withoutHeadersStopsAfterAShortPage() throws Exception {
    server.enqueue(learnlists(1, 2));
    server.enqueue(learnlists(3));
    Pages<Learnlist> pages = learnAmp.pages(page -> learnAmp.api().learnlists(page, 2));

    Page<Learnlist> first = pages.next();
    assertThat(first.total()).isEqualTo(-1L);
    assertThat(first.totalPages()).isEqualTo(-1);
    assertThat(first.perPage()).isEqualTo(2); // From the request.
    assertThat(walk(pages)).containsExactly(3L);
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  @Test
  void withoutHeadersStopsAtAnEmptyPage() throws Exception {
    server.enqueue(learnlists(1, 2));
    server.enqueue(learnlists());
    Pages<Learnlist> pages = learnAmp.pages(page -> learnAmp.api().learnlists(page, null));

    assertThat(walk(pages)).containsExactly(1L, 2L);
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  @Test
  void unreadableHeadersAreUnknown() throws Exception {
    server.enqueue(
        learnlists(1)
            .setHeader("Total", "many")
            .setHeader("Per-Page", "-3")
            .setHeader("Total-Pages", "99999999999"));

    Page<Learnlist> page = learnAmp.page(learnAmp.api().learnlists(null, null));

    assertThat(page.number()).isEqualTo(1);
    assertThat(page.total()).isEqualTo(-1L);
    assertThat(page.perPage()).isEqualTo(-1);
    assertThat(page.totalPages()).isEqualTo(-1);
    assertThat(page.hasNext()).isTrue(); // Not empty, size unknown: assume another page.
  }

  @Test
  void anErrorPageThrowsAndTheNextCallRetriesIt() throws Exception {
    server.enqueue(withTotals(learnlists(1, 2), "3", "2"));
    server.enqueue(json(503, "{\"error\":\"Service Unavailable\"}"));
    server.enqueue(withTotals(learnlists(3), "3", "2"));
    Pages<Learnlist> pages = learnAmp.pages(page -> learnAmp.api().learnlists(page, 2));

    assertThat(pages.next().number()).isEqualTo(1);
    assertThatThrownBy(pages::next)
        .isInstanceOfSatisfying(LearnAmpException.class, e -> assertThat(e.code()).isEqualTo(503));
    assertThat(pages.next().number()).isEqualTo(2);
    assertThat(pages.next()).isNull();
    assertThat(apiPaths())
        .containsExactly(
            "/v1/learnlists?page=1&perPage=2",
            "/v1/learnlists?page=2&perPage=2",
            "/v1/learnlists?page=2&perPage=2");
  }

  @Test
  void aPageCallThatIgnoresThePageNumberFailsInsteadOfLooping() throws Exception {
    server.enqueue(withTotals(learnlists(1, 2), "4", "2"));
    server.enqueue(withTotals(learnlists(1, 2), "4", "2"));
    Pages<Learnlist> pages = learnAmp.pages(page -> learnAmp.api().learnlists(1, 2));

    pages.next();
    assertThatThrownBy(pages::next)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("the call for page 2 requested page 1");
  }
}
