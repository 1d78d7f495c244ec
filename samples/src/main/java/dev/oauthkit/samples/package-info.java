/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */

/** Runnable samples for oauthkit; they run offline against an embedded sandbox. */
@javax.annotation.ParametersAreNonnullByDefault
package dev.oauthkit.samples;
