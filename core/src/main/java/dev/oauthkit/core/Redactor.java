/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.core;

import java.util.ArrayList;
import java.util.List;

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

  String redact(String text) {
    String result = text;
    for (String secret : secrets) {
      if (result.contains(secret)) result = result.replace(secret, REDACTED);
    }
    return result;
  }
}
