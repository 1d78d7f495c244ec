/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.amadeus;

import dev.oauthkit.amadeus.model.Issue;
import dev.oauthkit.core.ApiException;
import dev.oauthkit.core.Clock;
import dev.oauthkit.core.ErrorBody;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An Amadeus API answered with an error status. The body {@code
 * {"errors":[{"status","code","title","detail","source"}]}} is available from {@link #errors()}; a
 * body in another shape, such as a gateway's HTML page, from {@link #bodyExcerpt()}.
 *
 * <p>Get one from a Retrofit response with {@link #from(retrofit2.Response)} (also for the {@code
 * response()} of a {@link retrofit2.HttpException}), or let {@link Amadeus#execute} throw it. A 429
 * is {@link #isRateLimited()}: too many requests (code 38194; the test environment allows 10 per
 * second and at most one per 100 ms), or the monthly quota is used up ({@link #isQuotaExceeded()},
 * code 38195). Nothing retries it by itself.
 *
 * <p>The message and excerpt never contain the access token, even if a server echoes it.
 */
public final class AmadeusException extends ApiException {
  private static final long serialVersionUID = 1L;

  private final transient List<Issue> errors;

  private AmadeusException(ErrorBody errorBody, @Nullable String detail, List<Issue> errors) {
    super(errorBody, detail);
    this.errors = Collections.unmodifiableList(new ArrayList<>(errors));
  }

  /**
   * Returns the exception for {@code response}, a non-2xx answer of an Amadeus API call. It reads
   * and closes the error body. It never throws for a body that cannot be read: the exception then
   * has no errors and the read failure as its cause.
   *
   * @throws IllegalArgumentException if {@code response} is successful.
   */
  public static AmadeusException from(retrofit2.Response<?> response) {
    Objects.requireNonNull(response, "response == null");
    return from(ErrorBody.read(response.raw(), response.errorBody(), Clock.SYSTEM));
  }

  static AmadeusException from(ErrorBody errorBody) {
    List<Issue> errors = issues(errorBody.json());
    if (errors == null)
      return new AmadeusException(errorBody, null, Collections.<Issue>emptyList());
    return new AmadeusException(errorBody, detail(errors), errors);
  }

  /**
   * Returns the issues of an {@code {"errors":[…]}} body, or null if {@code json} is not one. The
   * elements that are not objects are skipped.
   */
  static @Nullable List<Issue> issues(@Nullable Object json) {
    if (!(json instanceof Map)) return null;
    Object errors = ((Map<?, ?>) json).get("errors");
    if (!(errors instanceof List)) return null;
    List<Issue> result = new ArrayList<>();
    for (Object error : (List<?>) errors) {
      if (error instanceof Map) result.add(issue((Map<?, ?>) error));
    }
    return result.isEmpty() ? null : result;
  }

  private static Issue issue(Map<?, ?> error) {
    Long status = ErrorBody.wholeNumber(error.get("status"));
    Object source = error.get("source");
    Issue.Source issueSource = null;
    if (source instanceof Map) {
      Map<?, ?> map = (Map<?, ?>) source;
      issueSource =
          new Issue.Source(
              ErrorBody.string(map.get("parameter")),
              ErrorBody.string(map.get("pointer")),
              ErrorBody.string(map.get("example")));
    }
    return new Issue(
        status != null && status >= 0 && status <= Integer.MAX_VALUE ? status.intValue() : 0,
        ErrorBody.string(error.get("code")),
        ErrorBody.string(error.get("title")),
        ErrorBody.string(error.get("detail")),
        issueSource);
  }

  /** Returns the first error's code, title, detail and parameter, and how many more there are. */
  private static String detail(List<Issue> errors) {
    Issue first = errors.get(0);
    StringBuilder result = new StringBuilder();
    if (first.code != null) result.append(first.code).append(' ');
    if (first.title != null) result.append(first.title);
    if (first.detail != null) result.append(": ").append(first.detail);
    if (first.source != null && first.source.parameter != null) {
      result.append(" (parameter ").append(first.source.parameter).append(')');
    }
    if (errors.size() > 1) result.append(" and ").append(errors.size() - 1).append(" more");
    return result.toString().trim();
  }

  /** Returns every error of the body, in order; empty if the body was not an Amadeus error body. */
  public List<Issue> errors() {
    List<Issue> result = errors;
    return result != null ? result : Collections.<Issue>emptyList();
  }

  /** Returns true if one of {@link #errors()} has the Amadeus error code {@code code}. */
  public boolean hasErrorCode(String code) {
    Objects.requireNonNull(code, "code == null");
    for (Issue error : errors()) {
      if (code.equals(error.code)) return true;
    }
    return false;
  }

  /**
   * Returns true if the monthly request quota is used up (code 38195): unlike a plain rate limit
   * (38194), waiting a moment will not help.
   */
  public boolean isQuotaExceeded() {
    return hasErrorCode("38195");
  }
}
