/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * Moshi models of DADI API responses. Every field is null when the response leaves it out. The
 * models are read by reflection; {@code META-INF/proguard/oauthkit-samples-dadi.pro} keeps their
 * fields for R8.
 */
@org.jspecify.annotations.NullMarked
package dev.oauthkit.samples.dadi.model;
