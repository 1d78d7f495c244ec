/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * In-process stand-ins for the providers: MockWebServer dispatchers that speak each provider's
 * token protocol as documented, with short-lived tokens and the provider's own error bodies.
 */
@NullMarked
package dev.oauthkit.samples.sandbox;

import org.jspecify.annotations.NullMarked;
