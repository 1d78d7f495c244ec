/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.learnamp;

import static dev.oauthkit.learnamp.Fixtures.json;
import static dev.oauthkit.learnamp.Fixtures.read;
import static dev.oauthkit.learnamp.Fixtures.take;
import static dev.oauthkit.learnamp.Fixtures.token;
import static org.assertj.core.api.Assertions.assertThat;

import dev.oauthkit.learnamp.model.Item;
import dev.oauthkit.learnamp.model.ItemList;
import dev.oauthkit.learnamp.model.Learnlist;
import dev.oauthkit.learnamp.model.LearnlistContent;
import dev.oauthkit.learnamp.model.LearnlistContentList;
import dev.oauthkit.learnamp.model.LearnlistList;
import dev.oauthkit.learnamp.model.Team;
import dev.oauthkit.learnamp.model.TeamList;
import dev.oauthkit.learnamp.model.User;
import dev.oauthkit.testing.TestClock;
import java.io.IOException;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The exact API requests and the recorded responses parsed into models. */
class LearnAmpApiTest {
  private final TestClock clock = new TestClock();
  @AutoClose private final MockWebServer server = new MockWebServer();
  private LearnAmp learnAmp;
  private LearnAmpApi api;

  @BeforeEach
  void setUp() throws IOException {
    server.enqueue(token("t1"));
    learnAmp = Fixtures.learnAmp(server, clock).build();
    api = learnAmp.api();
  }

  /** Returns the next API request, skipping the token request that precedes the first. */
  private RecordedRequest takeApi() throws InterruptedException {
    RecordedRequest request = take(server);
    if (request.getPath().equals("/oauth/token")) request = take(server);
    assertThat(request.getMethod()).isEqualTo("GET");
    assertThat(request.getHeader("Authorization")).isEqualTo("Bearer t1");
    assertThat(request.getHeader("Accept")).isEqualTo("application/json");
    return request;
  }

  @Test
  void usersSendsFiltersWithEncodedBracketsAndRepeatsStatus() throws Exception {
    server.enqueue(json(200, read("users.json")));
    Map<String, String> filters = new LinkedHashMap<>();
    filters.put("filters[email]", "test@email.com");
    filters.put("filters[created_at][from]", "2021-12-31");

    learnAmp.execute(api.users(filters, Arrays.asList("confirmed", "deactivated"), true, 2, 50));

    assertThat(takeApi().getPath())
        .isEqualTo(
            "/v1/users?filters%5Bemail%5D=test%40email.com"
                + "&filters%5Bcreated_at%5D%5Bfrom%5D=2021-12-31"
                + "&filters%5Bstatus%5D%5B%5D=confirmed"
                + "&filters%5Bstatus%5D%5B%5D=deactivated"
                + "&expanded=true&page=2&perPage=50");
  }

  @Test
  void usersLeavesOutParametersThatAreNull() throws Exception {
    server.enqueue(json(200, read("users.json")));

    learnAmp.execute(api.users(null, null));
    server.enqueue(json(200, read("users.json")));
    learnAmp.execute(
        api.users(
            Collections.<String, String>emptyMap(),
            Collections.<String>emptyList(),
            null,
            1,
            null));

    assertThat(takeApi().getPath()).isEqualTo("/v1/users");
    assertThat(takeApi().getPath()).isEqualTo("/v1/users?page=1");
  }

  @Test
  void usersParsesTheRecordedResponseAndPagingHeaders() throws Exception {
    server.enqueue(
        json(200, read("users.json"))
            .setHeader("Total", "1032")
            .setHeader("Per-Page", "10")
            .setHeader("Total-Pages", "104"));

    Page<User> page = learnAmp.page(api.users(3, 10));

    assertThat(page.number()).isEqualTo(3);
    assertThat(page.total()).isEqualTo(1032L);
    assertThat(page.perPage()).isEqualTo(10);
    assertThat(page.totalPages()).isEqualTo(104);
    assertThat(page.hasNext()).isTrue();
    User user = page.elements().get(0);
    assertThat(user.id).isEqualTo(1L);
    assertThat(user.firstName).isEqualTo("Test");
    assertThat(user.lastName).isEqualTo("User");
    assertThat(user.jobTitle).isEqualTo("Developer");
    assertThat(user.email).isEqualTo("test@email.com");
    assertThat(user.timeZone).isEqualTo("London");
    assertThat(user.language).isEqualTo("en");
    assertThat(user.role).isEqualTo("viewer");
    assertThat(user.integrationExternalId).isEqualTo("EPOS-12345");
    assertThat(user.hireDate).isEqualTo("2021-01-15");
    assertThat(user.profileUrl).isEqualTo("https://testaccount.learnamp.com/en/users/1");
    assertThat(user.status.status).isEqualTo("Confirmed");
    assertThat(user.status.time).isEqualTo("On 29 Nov 16");
    assertThat(user.manager).isNull();
    assertThat(takeApi().getPath()).isEqualTo("/v1/users?page=3&perPage=10");
  }

