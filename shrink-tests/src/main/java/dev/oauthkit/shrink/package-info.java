/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */

/**
 * A small app that uses every provider, shrunk and obfuscated by ProGuard in this module's tests
 * with only the consumer rules shipped in the jars. Never published.
 */
@org.jspecify.annotations.NullMarked
package dev.oauthkit.shrink;
