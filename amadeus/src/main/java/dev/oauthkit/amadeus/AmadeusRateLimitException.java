/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.amadeus;

import dev.oauthkit.amadeus.model.Issue;
import java.util.List;
import javax.annotation.Nullable;

/**
 * An Amadeus API answered 429: too many requests (code 38194; the test environment allows 10 per
 * second and at most one per 100 ms) or the monthly quota is used up (code 38195, see {@link
 * #isQuotaExceeded()}). Nothing retries it automatically.
 */
public final class AmadeusRateLimitException extends AmadeusException {
  private static final long serialVersionUID = 1L;

  private final long retryAfterMillis;

  AmadeusRateLimitException(
      String message,
      int code,
      @Nullable String bodyExcerpt,
      List<Issue> errors,
      long retryAfterMillis) {
    super(message, code, bodyExcerpt, errors);
    this.retryAfterMillis = retryAfterMillis;
  }

  /**
   * Returns how long the server asked to wait before the next request, from its {@code Retry-After}
   * header, in milliseconds; -1 if it sent none.
   */
  public long retryAfterMillis() {
    return retryAfterMillis;
  }

  /**
   * Returns true if the monthly request quota is used up (code 38195): waiting a moment will not
   * help.
   */
  public boolean isQuotaExceeded() {
    return hasErrorCode("38195");
  }
}