  @Test
  void userParsesTheExpandedDetails() throws Exception {
    server.enqueue(json(200, read("user.json")));

    User user = learnAmp.execute(api.user(1));

    assertThat(takeApi().getPath()).isEqualTo("/v1/users/1");
    assertThat(user.avatar).startsWith("https://res.cloudinary.com/");
    assertThat(user.location).isEqualTo("London, UK");
    assertThat(user.department).isEqualTo("Marketing");
    assertThat(user.manager.id).isEqualTo(17L);
    assertThat(user.manager.role).isEqualTo("admin");
    assertThat(user.primaryTeam.id).isEqualTo(15L);
    assertThat(user.primaryTeam.name).isEqualTo("Operations");
    assertThat(user.primaryTeam.teamUsersCount).isEqualTo(1);
    assertThat(user.primaryTeam.apiTeamUsersPath).isEqualTo("/v1/teams/15/users.json");
    assertThat(user.primaryTeam.manager.email).isEqualTo("test2@email.com");
    assertThat(user.secondaryTeams).isEmpty();
  }

  @Test
  void teamsSendsFiltersAndParsesTheRecordedResponse() throws Exception {
    server.enqueue(json(200, read("teams.json")));
    Map<String, String> filters = new LinkedHashMap<>();
    filters.put("filters[name]", "Test Team");
    filters.put("filters[tags]", "developers,product");

    TeamList teams = learnAmp.execute(api.teams(filters, 1, 20));

    assertThat(takeApi().getPath())
        .isEqualTo(
            "/v1/teams?filters%5Bname%5D=Test%20Team&filters%5Btags%5D=developers%2Cproduct"
                + "&page=1&perPage=20");
    Team team = teams.teams().get(0);
    assertThat(team.id).isEqualTo(379L);
    assertThat(team.name).isEqualTo("Test Team");
    assertThat(team.teamUsersCount).isEqualTo(2);
    assertThat(team.parentTeamId).isEqualTo(123L);
    assertThat(team.manager.firstName).isEqualTo("Test");
    assertThat(team.manager.status.status).isEqualTo("Invite pending");
    assertThat(team.secondaryManagers).extracting(u -> u.id).containsExactly(8L);
    assertThat(teams.elements()).isEqualTo(teams.teams());
  }

  @Test
  void teamParsesUsersSubTeamsParentAndTags() throws Exception {
    server.enqueue(json(200, read("team.json")));

    Team team = learnAmp.execute(api.team(383));

    assertThat(takeApi().getPath()).isEqualTo("/v1/teams/383");
    assertThat(team.users).extracting(u -> u.id).containsExactly(1186L, 1281L);
    assertThat(team.subTeams).hasSize(1);
    assertThat(team.subTeams.get(0).parentTeamId).isEqualTo(383L);
    assertThat(team.subTeams.get(0).manager).isNull();
    assertThat(team.parentTeam.id).isEqualTo(1L);
    assertThat(team.parentTeam.parentTeamId).isNull();
    assertThat(team.tags).containsExactly("example team tag 1", "example team tag 2");
  }

  @Test
  void teamUsersRequestsTheTeamsUsersPath() throws Exception {
    server.enqueue(json(200, read("team.json")));

    Team team = learnAmp.execute(api.teamUsers(383));

    assertThat(takeApi().getPath()).isEqualTo("/v1/teams/383/users");
    assertThat(team.users).hasSize(2);
  }

