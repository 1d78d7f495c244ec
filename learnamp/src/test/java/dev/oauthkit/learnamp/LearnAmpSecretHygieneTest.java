/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.learnamp;

import dev.oauthkit.testing.ProviderSecretHygieneTest;

/** Secret hygiene through {@link LearnAmp}. */
class LearnAmpSecretHygieneTest extends ProviderSecretHygieneTest {
  LearnAmpSecretHygieneTest() {
    super(new LearnAmpFixture(), "CANARY-learnamp");
  }
}
