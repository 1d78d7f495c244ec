/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.benchmarks.load;

import com.amadeus.Params;
import dev.oauthkit.amadeus.Amadeus;
import dev.oauthkit.amadeus.AmadeusApi;
import dev.oauthkit.amadeus.model.CheckinLink;
import dev.oauthkit.amadeus.model.DataList;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.FormBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.client.AuthorizedClientServiceOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.ClientCredentialsOAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.client.InMemoryOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.client.OAuth2ClientHttpRequestInterceptor;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.web.client.RestClient;
import retrofit2.Retrofit;
import retrofit2.converter.moshi.MoshiConverterFactory;

/**
 * The clients compared, each set up as its documentation shows, with its defaults (connection
 * pools, HTTP stacks) unless stated.
 */
final class Clients {
  static final String LIMIT = "limit (OkHttp, fixed token)";
  static final String LIMIT_RETROFIT = "limit + Retrofit/Moshi (fixed token)";
  static final String OAUTHKIT = "oauthkit-amadeus";
  static final String AMADEUS_JAVA = "amadeus-java 9.0.0";
  static final String SPRING_60 = "Spring 7.1 (skew 60 s)";
  static final String SPRING_5 = "Spring 7.1 (skew 5 s)";

  private static final String ACCEPT = "application/json, application/vnd.amadeus+json";

  private Clients() {}

  /** All clients, in report order. */
  static List<LoadClient.Factory> all() {
    return List.of(
        factory(LIMIT, false, Limit::new),
        factory(LIMIT_RETROFIT, false, LimitRetrofit::new),
        factory(OAUTHKIT, true, Oauthkit::new),
        factory(AMADEUS_JAVA, true, AmadeusJava::new),
        factory(SPRING_60, true, server -> new Spring(server, Duration.ofSeconds(60))),
        factory(SPRING_5, true, server -> new Spring(server, Duration.ofSeconds(5))));
  }

  private interface Creator {
    LoadClient create(AmadeusLikeServer server) throws Exception;
  }

