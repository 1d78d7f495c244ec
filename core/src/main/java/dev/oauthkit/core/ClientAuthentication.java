/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.core;

import java.io.IOException;
import java.security.PrivateKey;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How a client proves its identity to the token endpoint (<a
 * href="https://datatracker.ietf.org/doc/html/rfc6749#section-2.3">RFC 6749 §2.3</a>): it adds the
 * client's credentials to each token request, as body fields, headers or both.
 *
 * <p>The client secret methods are {@link #BASIC} (the default), {@link #BASIC_UNENCODED} and
 * {@link #REQUEST_BODY}; {@link #privateKeyJwt} signs a JWT with the client's private key instead.
 * Implement this interface for any other method, such as a JWT that a workload identity provider
 * issues:
 *
 * <pre>{@code
 * ClientAuthentication federated = request -> request
 *     .addField("client_id", request.endpoint().clientId())
 *     .addField("client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer")
 *     .addSecretField("client_assertion", readWorkloadToken());
 * }</pre>
 *
 * <p>Implementations must be thread-safe: one instance may authenticate the requests of many
 * managers at once.
 */
public interface ClientAuthentication {
  /**
   * HTTP Basic ({@code client_secret_basic}): the client id and secret are form-urlencoded, joined
   * with a colon and Base64-encoded into an {@code Authorization: Basic} header, as <a
   * href="https://datatracker.ietf.org/doc/html/rfc6749#section-2.3.1">RFC 6749 §2.3.1</a>
   * requires. Nothing secret goes in the body. Requires a client secret.
   */
  ClientAuthentication BASIC = new ClientSecretAuthentication("BASIC");

  /**
   * HTTP Basic with the client id and secret UTF-8 encoded as they are, without form-urlencoding
   * them first. For servers that do not decode the credentials as RFC 6749 §2.3.1 says. Requires a
   * client secret.
   */
  ClientAuthentication BASIC_UNENCODED = new ClientSecretAuthentication("BASIC_UNENCODED");

  /**
   * Client id and secret as request parameters ({@code client_secret_post}): {@code client_id} and
   * {@code client_secret} go in the body, nothing in a header. Without a client secret, only {@code
   * client_id} is sent, as a public client does.
   */
  ClientAuthentication REQUEST_BODY = new ClientSecretAuthentication("REQUEST_BODY");

  /**
   * Returns {@code private_key_jwt} authentication (<a
   * href="https://datatracker.ietf.org/doc/html/rfc7523#section-2.2">RFC 7523 §2.2</a>, <a
   * href="https://openid.net/specs/openid-connect-core-1_0.html#ClientAuthentication">OpenID
   * Connect Core §9</a>): each request carries a new JWT signed with {@code key}, whose audience is
   * the token endpoint URL and which expires after 60 seconds. See {@link PrivateKeyJwt.Builder} to
   * change either. No client secret is needed.
   *
   * @param key an RSA key of at least 2048 bits (signs RS256) or an EC key on P-256, P-384 or P-521
   *     (signs ES256, ES384 or ES512).
   * @param keyId the {@code kid} the server finds the public key by, or null to send none.
   * @throws IllegalArgumentException if {@code key} cannot sign any of these algorithms.
   */
  static ClientAuthentication privateKeyJwt(PrivateKey key, @Nullable String keyId) {
    return new PrivateKeyJwt.Builder(key).keyId(keyId).build();
  }

  /**
   * Adds the client's credentials to {@code request}, a token request being built. Called once for
   * every request sent, retries included, on the thread that sends it.
   *
   * @throws IOException if the credentials cannot be obtained now; a {@link TokenRequestException}
   *     is reported as it is, any other {@code IOException} is retried as a connection failure is.
   */
  void authenticate(TokenRequest request) throws IOException;

  /**
   * A token request being built, as a {@link ClientAuthentication} sees it: the endpoint it goes
   * to, the client's secret, the time, and the fields and headers it will carry.
   *
   * <p>The values of {@link #addSecretField} and {@link #header} are secrets: they are removed from
   * every exception message and error field, should the server echo them.
   */
  final class TokenRequest {
    private final TokenEndpoint endpoint;
    private final long currentTimeMillis;
    private final Map<String, String> fields;
    final Map<String, String> headers = new LinkedHashMap<>();
    final List<String> secrets = new ArrayList<>();

    TokenRequest(TokenEndpoint endpoint, long currentTimeMillis, Map<String, String> fields) {
      this.endpoint = endpoint;
      this.currentTimeMillis = currentTimeMillis;
      this.fields = fields;
    }

    /** Returns the endpoint the request goes to: its URL and the client id. */
    public TokenEndpoint endpoint() {
      return endpoint;
    }

    /** Returns the client secret, or null if the endpoint has none. */
    public @Nullable String clientSecret() {
      return endpoint.clientSecret;
    }

    /**
     * Returns the time the request is made, in milliseconds since the epoch, read from the
     * manager's {@link Clock}.
     */
    public long currentTimeMillis() {
      return currentTimeMillis;
    }

    /**
     * Adds a body field whose value is not secret, such as {@code client_id}. A standard field is
     * renamed or left out as the endpoint's {@link TokenEndpoint.Builder#requestField} and {@link
     * TokenEndpoint.Builder#omitRequestField} say. Replaces a field of the same name.
     */
    public TokenRequest addField(String name, String value) {
      Objects.requireNonNull(name, "name == null");
      Objects.requireNonNull(value, "value == null");
      if (name.isEmpty()) throw new IllegalArgumentException("name is empty");
      String sentName = endpoint.requestFieldName(name);
      if (sentName != null) fields.put(sentName, value);
      return this;
    }

    /**
     * Adds a body field whose value is a secret, such as {@code client_secret} or {@code
     * client_assertion}, as {@link #addField} does.
     */
    public TokenRequest addSecretField(String name, String value) {
      addField(name, value);
      secrets.add(value);
      return this;
    }

    /**
     * Sets the header {@code name} to {@code value}, replacing any value it had. The value is a
     * secret, and so is the part of it after the first space (the credentials of an {@code
     * Authorization} scheme).
     *
     * @throws IllegalArgumentException if {@code name} or {@code value} cannot be sent in a header.
     */
    public TokenRequest header(String name, String value) {
      Objects.requireNonNull(name, "name == null");
      Objects.requireNonNull(value, "value == null");
      // Validated now, so that a bad header fails in the caller's code and not in OkHttp's.
      okhttp3.Headers.of(name, value);
      headers.put(name, value);
      secrets.add(value);
      int space = value.indexOf(' ');
      if (space >= 0) secrets.add(value.substring(space + 1).trim());
      return this;
    }

    /** Shows the endpoint only: never a field, a header or a secret. */
    @Override
    public String toString() {
      return "ClientAuthentication.TokenRequest{" + endpoint + "}";
    }
  }
}
