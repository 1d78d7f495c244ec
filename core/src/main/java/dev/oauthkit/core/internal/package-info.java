/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * Helpers shared by oauthkit's modules. Not API: anything here may change in any release without
 * notice. Do not use from applications.
 */
@NullMarked
package dev.oauthkit.core.internal;

import org.jspecify.annotations.NullMarked;
