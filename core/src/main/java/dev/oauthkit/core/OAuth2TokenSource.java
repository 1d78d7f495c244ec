/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.core;

import com.squareup.moshi.JsonWriter;
import dev.oauthkit.core.internal.HttpBodies;
import dev.oauthkit.core.internal.Json;
import dev.oauthkit.core.internal.Redactor;
import java.io.IOException;
import java.io.UnsupportedEncodingException;
import java.net.URLEncoder;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.Call;
import okhttp3.Credentials;
import okhttp3.FormBody;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;

/**
 * The default {@link TokenSource}: posts a grant to a {@link TokenEndpoint} and parses the answer.
 */
final class OAuth2TokenSource implements TokenSource {
  static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
  private static final Charset UTF_8 = Charset.forName("UTF-8");

  private static final Pattern AUTH_PARAM =
      Pattern.compile("([A-Za-z_]+)\\s*=\\s*(?:\"((?:[^\"\\\\]|\\\\.)*)\"|([^\\s,]+))");

  final TokenEndpoint endpoint;
  private final Call.Factory client;

  /**
   * Sends refresh-token grants. It never resends a request on its own after a connection failure:
   * the server may have rotated the refresh token, so the engine decides what is sent again.
   */
  private final Call.Factory refreshClient;

  private final Clock clock;

  OAuth2TokenSource(TokenEndpoint endpoint, OkHttpClient client, Clock clock) {
    this.endpoint = endpoint;
    this.client = client;
    this.refreshClient = client.newBuilder().retryOnConnectionFailure(false).build();
    this.clock = clock;
  }

  @Override
  public AccessToken fetch(Grant grant) throws IOException {
    long requestTimeMillis = clock.currentTimeMillis();
    List<String> secrets = new ArrayList<>();
    Request request = newRequest(grant, requestTimeMillis, secrets);
    Call.Factory client =
        grant.type().equals(Grant.REFRESH_TOKEN) ? this.refreshClient : this.client;
    try (Response response = client.newCall(request).execute()) {
      return readResponse(response, grant, requestTimeMillis, secrets);
    }
  }

  /**
   * Builds the token request for {@code grant}, made at {@code nowMillis}, and adds the secrets the
   * client authentication put in it to {@code secrets}.
   */
  Request newRequest(Grant grant, long nowMillis, List<String> secrets) throws IOException {
    Map<String, String> fields = new LinkedHashMap<>();
    putField(fields, "grant_type", grant.type());
    ClientAuthentication.TokenRequest authentication =
        new ClientAuthentication.TokenRequest(endpoint, nowMillis, fields);
    endpoint.clientAuthentication.authenticate(authentication);
    secrets.addAll(authentication.secrets);
    for (Map.Entry<String, String> parameter : grant.parameters().entrySet()) {
      putField(fields, parameter.getKey(), parameter.getValue());
    }
    if (endpoint.scope != null) putField(fields, "scope", endpoint.scope);
    fields.putAll(endpoint.parameters);

    Request.Builder request =
        new Request.Builder()
            .url(endpoint.url)
            .header("Accept", "application/json")
            .post(body(fields));
    for (Map.Entry<String, String> header : authentication.headers.entrySet()) {
      request.header(header.getKey(), header.getValue());
    }
    return request.build();
  }

  private void putField(Map<String, String> fields, String standardName, String value) {
    String name = endpoint.requestFieldName(standardName);
    if (name != null) fields.put(name, value);
  }

  private RequestBody body(Map<String, String> fields) {
    switch (endpoint.encoding) {
      case MULTIPART:
        MultipartBody.Builder multipart = new MultipartBody.Builder().setType(MultipartBody.FORM);
        for (Map.Entry<String, String> field : fields.entrySet()) {
          multipart.addFormDataPart(field.getKey(), field.getValue());
        }
        return multipart.build();
      case JSON:
        Buffer buffer = new Buffer();
        try (JsonWriter writer = JsonWriter.of(buffer)) {
          writer.beginObject();
          for (Map.Entry<String, String> field : fields.entrySet()) {
            writer.name(field.getKey()).value(field.getValue());
          }
          writer.endObject();
        } catch (IOException e) {
          throw new AssertionError(e); // A Buffer does not fail.
        }
        return RequestBody.create(buffer.readByteString(), JSON);
      case FORM:
      default:
        FormBody.Builder form = new FormBody.Builder(UTF_8);
        for (Map.Entry<String, String> field : fields.entrySet()) {
          form.add(field.getKey(), field.getValue());
        }
        return form.build();
    }
  }

