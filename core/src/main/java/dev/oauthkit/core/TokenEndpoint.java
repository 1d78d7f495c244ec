/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.core;

import dev.oauthkit.core.internal.Urls;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import okhttp3.HttpUrl;
import org.jspecify.annotations.Nullable;

/**
 * A token endpoint and how to talk to it: where it is, which client calls it, how the client
 * authenticates, how the request body is encoded and what its fields and the response's fields are
 * called. Everything a provider does differently from <a
 * href="https://datatracker.ietf.org/doc/html/rfc6749">RFC 6749</a> is stated here as data.
 *
 * <p>An endpoint with RFC names, form encoding and HTTP Basic client authentication:
 *
 * <pre>{@code
 * TokenEndpoint endpoint = new TokenEndpoint.Builder()
 *     .url("https://auth.example.com/oauth/token")
 *     .clientId(clientId)
 *     .clientSecret(clientSecret)
 *     .build();
 * }</pre>
 *
 * <p>An API that takes {@code {"clientId","secret"}} as JSON and answers {@code
 * {"accessToken","tokenType","expiresIn"}}:
 *
 * <pre>{@code
 * TokenEndpoint endpoint = new TokenEndpoint.Builder()
 *     .url("https://api.example.com/token")
 *     .clientId(clientId)
 *     .clientSecret(secret)
 *     .clientAuthentication(ClientAuthentication.REQUEST_BODY)
 *     .encoding(TokenEndpoint.Encoding.JSON)
 *     .omitRequestField("grant_type")
 *     .requestField("client_id", "clientId")
 *     .requestField("client_secret", "secret")
 *     .responseField("access_token", "accessToken")
 *     .responseField("token_type", "tokenType")
 *     .responseField("expires_in", "expiresIn")
 *     .build();
 * }</pre>
 *
 * <p>{@link #toString()} never shows the client secret, nor the URL's user info or query.
 */
public final class TokenEndpoint {
  /** How the token request body is encoded. */
  public enum Encoding {
    /** {@code application/x-www-form-urlencoded}, as RFC 6749 specifies. */
    FORM,
    /** {@code multipart/form-data}, one part per field. */
    MULTIPART,
    /** {@code application/json; charset=utf-8}, an object of string fields. */
    JSON
  }

  /** The standard request fields that {@link Builder#requestField} can rename or omit. */
  static final Set<String> REQUEST_FIELDS =
      Collections.unmodifiableSet(
          new LinkedHashSet<>(
              java.util.Arrays.asList(
                  "grant_type",
                  "client_id",
                  "client_secret",
                  "username",
                  "password",
                  "refresh_token",
                  "scope")));

  /** The standard response fields that {@link Builder#responseField} can rename. */
  static final Set<String> RESPONSE_FIELDS =
      Collections.unmodifiableSet(
          new LinkedHashSet<>(
              java.util.Arrays.asList(
                  "access_token",
                  "token_type",
                  "expires_in",
                  "refresh_token",
                  "scope",
                  "created_at")));

  final HttpUrl url;
  final String clientId;
  final @Nullable String clientSecret;
  final ClientAuthentication clientAuthentication;
  final Encoding encoding;
  final Map<String, String> requestFieldNames;
  final Set<String> omittedRequestFields;
  final @Nullable String scope;
  final Map<String, String> parameters;
  final TokenResponseParser responseParser;
  final boolean allowInsecureHttp;

  TokenEndpoint(Builder builder) {
    this.url = Objects.requireNonNull(builder.url, "url == null");
    this.clientId = Objects.requireNonNull(builder.clientId, "clientId == null");
    this.clientSecret = builder.clientSecret;
    this.clientAuthentication = builder.clientAuthentication;
    this.encoding = builder.encoding;
    this.requestFieldNames = Collections.unmodifiableMap(new LinkedHashMap<>(builder.requestNames));
    this.omittedRequestFields =
        Collections.unmodifiableSet(new LinkedHashSet<>(builder.omittedRequestFields));
    this.scope = builder.scope;
    this.parameters = Collections.unmodifiableMap(new LinkedHashMap<>(builder.parameters));
    this.responseParser =
        builder.responseParser != null
            ? builder.responseParser
            : new StandardTokenResponseParser(builder.responseNames);
    this.allowInsecureHttp = builder.allowInsecureHttp;
  }

  /** Returns the URL token requests are posted to. */
  public HttpUrl url() {
    return url;
  }

