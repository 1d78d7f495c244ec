/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.kotlintests

import dev.oauthkit.amadeus.Amadeus
import dev.oauthkit.bindeo.Bindeo
import dev.oauthkit.core.TokenListener
import dev.oauthkit.core.TokenRequestException
import dev.oauthkit.sandbox.AmadeusSandbox
import dev.oauthkit.sandbox.BindeoSandbox
import dev.oauthkit.sandbox.Sandbox
import dev.oauthkit.testing.TestClock
import java.io.IOException
import java.util.concurrent.CopyOnWriteArrayList
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.runBlocking
import kotlinx.coroutines.withContext
import org.assertj.core.api.Assertions.assertThat
import org.junit.jupiter.api.Test
import retrofit2.await

/** A [TokenListener] written in Kotlin: what it sees, and that no token or secret reaches it. */
class KotlinTokenListenerTest {
  /** Records each event as a line, and every exception it is handed. */
  private class RecordingListener : TokenListener() {
    val events = CopyOnWriteArrayList<String>()
    val exceptions = CopyOnWriteArrayList<IOException>()

    override fun tokenRequestStart(grantType: String) {
      events += "start $grantType"
    }

    override fun tokenRequestEnd(grantType: String, expiresAtMillis: Long, durationMillis: Long) {
      events += "end $grantType"
    }

    override fun tokenRequestFailed(grantType: String, e: IOException, durationMillis: Long) {
      exceptions += e
      events += "failed $grantType ${(e as? TokenRequestException)?.code()}"
    }

    override fun tokenRequestRetry(grantType: String, attempt: Int, delayMillis: Long) {
      events += "retry $grantType attempt $attempt"
    }

    override fun tokenInvalidated() {
      events += "invalidated"
    }

    override fun refreshTokenRejected(e: TokenRequestException) {
      exceptions += e
      events += "refresh token rejected ${e.error()}"
    }

    override fun storeFailed(e: IOException) {
      exceptions += e
      events += "store failed"
    }

    /** Everything this listener was told, exception messages and causes included. */
    fun transcript(): String =
      (events + exceptions.flatMap { generateSequence<Throwable>(it) { e -> e.cause }.toList() }
          .map { "$it ${it.message} ${it.stackTraceToString()}" })
        .joinToString("\n")
  }

  @Test
  fun amadeusEventsCarryNoTokenOrSecret(): Unit = runBlocking {
    val listener = RecordingListener()
    AmadeusSandbox().use { sandbox ->
      sandbox.start()
      val amadeus =
        Amadeus.builder()
          .clientId(Sandbox.CLIENT_ID)
          .clientSecret(Sandbox.CLIENT_SECRET)
          .baseUrl(sandbox.baseUrl())
          .tokenListener(listener)
          .clock(TestClock())
          .build()
      sandbox.failNextTokenRequests(1, 503)

      amadeus.api().checkinLinks("IB", null).await()
      val firstToken = withContext(Dispatchers.IO) { amadeus.tokens().token().value() }
      sandbox.revokeAllTokens()
      amadeus.api().checkinLinks("BA", null).await()
      val secondToken = withContext(Dispatchers.IO) { amadeus.tokens().token().value() }

      assertThat(listener.events)
        .containsExactly(
          "start client_credentials",
          "failed client_credentials 503",
          "retry client_credentials attempt 2",
          "start client_credentials",
          "end client_credentials",
          "invalidated",
          "start client_credentials",
          "end client_credentials",
        )
      assertThat(secondToken).isNotEqualTo(firstToken)
      assertThat(listener.transcript())
        .doesNotContain(firstToken, secondToken, Sandbox.CLIENT_SECRET)
    }
  }

  @Test
  fun bindeoRefusedRefreshTokenEventCarriesNoSecret(): Unit = runBlocking {
    val listener = RecordingListener()
    BindeoSandbox().use { sandbox ->
      sandbox.start()
      val bindeo =
        Bindeo.builder()
          .clientId(Sandbox.CLIENT_ID)
          .clientSecret(Sandbox.CLIENT_SECRET)
          .baseUrl(sandbox.baseUrl())
          .password(BindeoSandbox.USERNAME, BindeoSandbox.PASSWORD)
          .tokenListener(listener)
          .clock(TestClock())
          .build()

      bindeo.api().identities().await()
      val first = withContext(Dispatchers.IO) { bindeo.tokens().token() }
      sandbox.refuseRefreshTokens(true)
      sandbox.revokeAllTokens()
      bindeo.api().identities().await()
      val second = withContext(Dispatchers.IO) { bindeo.tokens().token() }

      assertThat(listener.events)
        .containsExactly(
          "start password",
          "end password",
          "invalidated",
          "start refresh_token",
          "failed refresh_token 400",
          "refresh token rejected invalid_request",
          "start password",
          "end password",
        )
      val secrets =
        listOfNotNull(
          first.value(),
          first.refreshToken(),
          second.value(),
          second.refreshToken(),
          Sandbox.CLIENT_SECRET,
          BindeoSandbox.PASSWORD,
        )
      assertThat(secrets).hasSize(6)
      assertThat(listener.transcript()).doesNotContain(*secrets.toTypedArray())
    }
  }

  /** Kotlin may throw a checked exception from any override; the engine ignores it. */
  @Test
  fun listenerThatThrowsNeverFailsACall(): Unit = runBlocking {
    val throwing =
      object : TokenListener() {
        override fun tokenRequestEnd(grantType: String, expiresAtMillis: Long, durationMillis: Long) {
          throw IOException("thrown from Kotlin without a throws clause")
        }
      }
    AmadeusSandbox().use { sandbox ->
      sandbox.start()
      val amadeus =
        Amadeus.builder()
          .clientId(Sandbox.CLIENT_ID)
          .clientSecret(Sandbox.CLIENT_SECRET)
          .baseUrl(sandbox.baseUrl())
          .tokenListener(throwing)
          .build()

      val links = amadeus.api().checkinLinks("LH", null).await()

      assertThat(links.data.orEmpty()).hasSize(1)
      assertThat(sandbox.tokenRequests()).isEqualTo(1)
    }
  }
}