  /** Encodes as application/x-www-form-urlencoded, which RFC 6749 §2.3.1 requires for Basic. */
  static String formUrlEncode(String value) {
    try {
      return URLEncoder.encode(value, "UTF-8");
    } catch (UnsupportedEncodingException e) {
      throw new AssertionError(e); // UTF-8 is always supported.
    }
  }

  AccessToken readResponse(Response response, Grant grant, long requestTimeMillis)
      throws IOException {
    return readResponse(response, grant, requestTimeMillis, Collections.<String>emptyList());
  }

  /**
   * Reads the answer to a request for {@code grant}.
   *
   * @param secrets what the client authentication added as secrets, such as a client assertion.
   */
  AccessToken readResponse(
      Response response, Grant grant, long requestTimeMillis, List<String> secrets)
      throws IOException {
    Redactor redactor = redactor(grant, secrets);
    byte[] bytes = readBody(response);
    String contentType = response.header("Content-Type", "none");

    if (!response.isSuccessful()) throw errorResponse(response, bytes, redactor);

    Object json = Json.parse(bytes);
    if (!(json instanceof Map)) {
      String problem;
      if (bytes.length == 0) {
        problem = "the body is empty";
      } else if (json == null) {
        problem = "the body is not JSON (" + bytes.length + " bytes of " + contentType + ")";
      } else {
        problem = "the body is not a JSON object";
      }
      throw new TokenRequestException(
          "malformed token response (HTTP " + response.code() + "): " + problem,
          null,
          response.code(),
          false);
    }
    @SuppressWarnings("unchecked") // Moshi reads JSON objects as Map<String, Object>.
    Map<String, Object> object = (Map<String, Object>) json;
    try {
      return endpoint.responseParser.parse(object, requestTimeMillis);
    } catch (TokenRequestException e) {
      if (e.code() == response.code()) throw e;
      String message = e.getMessage();
      throw new TokenRequestException(
          message != null ? redactor.redact(message) : "token response refused",
          e.getCause(),
          response.code(),
          false);
    } catch (IOException | RuntimeException e) {
      throw new TokenRequestException(
          "malformed token response (HTTP "
              + response.code()
              + "): "
              + redactor.redact(String.valueOf(e.getMessage())),
          null,
          response.code(),
          false);
    }
  }

  /**
   * Returns the body of {@code response} under the one body-size rule of {@link HttpBodies}: an
   * error body is cut at {@link HttpBodies#MAX_BODY_BYTES}, a larger successful one is refused.
   */
  private static byte[] readBody(Response response) throws IOException {
    ResponseBody body = response.body();
    if (body == null) return new byte[0];
    if (!response.isSuccessful()) return HttpBodies.readErrorBody(body);
    byte[] bytes = HttpBodies.readWholeBody(body.source());
    if (bytes == null) {
      throw new TokenRequestException(
          "token response (HTTP "
              + response.code()
              + ") is larger than "
              + HttpBodies.MAX_BODY_BYTES
              + " bytes",
          null,
          response.code(),
          false);
    }
    return bytes;
  }