  /** Returns the client identifier. */
  public String clientId() {
    return clientId;
  }

  /** Returns how the client authenticates. */
  public ClientAuthentication clientAuthentication() {
    return clientAuthentication;
  }

  /** Returns how the request body is encoded. */
  public Encoding encoding() {
    return encoding;
  }

  /** Returns the scope requested with every token, or null for the server's default. */
  public @Nullable String scope() {
    return scope;
  }

  /** Returns a builder initialised with this endpoint's configuration. */
  public Builder newBuilder() {
    return new Builder(this);
  }

  /** Returns the name a standard request field is sent as, or null if it is omitted. */
  @Nullable String requestFieldName(String standardName) {
    if (omittedRequestFields.contains(standardName)) return null;
    String name = requestFieldNames.get(standardName);
    return name != null ? name : standardName;
  }

  @Override
  public String toString() {
    return "TokenEndpoint{url="
        + Urls.describe(url)
        + ", clientId="
        + clientId
        + ", clientAuthentication="
        + clientAuthentication
        + ", encoding="
        + encoding
        + (scope != null ? ", scope=" + scope : "")
        + "}";
  }

  /** Builds a {@link TokenEndpoint}. */
  public static final class Builder {
    @Nullable HttpUrl url;
    @Nullable String clientId;
    @Nullable String clientSecret;
    ClientAuthentication clientAuthentication = ClientAuthentication.BASIC;
    Encoding encoding = Encoding.FORM;
    final Map<String, String> requestNames = new LinkedHashMap<>();
    final Set<String> omittedRequestFields = new LinkedHashSet<>();
    final Map<String, String> responseNames = new LinkedHashMap<>();
    @Nullable String scope;
    final Map<String, String> parameters = new LinkedHashMap<>();
    @Nullable TokenResponseParser responseParser;
    boolean allowInsecureHttp;

    /** Creates a builder for an RFC 6749 endpoint: form encoding, HTTP Basic authentication. */
    public Builder() {}

    Builder(TokenEndpoint endpoint) {
      this.url = endpoint.url;
      this.clientId = endpoint.clientId;
      this.clientSecret = endpoint.clientSecret;
      this.clientAuthentication = endpoint.clientAuthentication;
      this.encoding = endpoint.encoding;
      this.requestNames.putAll(endpoint.requestFieldNames);
      this.omittedRequestFields.addAll(endpoint.omittedRequestFields);
      if (endpoint.responseParser instanceof StandardTokenResponseParser) {
        this.responseNames.putAll(((StandardTokenResponseParser) endpoint.responseParser).renamed);
      } else {
        this.responseParser = endpoint.responseParser;
      }
      this.scope = endpoint.scope;
      this.parameters.putAll(endpoint.parameters);
      this.allowInsecureHttp = endpoint.allowInsecureHttp;
    }

    /** Sets the token endpoint URL. Required. */
    public Builder url(HttpUrl url) {
      this.url = Objects.requireNonNull(url, "url == null");
      return this;
    }

    /**
     * Sets the token endpoint URL. Required.
     *
     * @throws IllegalArgumentException if {@code url} is not an http or https URL.
     */
    public Builder url(String url) {
      Objects.requireNonNull(url, "url == null");
      return url(HttpUrl.get(url));
    }

    /** Sets the client identifier. Required. */
    public Builder clientId(String clientId) {
      this.clientId = Objects.requireNonNull(clientId, "clientId == null");
      return this;
    }

    /**
     * Sets the client secret; null for a public client, which sends only its id, or for a client
     * that authenticates otherwise, such as with {@link ClientAuthentication#privateKeyJwt}.
     */
    public Builder clientSecret(@Nullable String clientSecret) {
      this.clientSecret = clientSecret;
      return this;
    }

    /**
     * Sets how the client authenticates: one of the {@link ClientAuthentication} constants, {@link
     * ClientAuthentication#privateKeyJwt}, or an implementation of its own. Defaults to {@link
     * ClientAuthentication#BASIC}.
     */
    public Builder clientAuthentication(ClientAuthentication clientAuthentication) {
      this.clientAuthentication =
          Objects.requireNonNull(clientAuthentication, "clientAuthentication == null");
      return this;
    }

    /** Sets the body encoding. Defaults to {@link Encoding#FORM}. */
    public Builder encoding(Encoding encoding) {
      this.encoding = Objects.requireNonNull(encoding, "encoding == null");
      return this;
    }

