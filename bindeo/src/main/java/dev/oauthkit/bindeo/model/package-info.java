/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * Moshi models of the Bindeo API: the {@code {"data": …}} envelopes and the resources inside them.
 *
 * <p>Bindeo sends many numbers as JSON strings ({@code "idType":"2"}) and some as numbers ({@code
 * "idUser":1}); numeric fields accept both. The models are read and written by reflection: keep
 * their fields and constructors when shrinking (the module ships the R8 rules).
 */
@org.jspecify.annotations.NullMarked
package dev.oauthkit.bindeo.model;
