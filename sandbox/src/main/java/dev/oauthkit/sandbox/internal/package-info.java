/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * Not API: token bookkeeping and request parsing shared by the sandboxes. May change at any time.
 */
@NullMarked
package dev.oauthkit.sandbox.internal;

import org.jspecify.annotations.NullMarked;
