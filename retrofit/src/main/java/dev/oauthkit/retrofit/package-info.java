/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * The Retrofit half of oauthkit's provider kit: {@link dev.oauthkit.retrofit.ProviderClient}, the
 * base class of every provider's client, which states the one contract all providers keep.
 */
@org.jspecify.annotations.NullMarked
package dev.oauthkit.retrofit;
