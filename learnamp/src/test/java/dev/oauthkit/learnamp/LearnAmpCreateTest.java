/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.learnamp;

import static dev.oauthkit.learnamp.Fixtures.json;
import static dev.oauthkit.learnamp.Fixtures.take;
import static dev.oauthkit.learnamp.Fixtures.token;
import static org.assertj.core.api.Assertions.assertThat;

import dev.oauthkit.testing.TestClock;
import java.io.IOException;
import java.util.Map;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import retrofit2.Call;
import retrofit2.http.GET;
import retrofit2.http.Path;

/** A Retrofit interface the user declares, implemented by {@link LearnAmp#create}. */
class LearnAmpCreateTest {
  /** A user's own view of an endpoint: the user as a raw JSON object. */
  interface RawUsers {
    @GET("v1/users/{id}")
    Call<Map<String, Object>> user(@Path("id") long id);
  }

  private final TestClock clock = new TestClock();
  @AutoClose private final MockWebServer server = new MockWebServer();
  private LearnAmp learnAmp;

  @BeforeEach
  void setUp() throws IOException {
    learnAmp = Fixtures.learnAmp(server, clock).build();
  }

  @Test
  void aDeclaredInterfaceCarriesTheTokenAndAcceptJson() throws Exception {
    server.enqueue(token("t1"));
    server.enqueue(json(200, Fixtures.read("user.json")));

    Map<String, Object> user = learnAmp.execute(learnAmp.create(RawUsers.class).user(1));

    assertThat(user).containsEntry("email", "test@email.com");
    assertThat(take(server).getPath()).isEqualTo("/oauth/token");
    RecordedRequest request = take(server);
    assertThat(request.getPath()).isEqualTo("/v1/users/1");
    assertThat(request.getHeader("Authorization")).isEqualTo("Bearer t1");
    assertThat(request.getHeader("Accept")).isEqualTo("application/json"); // Else 406.
  }

  @Test
  void aDeclaredInterfaceRenewsTheTokenOnA401() throws Exception {
    server.enqueue(token("t1"));
    server.enqueue(json(401, "{\"error\":\"The access token expired\"}"));
    server.enqueue(token("t2"));
    server.enqueue(json(200, Fixtures.read("user.json")));

    Map<String, Object> user = learnAmp.execute(learnAmp.create(RawUsers.class).user(1));

    assertThat(user).containsKey("email");
    take(server);
    assertThat(take(server).getHeader("Authorization")).isEqualTo("Bearer t1");
    assertThat(take(server).getPath()).isEqualTo("/oauth/token");
    assertThat(take(server).getHeader("Authorization")).isEqualTo("Bearer t2");
  }
}
