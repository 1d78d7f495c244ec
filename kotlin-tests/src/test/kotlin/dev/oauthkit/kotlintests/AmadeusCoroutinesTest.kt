/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.kotlintests

import dev.oauthkit.amadeus.Amadeus
import dev.oauthkit.amadeus.AmadeusException
import dev.oauthkit.amadeus.model.CheckinLink
import dev.oauthkit.amadeus.model.DataList
import dev.oauthkit.sandbox.AmadeusSandbox
import dev.oauthkit.sandbox.Sandbox
import dev.oauthkit.testing.TestClock
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.async
import kotlinx.coroutines.awaitAll
import kotlinx.coroutines.runBlocking
import kotlinx.coroutines.withContext
import org.assertj.core.api.Assertions.assertThat
import org.junit.jupiter.api.AfterEach
import org.junit.jupiter.api.BeforeEach
import org.junit.jupiter.api.Test
import retrofit2.HttpException
import retrofit2.http.GET
import retrofit2.http.Query
import retrofit2.await

/** Amadeus from coroutines: the provider's calls with `await()`, and a user's `suspend` API. */
class AmadeusCoroutinesTest {
  private val sandbox = AmadeusSandbox()
  private val clock = TestClock()
  private lateinit var amadeus: Amadeus

  @BeforeEach
  fun setUp() {
    sandbox.start()
    amadeus =
      Amadeus.builder()
        .clientId(Sandbox.CLIENT_ID)
        .clientSecret(Sandbox.CLIENT_SECRET)
        .baseUrl(sandbox.baseUrl())
        .clock(clock)
        .build()
  }

  @AfterEach
  fun tearDown() {
    sandbox.close()
  }

  /** The reproducer: with platform types this line was an "Overload resolution ambiguity". */
  @Test
  fun checkinLinksAwaited(): Unit = runBlocking {
    val links = amadeus.api().checkinLinks("IB", null).await()

    val data: List<CheckinLink> = links.data.orEmpty()
    assertThat(data.map { it.id }).containsExactly("IBEN-GBWeb", "IBEN-GBMobile")
    assertThat(data.map { it.channel }).containsExactly("Web", "Mobile")
    assertThat(data.first().href).isEqualTo("https://www.iberia.com/gb/online-checkin/")
    assertThat(links.meta?.count).isEqualTo(2)
    assertThat(sandbox.tokenRequests("client_credentials")).isEqualTo(1)
    assertThat(sandbox.apiCalls()).isEqualTo(1)
  }

  @Test
  fun concurrentCoroutinesShareOneToken(): Unit = runBlocking {
    val airlines = listOf("IB", "BA", "LH", "IB", "BA")

    val pages =
      airlines
        .map { airline -> async(Dispatchers.IO) { amadeus.api().checkinLinks(airline, "EN").await() } }
        .awaitAll()

    assertThat(pages.map { it.data.orEmpty().size }).containsExactly(2, 2, 1, 2, 2)
    assertThat(sandbox.tokenRequests()).isEqualTo(1)
    assertThat(sandbox.apiCalls()).isEqualTo(airlines.size)
  }

  @Test
  fun revokedTokenIsRenewedOnceAndTheCallRetried(): Unit = runBlocking {
    amadeus.api().checkinLinks("BA", null).await()
    sandbox.revokeAllTokens()

    val links = amadeus.api().checkinLinks("LH", null).await()

    assertThat(links.data.orEmpty().map { it.id }).containsExactly("LHEN-GBAll")
    assertThat(sandbox.unauthorizedResponses()).isEqualTo(1)
    assertThat(sandbox.tokenRequests("client_credentials")).isEqualTo(2)
    assertThat(sandbox.apiCalls()).isEqualTo(3)
  }

  @Test
  fun rateLimitedTokenRequestIsRetried(): Unit = runBlocking {
    sandbox.failNextTokenRequests(1, 429)

    val links = amadeus.api().checkinLinks("IB", "ES").await()

    assertThat(links.data.orEmpty().map { it.id }).containsExactly("IBES-ESWeb", "IBES-ESMobile")
    assertThat(sandbox.tokenRequests()).isEqualTo(2)
    assertThat(clock.sleeps).hasSize(1) // The wait before the retry, on the test clock.
  }

  /** `await()` throws Retrofit's HttpException; `AmadeusException.from` types it. */
  @Test
  fun typedErrorFromAwait(): Unit = runBlocking {
    val e = thrownBy<HttpException> { amadeus.api().checkinLinks("", null).await() }

    val error = AmadeusException.from(checkNotNull(e.response()))
    assertThat(error.code()).isEqualTo(400)
    assertThat(error.hasErrorCode("32171")).isTrue()
    assertThat(error.errors().first().source?.parameter).isEqualTo("airlineCode")
    assertThat(error.isRateLimited()).isFalse()
  }

  /** `execute` on the IO dispatcher throws the provider's exception itself. */
  @Test
  fun typedErrorFromExecute(): Unit = runBlocking {
    val call = amadeus.api().checkinLinks("", null)

    val error = thrownBy<AmadeusException> { withContext(Dispatchers.IO) { amadeus.execute(call) } }

    assertThat(error.code()).isEqualTo(400)
    assertThat(error.hasErrorCode("32171")).isTrue()
    val links = withContext(Dispatchers.IO) { amadeus.execute(amadeus.api().checkinLinks("BA", null)) }
    assertThat(links.data.orEmpty()).hasSize(2)
  }

  /** An API the module does not wrap, declared as a `suspend` Retrofit interface. */
  interface LinksApi {
    @GET("v2/reference-data/urls/checkin-links")
    suspend fun checkinLinks(
      @Query("airlineCode") airlineCode: String,
      @Query("language") language: String? = null,
    ): DataList<CheckinLink>
  }

  @Test
  fun ownSuspendInterfaceThroughCreate(): Unit = runBlocking {
    val api = amadeus.create(LinksApi::class.java)

    val links = api.checkinLinks("BA")
    sandbox.revokeAllTokens()
    val again = api.checkinLinks("IB", "es-ES")

    assertThat(links.data.orEmpty().map { it.channel }).containsExactly("Mobile", "Web")
    assertThat(again.data.orEmpty().map { it.id }).containsExactly("IBES-ESWeb", "IBES-ESMobile")
    // The same token handling as the provider's own API: one 401, one renewal, one retry.
    assertThat(sandbox.unauthorizedResponses()).isEqualTo(1)
    assertThat(sandbox.tokenRequests()).isEqualTo(2)
    val e = thrownBy<HttpException> { api.checkinLinks("") }
    assertThat(AmadeusException.from(checkNotNull(e.response())).hasErrorCode("32171")).isTrue()
  }
}
