/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.learnamp;

import dev.oauthkit.testing.ProviderFaultMatrixTest;

/** The fault matrix through {@link LearnAmp}. */
class LearnAmpFaultMatrixTest extends ProviderFaultMatrixTest {
  LearnAmpFaultMatrixTest() {
    super("learnamp", new LearnAmpFixture());
  }
}
