/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */

/** Runnable samples for oauthkit; they run offline against an embedded sandbox. */
@org.jspecify.annotations.NullMarked
package dev.oauthkit.samples;