  @Test
  void itemsParsesNullShortDescriptionAndNullAddedById() throws Exception {
    server.enqueue(json(200, read("items.json")));

    ItemList items = learnAmp.execute(api.items(1, 2));

    assertThat(takeApi().getPath()).isEqualTo("/v1/items?page=1&perPage=2");
    Item first = items.items().get(0);
    assertThat(first.id).isEqualTo(3015L);
    assertThat(first.title).isEqualTo("Activity 10");
    assertThat(first.shortDescription).isNull();
    assertThat(first.itemType).isEqualTo("Video");
    assertThat(first.itemCategory).isEqualTo("Audio/Visual");
    assertThat(first.itemUrl).endsWith("/en/items/activity-10");
    assertThat(first.createdAt).isEqualTo("2021-03-02T11:09:35Z");
    assertThat(first.addedBy.id).isEqualTo(1L);
    assertThat(first.tags).containsExactly("marketing", "video");
    assertThat(items.items().get(1).addedBy.id).isNull();
  }

  @Test
  void itemParsesTheRecordedDetails() throws Exception {
    server.enqueue(json(200, read("item.json")));

    Item item = learnAmp.execute(api.item(3015));

    assertThat(takeApi().getPath()).isEqualTo("/v1/items/3015");
    assertThat(item.url).isEqualTo("https://www.youtube.com/watch?v=8Sj2tbh-ozE");
    assertThat(item.description).isEqualTo("<p>Testing Youtube video</p>");
    assertThat(item.slug).isEqualTo("marketing-101");
    assertThat(item.sourceType).isNull();
    assertThat(item.updatedAt).isEqualTo("2021-03-02T12:24:02Z");
    assertThat(item.addedBy.email).isEqualTo("test@example.com");
    assertThat(item.visibility).isEqualTo("Entire Company");
    assertThat(item.totalTime).isEqualTo("< 10 mins");
    assertThat(item.skills).containsExactly("marketing", "video");
  }

  @Test
  void learnlistsAndLearnlistParse() throws Exception {
    server.enqueue(json(200, read("learnlists.json")));
    server.enqueue(json(200, read("learnlist.json")));

    LearnlistList list = learnAmp.execute(api.learnlists(null, 25));
    Learnlist learnlist = learnAmp.execute(api.learnlist(379));

    assertThat(takeApi().getPath()).isEqualTo("/v1/learnlists?perPage=25");
    assertThat(takeApi().getPath()).isEqualTo("/v1/learnlists/379");
    assertThat(list.learnlists()).extracting(l -> l.name).containsExactly("Test learnlist");
    assertThat(learnlist.id).isEqualTo(379L);
    assertThat(learnlist.description).isEqualTo("This is the learnlist description");
  }

  @Test
  void learnlistContentsParseTypesAndNullContributor() throws Exception {
    server.enqueue(json(200, read("learnlist_contents.json")));

    LearnlistContentList contents = learnAmp.execute(api.learnlistContents(379, 1, 10));

    assertThat(takeApi().getPath()).isEqualTo("/v1/learnlists/379/contents?page=1&perPage=10");
    assertThat(contents.contents())
        .extracting(c -> c.type)
        .containsExactly("Item", "Quiz", "Event");
    LearnlistContent first = contents.contents().get(0);
    assertThat(first.id).isEqualTo(1180L);
    assertThat(first.displayType).isEqualTo("Item");
    assertThat(first.totalTimeEstimate).isEqualTo("< 5 mins");
    assertThat(first.url).endsWith("/en/items/intro-to-onboarding");
    assertThat(first.addedBy.id).isEqualTo(1L);
    LearnlistContent event = contents.contents().get(2);
    assertThat(event.shortDescription).isNull();
    assertThat(event.addedBy.id).isNull();
  }

  @Test
  void numbersSentAsStringsAreAccepted() throws Exception {
    server.enqueue(json(200, "{\"id\":\"379\",\"name\":42,\"description\":null}"));

    Learnlist learnlist = learnAmp.execute(api.learnlist(379));

    assertThat(learnlist.id).isEqualTo(379L);
    assertThat(learnlist.name).isEqualTo("42");
    assertThat(learnlist.description).isNull();
  }

  @Test
  void listWithoutItsArrayIsEmpty() throws Exception {
    server.enqueue(json(200, "{}"));

    ItemList items = learnAmp.execute(api.items(null, null));

    assertThat(items.items()).isEmpty();
    assertThat(items.elements()).isEmpty();
  }
}
