/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * Moshi models of Amadeus Self-Service API responses. Every field is null (or zero) when the
 * response leaves it out. The models are read by reflection; the consumer R8 rules that ship with
 * this module keep their fields.
 */
@org.jspecify.annotations.NullMarked
package dev.oauthkit.amadeus.model;
