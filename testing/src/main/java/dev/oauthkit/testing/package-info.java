/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
/** Test helpers the provider modules share; never published. */
@NullMarked
package dev.oauthkit.testing;

import org.jspecify.annotations.NullMarked;
