/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.kotlintests

import org.assertj.core.api.Assertions.assertThat

/** Runs [block] and returns what it threw; fails unless it threw an [E]. */
suspend inline fun <reified E : Throwable> thrownBy(block: suspend () -> Unit): E {
  val thrown =
    try {
      block()
      null
    } catch (e: Throwable) {
      e
    }
  assertThat(thrown).isInstanceOf(E::class.java)
  return thrown as E
}
