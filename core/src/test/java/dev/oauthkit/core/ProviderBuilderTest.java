/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

class ProviderBuilderTest {
  private static final String SECRET = "client-secret-canary";

  enum Environment {
    PRODUCTION,
    SANDBOX
  }

  /** A provider's builder: its setters return it. */
  static final class TestBuilder extends ProviderBuilder<TestBuilder, Environment> {
    TestBuilder() {
      super(
          Environment.PRODUCTION,
          environment ->
              HttpUrl.get(
                  environment == Environment.SANDBOX
                      ? "https://sandbox.example.com/"
                      : "https://api.example.com/"));
    }

    TestBuilder extra() {
      return this;
    }

    ProviderConfig build() {
      return config();
    }
  }

  @Test
  void settersChainWithTheProvidersBuilderType() {
    OkHttpClient client = new OkHttpClient();
    TokenStore store = TokenStore.inMemory();

    ProviderConfig config =
        new TestBuilder()
            .clientId("id")
            .clientSecret(SECRET)
            .client(client)
            .tokenStore(store)
            .tokenListener(TokenListener.NONE)
            .clock(Clock.SYSTEM)
            .baseUrl("https://gateway.example.com/api/")
            .extra()
            .build();

    assertThat(config.clientId()).isEqualTo("id");
    assertThat(config.tokenStore()).isSameAs(store);
    assertThat(config.clock()).isSameAs(Clock.SYSTEM);
    assertThat(config.baseUrl()).hasToString("https://gateway.example.com/api/");
    assertThat(config.toString()).contains("id").doesNotContain(SECRET);
  }

  @Test
  void defaults() {
    TestBuilder builder = new TestBuilder().clientId("id").clientSecret(SECRET);
    ProviderConfig first = builder.build();
    ProviderConfig second = builder.build();

    assertThat(first.baseUrl()).hasToString("https://api.example.com/");
    assertThat(first.clock()).isSameAs(Clock.SYSTEM);
    assertThat(first.tokenStore()).isNotSameAs(second.tokenStore()); // A new one per client.
  }

  @Test
  void credentialsAreRequired() {
    assertThatThrownBy(() -> new TestBuilder().clientSecret(SECRET).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("clientId required.");
    assertThatThrownBy(() -> new TestBuilder().clientId("id").build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("clientSecret required.");
    assertThatThrownBy(() -> new TestBuilder().clientId(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("clientId == null");
  }

  @Test
  void environmentOrBaseUrlWhicheverIsSetLast() {
    TestBuilder builder = new TestBuilder().clientId("id").clientSecret(SECRET);

    assertThat(builder.environment(Environment.SANDBOX).build().baseUrl())
        .hasToString("https://sandbox.example.com/");
    assertThat(builder.baseUrl("https://gateway.example.com/").build().baseUrl())
        .hasToString("https://gateway.example.com/");
    assertThat(builder.environment(Environment.PRODUCTION).build().baseUrl())
        .hasToString("https://api.example.com/");
    assertThatThrownBy(() -> builder.environment(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("environment == null");
  }

  @Test
  void baseUrlMustBeSecureAndEndInASlash() {
    assertThatThrownBy(() -> new TestBuilder().baseUrl("http://api.example.com/"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("base URL http://api.example.com/")
        .hasMessageContaining("is plain http");
    assertThatThrownBy(() -> new TestBuilder().baseUrl("https://api.example.com/v1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("base URL must end in /: https://api.example.com/");
    assertThatThrownBy(() -> new TestBuilder().baseUrl("not a url"))
        .isInstanceOf(IllegalArgumentException.class);

    ProviderConfig local =
        new TestBuilder()
            .clientId("id")
            .clientSecret(SECRET)
            .baseUrl("http://localhost:8080/")
            .build();
    assertThat(local.baseUrl()).hasToString("http://localhost:8080/");
  }

  @Test
  void wiring() {
    OkHttpClient client = new OkHttpClient();
    ProviderConfig config =
        new TestBuilder()
            .clientId("id")
            .clientSecret(SECRET)
            .client(client)
            .baseUrl("https://gateway.example.com/api/")
            .build();

    TokenManager tokens =
        config
            .tokenManager(config.tokenEndpoint("oauth/token").build(), Grant.clientCredentials())
            .build();

    assertThat(tokens.toString()).contains("https://gateway.example.com/api/oauth/token");
    OkHttpClient authenticated =
        config.authenticated(tokens, TokenAuthenticator.RenewalPolicy.ALWAYS);
    assertThat(authenticated.interceptors()).singleElement().isInstanceOf(TokenInterceptor.class);
    assertThat(authenticated.networkInterceptors())
        .singleElement()
        .isInstanceOf(TokenInterceptor.class);
    assertThat(authenticated.authenticator()).isInstanceOf(TokenAuthenticator.class);
    assertThat(authenticated.connectionPool()).isSameAs(client.connectionPool());
  }
}
