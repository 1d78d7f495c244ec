/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.amadeus;

import dev.oauthkit.testing.ProviderSecretHygieneTest;

/** Secret hygiene through {@link Amadeus}. */
class AmadeusSecretHygieneTest extends ProviderSecretHygieneTest {
  AmadeusSecretHygieneTest() {
    super(new AmadeusFixture(), "CANARY-amadeus");
  }
}
