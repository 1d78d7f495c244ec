/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.samples.dadi;

import com.squareup.moshi.Moshi;
import dev.oauthkit.core.ApiException;
import dev.oauthkit.core.ErrorBody;
import dev.oauthkit.core.Grant;
import dev.oauthkit.core.ProviderBuilder;
import dev.oauthkit.core.ProviderConfig;
import dev.oauthkit.retrofit.ProviderClient;
import okhttp3.Headers;
import okhttp3.HttpUrl;

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
  /**
   * Where a DADI API runs. It is self-hosted: there is no public environment, so the base URL is
   * always set with {@link Builder#baseUrl(HttpUrl)}.
   */
  public enum Environment {
    /** Stands for "not set": the {@code .invalid} domain never resolves (RFC 2606). */
    SELF_HOSTED
  }

  private static final HttpUrl UNSET = HttpUrl.get("https://base-url-required.invalid/");
  private static final Moshi MOSHI = new Moshi.Builder().build();

  private final DadiApi api;

  Dadi(ProviderConfig config) {
    super(
        config,
        config.tokenManager(DadiAuth.tokenEndpoint(config), Grant.clientCredentials()).build(),
        DadiAuth.RENEWAL_POLICY,
        Headers.of(),
        MOSHI);
    this.api = create(DadiApi.class);
  }

  /** Returns a builder; the base URL is required. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns the endpoints this module declares. */
  public DadiApi api() {
    return api;
  }

  @Override
  protected ApiException exception(ErrorBody errorBody) {
    return DadiException.from(errorBody);
  }

  /**
   * Builds a {@link Dadi} client. The API is self-hosted, so there is no default base URL; the
   * token endpoint is {@code token} below the base URL, which must end in {@code /}.
   */
  public static final class Builder extends ProviderBuilder<Builder, Environment> {
    Builder() {
      super(Environment.SELF_HOSTED, environment -> UNSET);
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