  private static LoadClient.Factory factory(String name, boolean managesTokens, Creator creator) {
    return new LoadClient.Factory() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public boolean managesTokens() {
        return managesTokens;
      }

      @Override
      public LoadClient create(AmadeusLikeServer server) throws Exception {
        return creator.create(server);
      }

      @Override
      public String toString() {
        return name;
      }
    };
  }

  private static String checkinLinksUrl(AmadeusLikeServer server) {
    return server.baseUrl() + AmadeusLikeServer.CHECKIN_LINKS_PATH.substring(1) + "?airlineCode=IB";
  }

  private static void shutdown(OkHttpClient client) {
    client.dispatcher().executorService().shutdown();
    client.connectionPool().evictAll();
  }

  /**
   * The macro limit: plain OkHttp (default client), one token fetched when the client is created
   * and sent as a constant header; the answer is read as a string. No token management at all.
   */
  static final class Limit implements LoadClient {
    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\":\"([^\"]+)\"");

    private final OkHttpClient client = new OkHttpClient();
    private final Request request;
    final String authorization;

    Limit(AmadeusLikeServer server) throws IOException {
      Request tokenRequest =
          new Request.Builder()
              .url(server.baseUrl() + AmadeusLikeServer.TOKEN_PATH.substring(1))
              .post(
                  new FormBody.Builder()
                      .add("grant_type", "client_credentials")
                      .add("client_id", AmadeusLikeServer.CLIENT_ID)
                      .add("client_secret", AmadeusLikeServer.CLIENT_SECRET)
                      .build())
              .build();
      String token;
      try (Response response = client.newCall(tokenRequest).execute()) {
        ResponseBody body = response.body();
        Matcher matcher = ACCESS_TOKEN.matcher(body != null ? body.string() : "");
        if (!response.isSuccessful() || !matcher.find()) {
          throw new IOException("token request failed: " + response.code());
        }
        token = matcher.group(1);
      }
      authorization = "Bearer " + token;
      request =
          new Request.Builder()
              .url(checkinLinksUrl(server))
              .header("Accept", ACCEPT)
              .header("Authorization", authorization)
              .build();
    }

    @Override
    public void call() throws IOException {
      try (Response response = client.newCall(request).execute()) {
        ResponseBody body = response.body();
        String text = body != null ? body.string() : "";
        if (response.code() != 200 || text.isEmpty()) {
          throw new IOException("HTTP " + response.code());
        }
      }
    }

    @Override
    public void close() {
      shutdown(client);
    }
  }

  /**
   * The limit for a Retrofit client: oauthkit-amadeus's own Retrofit interface ({@code AmadeusApi})
   * and Moshi models over a default OkHttp client, with the token fetched once and added as a
   * constant header by an interceptor. The difference to oauthkit-amadeus is token management.
   */
  static final class LimitRetrofit implements LoadClient {
    private final OkHttpClient client;
    private final AmadeusApi api;

    LimitRetrofit(AmadeusLikeServer server) throws IOException {
      Limit limit = new Limit(server); // fetches the token
      String authorization = limit.authorization;
      limit.close();
      client =
          new OkHttpClient.Builder()
              .addInterceptor(
                  chain ->
                      chain.proceed(
                          chain
                              .request()
                              .newBuilder()
                              .header("Accept", ACCEPT)
                              .header("Authorization", authorization)
                              .build()))
              .build();
      api =
          new Retrofit.Builder()
              .baseUrl(server.baseUrl())
              .client(client)
              .addConverterFactory(MoshiConverterFactory.create())
              .build()
              .create(AmadeusApi.class);
    }

    @Override
    public void call() throws IOException {
      retrofit2.Response<DataList<CheckinLink>> response = api.checkinLinks("IB", null).execute();
      DataList<CheckinLink> links = response.body();
      if (!response.isSuccessful() || links == null || links.data == null || links.data.isEmpty()) {
        throw new IOException("HTTP " + response.code());
      }
    }

    @Override
    public void close() {
      shutdown(client);
    }
  }

  /** oauthkit-amadeus: the {@code Amadeus} client with a default OkHttp client. */
  static final class Oauthkit implements LoadClient {
    private final OkHttpClient client = new OkHttpClient();
    private final Amadeus amadeus;

    Oauthkit(AmadeusLikeServer server) {
      amadeus =
          Amadeus.builder()
              .clientId(AmadeusLikeServer.CLIENT_ID)
              .clientSecret(AmadeusLikeServer.CLIENT_SECRET)
              .baseUrl(server.baseUrl())
              .client(client)
              .build();
    }

    @Override
    public void call() throws IOException {
      DataList<CheckinLink> links = amadeus.execute(amadeus.api().checkinLinks("IB", null));
      if (links.data == null || links.data.isEmpty()) throw new IOException("no links");
    }

    @Override
    public void close() {
      shutdown(client);
    }
  }

  /**
   * The official SDK, pointed at the local server with {@code setHost}, {@code setPort} and {@code
   * setSsl(false)}. It uses {@code HttpURLConnection} (JDK keep-alive cache) and Gson.
   */
  static final class AmadeusJava implements LoadClient {
    private final com.amadeus.Amadeus amadeus;
    private final Params params = Params.with("airlineCode", "IB");

    AmadeusJava(AmadeusLikeServer server) {
      amadeus =
          com.amadeus.Amadeus.builder(AmadeusLikeServer.CLIENT_ID, AmadeusLikeServer.CLIENT_SECRET)
              .setHost("127.0.0.1")
              .setPort(server.port())
              .setSsl(false)
              .build();
    }

    @Override
    public void call() throws Exception {
      com.amadeus.resources.CheckinLink[] links =
          amadeus.referenceData.urls.checkinLinks.get(params);
      if (links.length == 0) throw new IOException("no links");
    }

    @Override
    public void close() {}
  }

  /**
   * Spring Security's OAuth2 client without Boot, as its reference documentation sets it up for
   * {@code RestClient}: an {@link AuthorizedClientServiceOAuth2AuthorizedClientManager} with the
   * client_credentials provider (clock skew as given; Spring's default is 60 s), in-memory
   * registration repository and authorized-client service, and a {@link RestClient} (default
   * request factory: the JDK {@code HttpClient}; default converters: Jackson 3) with {@link
   * OAuth2ClientHttpRequestInterceptor}. The interceptor's failure handler is the documented one
   * that removes the authorized client on a 401, so that the next call fetches a new token; Spring
   * does not retry the failed call.
   */
  static final class Spring implements LoadClient {
    private final RestClient restClient;
    private final String url;

    Spring(AmadeusLikeServer server, Duration clockSkew) {
      ClientRegistration registration =
          ClientRegistration.withRegistrationId("amadeus")
              .clientId(AmadeusLikeServer.CLIENT_ID)
              .clientSecret(AmadeusLikeServer.CLIENT_SECRET)
              .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
              .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
              .tokenUri(server.baseUrl() + AmadeusLikeServer.TOKEN_PATH.substring(1))
              .build();
      InMemoryClientRegistrationRepository registrations =
          new InMemoryClientRegistrationRepository(registration);
      InMemoryOAuth2AuthorizedClientService authorizedClients =
          new InMemoryOAuth2AuthorizedClientService(registrations);
      ClientCredentialsOAuth2AuthorizedClientProvider provider =
          new ClientCredentialsOAuth2AuthorizedClientProvider();
      provider.setClockSkew(clockSkew);
      AuthorizedClientServiceOAuth2AuthorizedClientManager manager =
          new AuthorizedClientServiceOAuth2AuthorizedClientManager(
              registrations, authorizedClients);
      manager.setAuthorizedClientProvider(provider);

      OAuth2ClientHttpRequestInterceptor interceptor =
          new OAuth2ClientHttpRequestInterceptor(manager);
      interceptor.setClientRegistrationIdResolver(request -> "amadeus");
      interceptor.setAuthorizationFailureHandler(
          OAuth2ClientHttpRequestInterceptor.authorizationFailureHandler(authorizedClients));
      restClient =
          RestClient.builder()
              .requestInterceptor(interceptor)
              .defaultHeader("Accept", ACCEPT)
              .build();
      url = checkinLinksUrl(server);
    }

    @Override
    public void call() throws IOException {
      CheckinLinks links = restClient.get().uri(url).retrieve().body(CheckinLinks.class);
      if (links == null || links.data == null || links.data.isEmpty()) {
        throw new IOException("no links");
      }
    }

    @Override
    public void close() {}
  }

  /** The check-in links answer, as Spring's Jackson converter maps it. */
  static final class CheckinLinks {
    public @Nullable List<Link> data;

    static final class Link {
      public @Nullable String type;
      public @Nullable String id;
      public @Nullable String href;
      public @Nullable String channel;
    }
  }
}
