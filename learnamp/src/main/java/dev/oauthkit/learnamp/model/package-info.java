/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */

/**
 * Moshi models of the Learn Amp API's responses. Models are final classes with public final fields
 * that Moshi fills by reflection; a field is null when the response omitted it or sent {@code
 * null}. List envelopes implement {@link dev.oauthkit.learnamp.model.Listing}.
 */
@NullMarked
package dev.oauthkit.learnamp.model;

import org.jspecify.annotations.NullMarked;