    /**
     * Sends the standard request field {@code standardName} (one of {@code grant_type}, {@code
     * client_id}, {@code client_secret}, {@code username}, {@code password}, {@code refresh_token},
     * {@code scope}) as {@code name}.
     */
    public Builder requestField(String standardName, String name) {
      checkStandard(REQUEST_FIELDS, standardName);
      Objects.requireNonNull(name, "name == null");
      if (name.isEmpty()) throw new IllegalArgumentException("name is empty");
      requestNames.put(standardName, name);
      omittedRequestFields.remove(standardName);
      return this;
    }

    /**
     * Leaves the standard request field {@code standardName} out of every request, such as {@code
     * grant_type} for an API that has only one grant and does not accept the field.
     */
    public Builder omitRequestField(String standardName) {
      checkStandard(REQUEST_FIELDS, standardName);
      omittedRequestFields.add(standardName);
      return this;
    }

    /**
     * Reads the standard response field {@code standardName} (one of {@code access_token}, {@code
     * token_type}, {@code expires_in}, {@code refresh_token}, {@code scope}, {@code created_at})
     * from the field {@code name}.
     */
    public Builder responseField(String standardName, String name) {
      checkStandard(RESPONSE_FIELDS, standardName);
      Objects.requireNonNull(name, "name == null");
      if (name.isEmpty()) throw new IllegalArgumentException("name is empty");
      responseNames.put(standardName, name);
      return this;
    }

    /** Sets the scope to request, or null for the server's default. */
    public Builder scope(@Nullable String scope) {
      this.scope = scope;
      return this;
    }

    /** Adds a parameter that every token request carries, such as {@code audience}. */
    public Builder addParameter(String name, String value) {
      Objects.requireNonNull(name, "name == null");
      Objects.requireNonNull(value, "value == null");
      if (REQUEST_FIELDS.contains(name)) {
        throw new IllegalArgumentException(name + " is a standard field; configure it instead");
      }
      if (name.equals("client_assertion") || name.equals("client_assertion_type")) {
        throw new IllegalArgumentException(name + " is sent by the client authentication");
      }
      parameters.put(name, value);
      return this;
    }

    /**
     * Parses successful responses with {@code parser} instead of the standard parser. Cannot be
     * combined with {@link #responseField}.
     */
    public Builder responseParser(TokenResponseParser parser) {
      this.responseParser = Objects.requireNonNull(parser, "parser == null");
      return this;
    }

    /**
     * Allows a plain {@code http} URL for a host that is not loopback. Tokens and secrets then
     * cross the network unencrypted; use it only on a network you trust.
     */
    public Builder allowInsecureHttp(boolean allowInsecureHttp) {
      this.allowInsecureHttp = allowInsecureHttp;
      return this;
    }

    /**
     * Returns the endpoint.
     *
     * @throws IllegalStateException if the URL or client id is missing, the client authentication
     *     is {@link ClientAuthentication#BASIC} or {@link ClientAuthentication#BASIC_UNENCODED}
     *     without a client secret, or the configuration is contradictory; or if the OkHttp on the
     *     classpath is older than 4.12 (the message names the version found and the fix).
     * @throws IllegalArgumentException if the URL is plain http to a host that is not loopback and
     *     insecure http was not allowed.
     */
    public TokenEndpoint build() {
      OkHttpVersionCheck.verify();
      if (url == null) throw new IllegalStateException("url required.");
      if (clientId == null) throw new IllegalStateException("clientId required.");
      Urls.checkSecure(url, allowInsecureHttp, "token endpoint");
      if (clientAuthentication instanceof ClientSecretAuthentication
          && ((ClientSecretAuthentication) clientAuthentication).requiresSecret()
          && clientSecret == null) {
        throw new IllegalStateException(
            clientAuthentication + " client authentication requires a clientSecret.");
      }
      if (responseParser != null && !responseNames.isEmpty()) {
        throw new IllegalStateException("responseParser and responseField cannot be combined.");
      }
      return new TokenEndpoint(this);
    }

    private static void checkStandard(Set<String> fields, String standardName) {
      Objects.requireNonNull(standardName, "standardName == null");
      if (!fields.contains(standardName)) {
        throw new IllegalArgumentException(
            "unknown standard field: " + standardName + "; expected one of " + fields);
      }
    }
  }
}
