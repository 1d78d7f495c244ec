/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.annotation.Nullable;

/** Removes known secrets from text that a server sent and that ends up in an exception message. */
final class Redactor {
  static final String REDACTED = "██";

  /** Secrets shorter than this are not searched for: they would match ordinary text. */
  private static final int MIN_SECRET_LENGTH = 4;

  private final List<String> secrets = new ArrayList<>();

  Redactor(List<String> secrets) {
    for (String secret : secrets) {
      if (secret.length() >= MIN_SECRET_LENGTH) {
        this.secrets.add(secret);
        String encoded = OAuth2TokenSource.formUrlEncode(secret);
        if (!encoded.equals(secret)) this.secrets.add(encoded);
      }
    }
  }

  /** Returns a JSON value with known secrets removed from every string in it. */
  @Nullable
  Object redactValue(@Nullable Object value) {
    if (value instanceof String) return redact((String) value);
    if (value instanceof List) {
      List<Object> result = new ArrayList<>();
      for (Object element : (List<?>) value) result.add(redactValue(element));
      return Collections.unmodifiableList(result);
    }
    if (value instanceof Map) {
      Map<String, Object> result = new LinkedHashMap<>();
      for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
        result.put(String.valueOf(entry.getKey()), redactValue(entry.getValue()));
      }
      return Collections.unmodifiableMap(result);
    }
    return value;
  }

  String redact(String text) {
    String result = text;
    for (String secret : secrets) {
      if (result.contains(secret)) result = result.replace(secret, REDACTED);
    }
    return result;
  }
}
