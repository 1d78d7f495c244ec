/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.example.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oauthkit.amadeus.Amadeus;
import dev.oauthkit.amadeus.AmadeusException;
import dev.oauthkit.amadeus.model.CheckinLink;
import dev.oauthkit.amadeus.model.DataList;
import dev.oauthkit.bindeo.Bindeo;
import dev.oauthkit.bindeo.model.Identity;
import dev.oauthkit.bindeo.model.Resource;
import dev.oauthkit.learnamp.LearnAmp;
import dev.oauthkit.learnamp.Page;
import dev.oauthkit.learnamp.model.User;
import dev.oauthkit.sandbox.AmadeusSandbox;
import dev.oauthkit.sandbox.BindeoSandbox;
import dev.oauthkit.sandbox.LearnAmpSandbox;
import dev.oauthkit.sandbox.Sandbox;
import java.util.List;
import org.junit.jupiter.api.Test;
import retrofit2.Call;
import retrofit2.http.GET;
import retrofit2.http.Query;

/**
 * Every provider against its sandbox, with whatever Retrofit, OkHttp and Moshi this consumer
 * project resolved: the three token encodings (Amadeus form, Learn Amp multipart, Bindeo JSON), an
 * API call each, a typed error, a 401 renewal and a user's own Retrofit interface.
 */
class ProvidersTest {
  /** A user's own interface for an Amadeus endpoint, through {@code create()}. */
  interface CheckinLinksApi {
    @GET("v2/reference-data/urls/checkin-links")
    Call<DataList<CheckinLink>> links(@Query("airlineCode") String airlineCode);
  }

  @Test
  void amadeusFormEncodedToken() throws Exception {
    try (AmadeusSandbox sandbox = new AmadeusSandbox()) {
      sandbox.start();
      Amadeus amadeus =
          Amadeus.builder()
              .clientId(Sandbox.CLIENT_ID)
              .clientSecret(Sandbox.CLIENT_SECRET)
              .baseUrl(sandbox.baseUrl())
              .build();

      DataList<CheckinLink> links = amadeus.execute(amadeus.api().checkinLinks("IB", "es-ES"));
      assertThat(links.data).extracting(link -> link.channel).containsExactly("Web", "Mobile");
      assertThat(links.data.get(0).href).startsWith("https://www.iberia.com/es/");

      DataList<CheckinLink> own =
          amadeus.execute(amadeus.create(CheckinLinksApi.class).links("LH"));
      assertThat(own.data).extracting(link -> link.id).containsExactly("LHEN-GBAll");

      // A typed error: no airline code is Amadeus' 400 code 32171.
      assertThatThrownBy(() -> amadeus.execute(amadeus.api().checkinLinks("", null)))
          .isInstanceOfSatisfying(
              AmadeusException.class,
              e -> {
                assertThat(e.code()).isEqualTo(400);
                assertThat(e.hasErrorCode("32171")).isTrue();
              });

      assertThat(sandbox.tokenRequests()).isEqualTo(1);
      assertThat(sandbox.tokenRequests("client_credentials")).isEqualTo(1);
      assertThat(sandbox.apiCalls()).isEqualTo(3);
    }
  }

  @Test
  void learnAmpMultipartToken() throws Exception {
    try (LearnAmpSandbox sandbox = new LearnAmpSandbox()) {
      sandbox.start();
      LearnAmp learnAmp =
          LearnAmp.builder()
              .clientId(Sandbox.CLIENT_ID)
              .clientSecret(Sandbox.CLIENT_SECRET)
              .baseUrl(sandbox.baseUrl())
              .build();

      Page<User> first = learnAmp.page(learnAmp.api().users(1, null));
      assertThat(first.elements()).hasSize(10);
      assertThat(first.elements().get(0).firstName).isEqualTo("Ada");
      assertThat(first.total()).isEqualTo(12);
      assertThat(first.totalPages()).isEqualTo(2);
      assertThat(first.hasNext()).isTrue();

      Page<User> second = learnAmp.page(learnAmp.api().users(2, null));
      assertThat(second.elements()).extracting(user -> user.lastName).endsWith("Thompson");
      assertThat(second.hasNext()).isFalse();

      assertThat(sandbox.tokenRequests("client_credentials")).isEqualTo(1);
      assertThat(sandbox.apiCalls()).isEqualTo(2);
    }
  }

  @Test
  void bindeoJsonTokenAndRefreshToken() throws Exception {
    try (BindeoSandbox sandbox = new BindeoSandbox()) {
      sandbox.start();
      Bindeo bindeo =
          Bindeo.builder()
              .clientId(Sandbox.CLIENT_ID)
              .clientSecret(Sandbox.CLIENT_SECRET)
              .password(BindeoSandbox.USERNAME, BindeoSandbox.PASSWORD)
              .baseUrl(sandbox.baseUrl())
              .build();

      List<Resource<Identity>> identities = bindeo.execute(bindeo.api().identities()).data;
      assertThat(identities).hasSize(1);
      assertThat(identities.get(0).attributes.value).isEqualTo(BindeoSandbox.USERNAME);

      // Revoked tokens: the 401 renews the token with the refresh token (a JSON request too).
      sandbox.revokeAllTokens();
      List<Resource<Identity>> again = bindeo.execute(bindeo.api().identities()).data;
      assertThat(again.get(0).attributes.value).isEqualTo(BindeoSandbox.USERNAME);

      assertThat(sandbox.tokenRequests("password")).isEqualTo(1);
      assertThat(sandbox.tokenRequests("refresh_token")).isEqualTo(1);
      assertThat(sandbox.unauthorizedResponses()).isEqualTo(1);
      assertThat(sandbox.apiCalls()).isEqualTo(3);
    }
  }
}
