/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.kotlintests

import dev.oauthkit.core.TokenRequestException
import dev.oauthkit.learnamp.LearnAmp
import dev.oauthkit.learnamp.LearnAmpException
import dev.oauthkit.learnamp.Page
import dev.oauthkit.learnamp.model.User
import dev.oauthkit.learnamp.model.UserList
import dev.oauthkit.sandbox.LearnAmpSandbox
import dev.oauthkit.sandbox.Sandbox
import dev.oauthkit.testing.TestClock
import kotlinx.coroutines.runBlocking
import org.assertj.core.api.Assertions.assertThat
import org.junit.jupiter.api.AfterEach
import org.junit.jupiter.api.BeforeEach
import org.junit.jupiter.api.Test
import retrofit2.Response
import retrofit2.awaitResponse
import retrofit2.http.GET
import retrofit2.http.Query

/** Learn Amp from coroutines: header paging with `awaitResponse()`, and a user's `suspend` API. */
class LearnAmpCoroutinesTest {
  private val sandbox = LearnAmpSandbox()
  private val clock = TestClock()
  private lateinit var learnAmp: LearnAmp

  @BeforeEach
  fun setUp() {
    sandbox.start()
    learnAmp =
      LearnAmp.builder()
        .clientId(Sandbox.CLIENT_ID)
        .clientSecret(Sandbox.CLIENT_SECRET)
        .scope("users:read")
        .baseUrl(sandbox.baseUrl())
        .clock(clock)
        .build()
  }

  @AfterEach
  fun tearDown() {
    sandbox.close()
  }

  @Test
  fun allPagesAwaited(): Unit = runBlocking {
    val users = mutableListOf<User>()
    val pages = mutableListOf<Page<User>>()
    var number = 1
    do {
      val page = Page.of(learnAmp.api().users(number++, 5).awaitResponse())
      pages += page
      users += page.elements()
    } while (page.hasNext())

    assertThat(pages.map { it.number() }).containsExactly(1, 2, 3)
    assertThat(pages.map { it.elements().size }).containsExactly(5, 5, 2)
    assertThat(pages.first().total()).isEqualTo(12)
    assertThat(pages.first().totalPages()).isEqualTo(3)
    assertThat(users.map { it.id }).containsExactlyElementsOf((1L..12L).toList())
    assertThat(users.first().firstName).isEqualTo("Ada")
    assertThat(users.mapNotNull { it.email }).allMatch { it.endsWith("@example.com") }
    assertThat(sandbox.tokenRequests("client_credentials")).isEqualTo(1)
    assertThat(sandbox.apiCalls()).isEqualTo(3)
  }

  /** List endpoints the module does not wrap, declared as `suspend` functions. */
  interface UserPagesApi {
    @GET("v1/users")
    suspend fun users(@Query("page") page: Int, @Query("perPage") perPage: Int?): Response<UserList>

    @GET("v1/no-such-endpoint") suspend fun missing(): Response<UserList>
  }

  @Test
  fun ownSuspendInterfaceThroughCreate(): Unit = runBlocking {
    val api = learnAmp.create(UserPagesApi::class.java)

    val second = Page.of(api.users(2, null))
    sandbox.revokeAllTokens()
    val last = Page.of(api.users(4, 4))

    assertThat(second.elements().map { it.lastName }).containsExactly("Perlman", "Thompson")
    assertThat(second.perPage()).isEqualTo(10)
    assertThat(second.hasNext()).isFalse()
    assertThat(last.elements()).isEmpty()
    assertThat(last.totalPages()).isEqualTo(3)
    assertThat(sandbox.unauthorizedResponses()).isEqualTo(1)
    assertThat(sandbox.tokenRequests()).isEqualTo(2)
  }

  @Test
  fun typedErrorFromAResponse(): Unit = runBlocking {
    val response = learnAmp.create(UserPagesApi::class.java).missing()

    val error = thrownBy<LearnAmpException> { Page.of(response) }

    assertThat(error.code()).isEqualTo(404)
    assertThat(LearnAmpException.from(response).code()).isEqualTo(404)
  }

  @Test
  fun tokenEndpointDownFailsTheCallThenRecovers(): Unit = runBlocking {
    sandbox.tokenEndpointDown(true)

    val error = thrownBy<TokenRequestException> { learnAmp.api().users(1, 5).awaitResponse() }

    assertThat(error.code()).isEqualTo(503)
    assertThat(error.isTransient()).isTrue()
    assertThat(sandbox.apiCalls()).isZero()
    sandbox.tokenEndpointDown(false)
    assertThat(Page.of(learnAmp.api().users(1, 5).awaitResponse()).elements()).hasSize(5)
  }
}
