/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.kotlintests

import dev.oauthkit.bindeo.Bindeo
import dev.oauthkit.bindeo.BindeoException
import dev.oauthkit.bindeo.model.AccountType
import dev.oauthkit.bindeo.model.ResourceList
import dev.oauthkit.sandbox.BindeoSandbox
import dev.oauthkit.sandbox.Sandbox
import dev.oauthkit.testing.TestClock
import java.io.IOException
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.runBlocking
import kotlinx.coroutines.withContext
import org.assertj.core.api.Assertions.assertThat
import org.junit.jupiter.api.AfterEach
import org.junit.jupiter.api.BeforeEach
import org.junit.jupiter.api.Test
import retrofit2.await
import retrofit2.awaitResponse
import retrofit2.http.GET
import retrofit2.http.Query

/** Bindeo from coroutines: the password grant, refresh-token renewal and its refusal. */
class BindeoCoroutinesTest {
  private val sandbox = BindeoSandbox()
  private val clock = TestClock()
  private lateinit var bindeo: Bindeo

  @BeforeEach
  fun setUp() {
    sandbox.start()
    bindeo =
      Bindeo.builder()
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

  /** Signs in (a blocking token request, so on the IO dispatcher). */
  private suspend fun signIn(): Bindeo =
    withContext(Dispatchers.IO) { bindeo.signIn(BindeoSandbox.USERNAME, BindeoSandbox.PASSWORD) }

  @Test
  fun passwordGrantThenRefreshToken(): Unit = runBlocking {
    val user = signIn()

    val identities = user.api().identities().await()
    val firstRefreshToken = withContext(Dispatchers.IO) { user.tokens().token().refreshToken() }
    sandbox.revokeAllTokens() // The next call gets a 401: the client renews with its refresh token.
    val again = user.api().identities().await()

    assertThat(identities.data.map { it.attributes?.value }).containsExactly(BindeoSandbox.USERNAME)
    assertThat(again.data.map { it.attributes?.name }).containsExactly("Sandbox User")
    assertThat(sandbox.tokenRequests("password")).isEqualTo(1)
    assertThat(sandbox.tokenRequests("refresh_token")).isEqualTo(1)
    assertThat(sandbox.unauthorizedResponses()).isEqualTo(1)
    // Bindeo rotates refresh tokens: the client keeps the new one.
    val rotated = withContext(Dispatchers.IO) { user.tokens().token().refreshToken() }
    assertThat(firstRefreshToken).isNotNull()
    assertThat(rotated).isNotNull().isNotEqualTo(firstRefreshToken)
  }

  @Test
  fun refusedRefreshTokenAsksForSignIn(): Unit = runBlocking {
    val user = signIn()
    user.api().identities().await()
    sandbox.refuseRefreshTokens(true)
    sandbox.revokeAllTokens()

    val error = thrownBy<IOException> { user.api().identities().await() }

    assertThat(Bindeo.isSignInRequired(error)).isTrue()
    assertThat(sandbox.tokenRequests("refresh_token")).isEqualTo(1)
    // Signing in again starts a new session.
    val again = signIn().api().identities().await()
    assertThat(again.data).hasSize(1)
    assertThat(sandbox.tokenRequests("password")).isEqualTo(2)
  }

  @Test
  fun clientHoldingThePasswordSignsInAgainByItself(): Unit = runBlocking {
    val user =
      Bindeo.builder()
        .clientId(Sandbox.CLIENT_ID)
        .clientSecret(Sandbox.CLIENT_SECRET)
        .baseUrl(sandbox.baseUrl())
        .password(BindeoSandbox.USERNAME, BindeoSandbox.PASSWORD)
        .clock(clock)
        .build()
    user.api().identities().await()
    sandbox.refuseRefreshTokens(true)
    sandbox.revokeAllTokens()

    val identities = user.api().identities().await()

    assertThat(identities.data).hasSize(1)
    assertThat(sandbox.tokenRequests("refresh_token")).isEqualTo(1)
    assertThat(sandbox.tokenRequests("password")).isEqualTo(2)
  }

  /** A client-credentials token may not read a user's identities: 403, typed in Kotlin. */
  @Test
  fun typedError(): Unit = runBlocking {
    val response = bindeo.api().identities().awaitResponse()

    val error = BindeoException.from(response)

    assertThat(response.isSuccessful).isFalse()
    assertThat(error.code()).isEqualTo(403)
    assertThat(error.isRateLimited()).isFalse()
    val thrown =
      thrownBy<BindeoException> {
        withContext(Dispatchers.IO) { bindeo.execute(bindeo.api().identities()) }
      }
    assertThat(thrown.code()).isEqualTo(403)
  }

  /** An endpoint declared by the user as a `suspend` function, with the client's token. */
  interface GeneralApi {
    @GET("general/account-types")
    suspend fun accountTypes(@Query("locale") locale: String): ResourceList<AccountType>
  }

  @Test
  fun ownSuspendInterfaceThroughCreate(): Unit = runBlocking {
    val api = bindeo.create(GeneralApi::class.java)

    val english = api.accountTypes("en_US")
    val spanish = api.accountTypes("es_ES")

    assertThat(english.data.map { it.attributes?.name }).containsExactly("Free user", "Premium user")
    assertThat(spanish.data.mapNotNull { it.attributes?.name })
      .containsExactly("Usuario gratis", "Usuario premium")
    assertThat(english.data.map { it.attributes?.maxStorage }).containsExactly(524288L, 5242880L)
    assertThat(sandbox.tokenRequests("client_credentials")).isEqualTo(1)
    assertThat(sandbox.apiCalls()).isEqualTo(2)
  }
}
