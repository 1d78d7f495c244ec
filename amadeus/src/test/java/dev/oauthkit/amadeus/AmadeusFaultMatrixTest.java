/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.amadeus;

import dev.oauthkit.testing.ProviderFaultMatrixTest;

/** The fault matrix through {@link Amadeus}. */
class AmadeusFaultMatrixTest extends ProviderFaultMatrixTest {
  AmadeusFaultMatrixTest() {
    super("amadeus", new AmadeusFixture());
  }
}
