/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * The seed-003 (DADI API) sandbox that the generic flow runs on. The provider sandboxes are
 * oauthkit-sandbox's, in {@code dev.oauthkit.sandbox}.
 */
@NullMarked
package dev.oauthkit.samples.sandbox;

import org.jspecify.annotations.NullMarked;
