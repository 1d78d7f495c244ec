/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.retrofit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.squareup.moshi.Moshi;
import dev.oauthkit.core.ApiException;
import dev.oauthkit.core.ClientAuthentication;
import dev.oauthkit.core.ErrorBody;
import dev.oauthkit.core.Grant;
import dev.oauthkit.core.ProviderBuilder;
import dev.oauthkit.core.ProviderConfig;
import dev.oauthkit.core.TokenAuthenticator;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import retrofit2.Call;
import retrofit2.http.DELETE;
import retrofit2.http.GET;

/** The provider contract, kept once for every provider by {@link ProviderClient}. */
class ProviderClientTest {
  private static final Moshi MOSHI = new Moshi.Builder().build();

  /** A Retrofit interface as a provider, or a user, declares one. */
  interface ThingApi {
    @GET("v1/thing")
    Call<Thing> thing();

    @GET("v1/thing")
    @retrofit2.http.Headers("Accept: text/plain")
    Call<Thing> thingAsText();

    @DELETE("v1/thing")
    Call<Void> delete();
  }

  static final class Thing {
    @Nullable String name;
  }

  enum Environment {
    PRODUCTION
  }

  static final class TestException extends ApiException {
    private static final long serialVersionUID = 1L;

    TestException(ErrorBody errorBody) {
      super(
          errorBody,
          ErrorBody.string(
              errorBody.jsonObject() != null ? errorBody.jsonObject().get("error") : null));
    }
  }

  static final class TestClient extends ProviderClient {
    TestClient(ProviderConfig config) {
      super(
          config,
          config
              .tokenManager(
                  config
                      .tokenEndpoint("oauth/token")
                      .clientAuthentication(ClientAuthentication.REQUEST_BODY)
                      .build(),
                  Grant.clientCredentials())
              .build(),
          TokenAuthenticator.RenewalPolicy.ALWAYS,
          Headers.of("Accept", "application/json"),
          MOSHI);
    }

    @Override
    protected ApiException exception(ErrorBody errorBody) {
      return new TestException(errorBody);
    }
  }

  static final class Builder extends ProviderBuilder<Builder, Environment> {
    Builder() {
      super(Environment.PRODUCTION, environment -> HttpUrl.get("https://api.example.com/"));
    }

    TestClient build() {
      return new TestClient(config());
    }
  }

  @AutoClose private final MockWebServer server = new MockWebServer();
  private TestClient client;
  private ThingApi api;

  @BeforeEach
  void setUp() throws IOException {
    client =
        new Builder().clientId("id").clientSecret("secret-canary").baseUrl(server.url("/")).build();
    api = client.create(ThingApi.class);
  }

  @Test
  void executeReturnsTheBodyOfACallWithTheTokenAndTheDefaultHeaders() throws Exception {
    server.enqueue(token("A"));
    server.enqueue(json(200, "{\"name\":\"one\"}"));

    Thing thing = client.execute(api.thing());

    assertThat(thing.name).isEqualTo("one");
    assertThat(take().getPath()).isEqualTo("/oauth/token");
    RecordedRequest request = take();
    assertThat(request.getPath()).isEqualTo("/v1/thing");
    assertThat(request.getHeader("Authorization")).isEqualTo("Bearer A");
    assertThat(request.getHeader("Accept")).isEqualTo("application/json");
  }

  @Test
  void aHeaderTheCallSetsWinsOverTheDefault() throws Exception {
    server.enqueue(token("A"));
    server.enqueue(json(200, "{\"name\":\"one\"}"));

    client.execute(api.thingAsText());

    take();
    assertThat(take().getHeaders().values("Accept")).containsExactly("text/plain");
  }

  @Test
  void executeThrowsTheProvidersExceptionForAnErrorStatus() throws Exception {
    server.enqueue(token("A"));
    server.enqueue(json(429, "{\"error\":\"slow down\"}").setHeader("Retry-After", "3"));

    assertThatThrownBy(() -> client.execute(api.thing()))
        .isInstanceOfSatisfying(
            TestException.class,
            e -> {
              assertThat(e).hasMessage("HTTP 429 slow down");
              assertThat(e.isRateLimited()).isTrue();
              assertThat(e.retryAfterMillis()).isEqualTo(3000L);
            });
    assertThat(server.getRequestCount()).isEqualTo(2); // A 429 is not retried.
  }

  @Test
  void executeRefusesA2xxWithoutABody() throws Exception {
    server.enqueue(token("A"));
    server.enqueue(new MockResponse().setResponseCode(204));

    assertThatThrownBy(() -> client.execute(api.thing()))
        .isInstanceOf(IOException.class)
        .isNotInstanceOf(ApiException.class)
        .hasMessageStartingWith("HTTP 204 without a body");
  }

  @Test
  void executeRefusesACallVoidBeforeSendingIt() throws Exception {
    assertThatThrownBy(() -> client.execute(api.delete()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("use send(call)");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void sendReturnsOnNoContent() throws Exception {
    server.enqueue(token("A"));
    server.enqueue(new MockResponse().setResponseCode(204));

    client.send(api.delete());

    take();
    RecordedRequest request = take();
    assertThat(request.getMethod()).isEqualTo("DELETE");
    assertThat(request.getHeader("Authorization")).isEqualTo("Bearer A");
  }

  @Test
  void sendThrowsTheProvidersExceptionForAnErrorStatus() throws Exception {
    server.enqueue(token("A"));
    server.enqueue(json(409, "{\"error\":\"Element does not exist\"}"));

    assertThatThrownBy(() -> client.send(api.delete()))
        .isInstanceOf(TestException.class)
        .hasMessage("HTTP 409 Element does not exist");
  }

  @Test
  void aCreatedInterfaceRenewsTheTokenOnA401AndRetriesOnce() throws Exception {
    server.enqueue(token("A"));
    server.enqueue(json(401, "{\"error\":\"expired\"}"));
    server.enqueue(token("B"));
    server.enqueue(json(200, "{\"name\":\"two\"}"));

    Thing thing = client.execute(api.thing());

    assertThat(thing.name).isEqualTo("two");
    take();
    assertThat(take().getHeader("Authorization")).isEqualTo("Bearer A");
    assertThat(take().getPath()).isEqualTo("/oauth/token");
    assertThat(take().getHeader("Authorization")).isEqualTo("Bearer B");
  }

  @Test
  void descriptionNamesTheClientAndNoSecret() {
    assertThat(client.toString())
        .isEqualTo(
            "TestClient{baseUrl=" + server.url("/").redact() + ", Grant{client_credentials}}")
        .doesNotContain("secret-canary");
  }

  private RecordedRequest take() throws InterruptedException {
    RecordedRequest request = server.takeRequest(10, TimeUnit.SECONDS);
    if (request == null) throw new AssertionError("no request within 10 s");
    return request;
  }

  private static MockResponse token(String accessToken) {
    return json(
        200,
        "{\"access_token\":\"" + accessToken + "\",\"token_type\":\"Bearer\",\"expires_in\":3600}");
  }

  private static MockResponse json(int code, String body) {
    return new MockResponse()
        .setResponseCode(code)
        .setHeader("Content-Type", "application/json")
        .setBody(body);
  }
}
