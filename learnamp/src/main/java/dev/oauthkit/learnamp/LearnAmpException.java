/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.learnamp;

import dev.oauthkit.core.ApiException;
import dev.oauthkit.core.Clock;
import dev.oauthkit.core.ErrorBody;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The Learn Amp API answered with an error status. Its body, {@code {"error":"Not found"}} or, for
 * validation errors, {@code {"error":"email is missing","fullErrors":{"email":["is missing"]}}}, is
 * available as {@link #error()} and {@link #fullErrors()}. A body in another shape (an HTML error
 * page, an empty body) leaves those empty and keeps its start in {@link #bodyExcerpt()}.
 *
 * <p>Statuses Learn Amp documents: 400 (invalid request), 401 (bad token; the client already
 * renewed the token and retried once), 403 (missing permission or scope; never retried), 404, 406,
 * 410, 422, 429 ({@link #isRateLimited()}, with {@link #retryAfterMillis()}), 500 and 503.
 *
 * <p>The message never contains a token or a secret: the bearer token of the failed request is
 * masked should the server echo it.
 */
public final class LearnAmpException extends ApiException {
  private static final long serialVersionUID = 1L;

  private final @Nullable String error;
  private final Map<String, List<String>> fullErrors;

  private LearnAmpException(
      ErrorBody errorBody, @Nullable String error, Map<String, List<String>> fullErrors) {
    super(errorBody, error);
    this.error = error;
    this.fullErrors = fullErrors;
  }

  /**
   * Returns the exception for an unsuccessful Retrofit response, reading (and closing) its error
   * body. Use it in a {@link retrofit2.Callback}:
   *
   * <pre>{@code
   * public void onResponse(Call<User> call, Response<User> response) {
   *   if (!response.isSuccessful()) {
   *     showError(LearnAmpException.from(response));
   *     return;
   *   }
   *   showUser(response.body());
   * }
   * }</pre>
   *
   * <p>It never throws for a body that cannot be read: the exception then has no {@link #error()}
   * and the read failure as its cause.
   *
   * @throws IllegalArgumentException if {@code response} is successful.
   */
  public static LearnAmpException from(retrofit2.Response<?> response) {
    Objects.requireNonNull(response, "response == null");
    return from(ErrorBody.read(response.raw(), response.errorBody(), Clock.SYSTEM));
  }

  static LearnAmpException from(ErrorBody errorBody) {
    Map<?, ?> json = errorBody.jsonObject();
    Object errorValue = json != null ? json.get("error") : null;
    String error =
        errorValue instanceof Map || errorValue instanceof List
            ? null
            : ErrorBody.string(errorValue);
    if (json == null || error == null) {
      return new LearnAmpException(errorBody, null, Collections.<String, List<String>>emptyMap());
    }
    return new LearnAmpException(errorBody, error, fullErrors(json.get("fullErrors")));
  }

  /** Reads {@code {"field":["message",…]}}, tolerating a single string where a list belongs. */
  private static Map<String, List<String>> fullErrors(@Nullable Object value) {
    if (!(value instanceof Map)) return Collections.emptyMap();
    Map<String, List<String>> result = new LinkedHashMap<>();
    for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
      List<String> messages = new ArrayList<>();
      Object messagesValue = entry.getValue();
      if (messagesValue instanceof List) {
        for (Object message : (List<?>) messagesValue) {
          String string = ErrorBody.string(message);
          if (string != null) messages.add(string);
        }
      } else {
        String string = ErrorBody.string(messagesValue);
        if (string != null) messages.add(string);
      }
      result.put(String.valueOf(entry.getKey()), Collections.unmodifiableList(messages));
    }
    return Collections.unmodifiableMap(result);
  }

  /**
   * Returns the {@code error} text of the body, or null if the body was not in Learn Amp's format.
   */
  public @Nullable String error() {
    return error;
  }

  /**
   * Returns the validation messages by field from {@code fullErrors}, such as {@code email=[is
   * missing, is empty]}; empty if the body had none.
   */
  public Map<String, List<String>> fullErrors() {
    return fullErrors;
  }
}
