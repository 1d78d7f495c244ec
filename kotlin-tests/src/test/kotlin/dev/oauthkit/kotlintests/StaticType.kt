/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.kotlintests

/**
 * Holds a value with the static type Kotlin gave it, so that [nullness] can tell that type apart at
 * compile time.
 */
class StaticType<T>(val value: T)

/** Returns "non-null": the expression's type is a Kotlin non-null type. */
fun <T : Any> StaticType<T>.nullness(): String = "non-null"

/**
 * Returns "nullable": the expression's type is `T?`.
 *
 * For a platform type (`T!`, a Java type whose nullness Kotlin cannot see) both overloads apply and
 * neither is more specific, so the call does not compile ("Overload resolution ambiguity"), the
 * error `Call<T>.await()` gives without JSpecify. A lost `@NullMarked` or `@Nullable` therefore fails
 * the build, not only a test.
 */
@JvmName("nullnessOfNullable") fun <T : Any> StaticType<T?>.nullness(): String = "nullable"
