/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.samples.dadi;

import com.squareup.moshi.Moshi;
import dev.oauthkit.core.Clock;
import dev.oauthkit.core.Grant;
import dev.oauthkit.core.ProviderBuilder;
import dev.oauthkit.core.ProviderClient;
import dev.oauthkit.core.ProviderConfig;
import java.io.IOException;
import java.util.Objects;
import okhttp3.HttpUrl;
import retrofit2.Call;
import retrofit2.Response;
import retrofit2.Retrofit;
import retrofit2.converter.moshi.MoshiConverterFactory;

/**
 * A client of a self-hosted <a href="https://github.com/dadi/api">DADI API</a>. It obtains access
 * tokens from the API's JSON token endpoint ({@code POST /token}), attaches them to API calls and
 * renews them before they expire and when the API reports them invalid or expired.
 *
 * <pre>{@code
 * Dadi dadi = Dadi.builder()
 *     .baseUrl("https://api.example.com/")
 *     .clientId(System.getenv("DADI_CLIENT_ID"))
 *     .clientSecret(System.getenv("DADI_SECRET"))
 *     .build();
 * CollectionList list = dadi.execute(dadi.api().collections());
 * }</pre>
 *
 * <p>Instances are thread-safe; create one per set of credentials and share it.
 */
public final class Dadi extends ProviderClient {
  private static final Moshi MOSHI = new Moshi.Builder().build();

  private final Clock clock;
  private final Retrofit retrofit;
  private final DadiApi api;

  Dadi(ProviderConfig config) {
    super(
        config.baseUrl(),
        config.tokenManager(DadiAuth.tokenEndpoint(config), Grant.clientCredentials()).build());
    this.clock = config.clock();
    this.retrofit =
        new Retrofit.Builder()
            .baseUrl(config.baseUrl())
            .client(config.authenticated(tokens(), DadiAuth.RENEWAL_POLICY))
            .addConverterFactory(MoshiConverterFactory.create(MOSHI))
            .build();
    this.api = retrofit.create(DadiApi.class);
  }

  /** Returns a builder; the base URL is required. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns the endpoints this module declares. */
  public DadiApi api() {
    return api;
  }

  /**
   * Returns an implementation of {@code service}, a Retrofit interface you declare for other
   * endpoints of the API (such as the documents of your collections), as {@link Retrofit#create}
   * does. Its calls share this client's base URL, HTTP client, Moshi and tokens: relative paths are
   * resolved against the base URL, and the token is attached only to URLs below it.
   *
   * @throws IllegalArgumentException if {@code service} is not a Retrofit interface.
   */
  public <T> T create(Class<T> service) {
    Objects.requireNonNull(service, "service == null");
    return retrofit.create(service);
  }

  /**
   * Executes {@code call} and returns its body.
   *
   * @throws DadiException if the API answered with an error status.
   * @throws dev.oauthkit.core.TokenRequestException if no access token could be obtained, such as
   *     for wrong credentials (401, {@code error="invalid_credentials"}).
   * @throws IOException if the API could not be reached or a successful answer had no body.
   */
  public <T> T execute(Call<T> call) throws IOException {
    Response<T> response = call.execute();
    if (!response.isSuccessful()) throw DadiException.from(response, clock);
    return requireBody(response.body(), response.code());
  }

  /** Returns a description with the base URL; it contains no secret. */
  @Override
  public String toString() {
    return "Dadi{" + baseUrl().redact() + "}";
  }

  /**
   * Builds a {@link Dadi} client. The API is self-hosted, so there is no default base URL; the
   * token endpoint is {@code token} below the base URL, which gets a trailing {@code /} if it has
   * none.
   */
  public static final class Builder extends ProviderBuilder<Builder> {
    /** Stands for "not set": the {@code .invalid} domain never resolves (RFC 2606). */
    private static final HttpUrl UNSET = HttpUrl.get("https://base-url-required.invalid/");

    Builder() {
      super(UNSET, "DADI base URL");
    }

    @Override
    protected HttpUrl withTrailingSlash(HttpUrl baseUrl) {
      return baseUrl.encodedPath().endsWith("/")
          ? baseUrl
          : baseUrl.newBuilder().addPathSegment("").build();
    }

    /**
     * Returns the client.
     *
     * @throws IllegalStateException if the base URL, client id or secret is missing.
     */
    public Dadi build() {
      if (baseUrl().equals(UNSET)) throw new IllegalStateException("baseUrl required.");
      return new Dadi(config());
    }
  }
}
