/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.bindeo;

import static dev.oauthkit.bindeo.BindeoServer.take;
import static org.assertj.core.api.Assertions.assertThat;

import dev.oauthkit.bindeo.model.ResourceList;
import dev.oauthkit.testing.TestClock;
import java.io.IOException;
import java.util.Map;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import retrofit2.Call;
import retrofit2.http.GET;
import retrofit2.http.Query;

/**
 * Bindeo endpoints {@link BindeoApi} does not wrap, declared by the user and {@link
 * Bindeo#create}d.
 */
class BindeoCreateTest {
  /** The bulk types and the password mail, as a user declares them. */
  interface Unwrapped {
    @GET("bulk/types")
    Call<ResourceList<Map<String, Object>>> bulkTypes();

    @GET("account/password")
    Call<Void> sendPasswordMail(@Query("email") String email);
  }

  private static final String BULK_TYPES =
      "{\"data\":[{\"type\":\"bulk_type\",\"attributes\":{\"name\":\"Audit Book\"}}],"
          + "\"total_pages\":1}";

  private final TestClock clock = new TestClock();
  @AutoClose private final MockWebServer server = new MockWebServer();
  private Bindeo bindeo;
  private Unwrapped unwrapped;

  @BeforeEach
  void setUp() throws IOException {
    bindeo = BindeoServer.builder(server, clock).build();
    unwrapped = bindeo.create(Unwrapped.class);
  }

  @Test
  void aDeclaredCallWithABodyIsExecutedWithTheToken() throws Exception {
    server.enqueue(BindeoServer.token("access-1"));
    server.enqueue(BindeoServer.json(200, BULK_TYPES));

    ResourceList<Map<String, Object>> types = bindeo.execute(unwrapped.bulkTypes());

    assertThat(types.data).hasSize(1);
    assertThat(types.data.get(0).attributes).containsEntry("name", "Audit Book");
    take(server);
    RecordedRequest request = take(server);
    assertThat(request.getPath()).isEqualTo("/bulk/types");
    assertThat(request.getHeader("Authorization")).isEqualTo("Bearer access-1");
  }

  @Test
  void aDeclaredCallWithoutABodyIsSentAndRenewedOnA401() throws Exception {
    server.enqueue(BindeoServer.token("access-1"));
    server.enqueue(BindeoServer.accessDenied());
    server.enqueue(BindeoServer.token("access-2"));
    server.enqueue(new MockResponse().setResponseCode(204));

    bindeo.send(unwrapped.sendPasswordMail("ana@example.com"));

    take(server);
    assertThat(take(server).getHeader("Authorization")).isEqualTo("Bearer access-1");
    assertThat(take(server).getPath()).isEqualTo("/access_token");
    RecordedRequest retried = take(server);
    assertThat(retried.getPath()).isEqualTo("/account/password?email=ana%40example.com");
    assertThat(retried.getHeader("Authorization")).isEqualTo("Bearer access-2");
  }
}
