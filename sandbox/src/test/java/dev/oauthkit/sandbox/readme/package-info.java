/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
/** The provider READMEs' "Testing your integration" examples, as they are printed there. */
@NullMarked
package dev.oauthkit.sandbox.readme;

import org.jspecify.annotations.NullMarked;