  private TokenRequestException errorResponse(Response response, byte[] bytes, Redactor redactor) {
    int code = response.code();
    boolean isTransient = code == 408 || code == 429 || code >= 500;
    long retryAfterMillis =
        isTransient
            ? HttpBodies.retryAfterMillis(response.headers(), clock.currentTimeMillis())
            : -1L;

    Map<String, Object> fields = new LinkedHashMap<>();
    String error = null;
    String description = null;
    String uri = null;
    String excerpt = null;
    Object json = Json.parse(bytes);
    if (json instanceof Map) {
      for (Map.Entry<?, ?> entry : ((Map<?, ?>) json).entrySet()) {
        fields.put(String.valueOf(entry.getKey()), redactor.redactValue(entry.getValue()));
      }
      Object errorField = fields.get("error");
      if (errorField instanceof String) {
        error = (String) errorField;
      } else if (errorField instanceof Map) {
        // Some providers nest {"error":{"code":…,"message":…}}.
        Map<?, ?> nested = (Map<?, ?>) errorField;
        error = Json.string(nested.get("code"));
        description = Json.string(nested.get("message"));
      }
      if (description == null) description = Json.string(fields.get("error_description"));
      if (description == null) description = Json.string(fields.get("message"));
      uri = Json.string(fields.get("error_uri"));
    } else if (bytes.length > 0) {
      excerpt = Json.excerpt(redactor.redact(new String(bytes, UTF_8)));
    }
    if (error == null) {
      // RFC 6750 §3: the error may be in the challenge only, as with {"statusCode":401}.
      Map<String, String> challenge = challengeParams(response.headers("WWW-Authenticate"));
      error = challenge.get("error");
      if (description == null) description = challenge.get("error_description");
      if (uri == null) uri = challenge.get("error_uri");
    }
    // Server text is bounded: a hostile or broken server cannot flood logs through our messages.
    if (error != null) error = Json.excerpt(redactor.redact(error));
    if (description != null) description = Json.excerpt(redactor.redact(description));
    if (uri != null) uri = Json.excerpt(redactor.redact(uri));

    StringBuilder message = new StringBuilder();
    if (error != null) {
      message.append(error);
      if (description != null) message.append(": ").append(description);
      message.append(" (HTTP ").append(code).append(" from the token endpoint)");
    } else if (code >= 300 && code < 400) {
      message.append("the token endpoint redirected (HTTP ").append(code).append(")");
    } else {
      message.append("the token endpoint answered HTTP ").append(code);
      if (description != null) {
        message.append(": ").append(description);
      } else if (excerpt != null) {
        String contentType = response.header("Content-Type", "unknown content type");
        message.append(" with ").append(bytes.length).append(" bytes of ").append(contentType);
      }
    }
    return new TokenRequestException(
        message.toString(),
        null,
        code,
        error,
        description,
        uri,
        fields,
        excerpt,
        isTransient,
        retryAfterMillis);
  }

  static Map<String, String> challengeParams(List<String> challenges) {
    Map<String, String> result = new LinkedHashMap<>();
    for (String challenge : challenges) {
      Matcher matcher = AUTH_PARAM.matcher(challenge);
      while (matcher.find()) {
        String name = matcher.group(1).toLowerCase(java.util.Locale.ROOT);
        String value = matcher.group(2) != null ? unquote(matcher.group(2)) : matcher.group(3);
        if (!result.containsKey(name)) result.put(name, value);
      }
    }
    return result;
  }

  private static String unquote(String quoted) {
    return quoted.replaceAll("\\\\(.)", "$1");
  }

  /**
   * Returns a redactor for the secrets {@code grant}'s request carries, {@code
   * authenticationSecrets} among them; it finds them raw, JSON-escaped and form-encoded, as a
   * server may echo them.
   */
  private Redactor redactor(Grant grant, List<String> authenticationSecrets) {
    List<String> secrets = new ArrayList<>(authenticationSecrets);
    String clientSecret = endpoint.clientSecret;
    if (clientSecret != null) {
      secrets.add(clientSecret);
      // A server that echoes the request may show the Basic credentials, which decode to the
      // secret.
      secrets.add(basicCredentials(endpoint.clientId, clientSecret, true).substring(6));
      secrets.add(basicCredentials(endpoint.clientId, clientSecret, false).substring(6));
    }
    secrets.addAll(grant.secrets());
    return new Redactor(secrets);
  }

  /** Returns an {@code Authorization: Basic} value, form-urlencoding id and secret if asked. */
  static String basicCredentials(String clientId, String clientSecret, boolean formUrlEncode) {
    return formUrlEncode
        ? Credentials.basic(formUrlEncode(clientId), formUrlEncode(clientSecret), UTF_8)
        : Credentials.basic(clientId, clientSecret, UTF_8);
  }

  @Override
  public String toString() {
    return "TokenSource{" + endpoint + "}";
  }
}
