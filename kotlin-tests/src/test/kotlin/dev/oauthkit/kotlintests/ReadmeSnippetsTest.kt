/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.kotlintests

import dev.oauthkit.amadeus.Amadeus
import dev.oauthkit.amadeus.AmadeusException
import dev.oauthkit.amadeus.model.CheckinLink
import dev.oauthkit.amadeus.model.DataList
import dev.oauthkit.bindeo.Bindeo
import dev.oauthkit.bindeo.BindeoException
import dev.oauthkit.learnamp.LearnAmp
import dev.oauthkit.learnamp.Page
import dev.oauthkit.learnamp.model.User
import dev.oauthkit.learnamp.model.UserList
import dev.oauthkit.sandbox.AmadeusSandbox
import dev.oauthkit.sandbox.BindeoSandbox
import dev.oauthkit.sandbox.LearnAmpSandbox
import dev.oauthkit.sandbox.Sandbox
import java.io.IOException
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.runBlocking
import kotlinx.coroutines.withContext
import org.assertj.core.api.Assertions.assertThat
import org.junit.jupiter.api.Test
import retrofit2.HttpException
import retrofit2.Response
import retrofit2.await
import retrofit2.awaitResponse
import retrofit2.http.GET
import retrofit2.http.Query

// The Kotlin snippets of amadeus/README.md, learnamp/README.md and bindeo/README.md, verbatim.

suspend fun checkinLinks(amadeus: Amadeus, airline: String): List<String> =
  try {
    val links = amadeus.api().checkinLinks(airline, null).await() // main-safe: runs on OkHttp's threads
    links.data.orEmpty().mapNotNull { it.href }
  } catch (e: HttpException) {
    throw AmadeusException.from(checkNotNull(e.response())) // the typed error of an error status
  }

interface CheckinApi {
  @GET("v2/reference-data/urls/checkin-links")
  suspend fun checkinLinks(@Query("airlineCode") airlineCode: String): DataList<CheckinLink>
}

suspend fun allUsers(learnAmp: LearnAmp): List<User> {
  val users = mutableListOf<User>()
  var number = 1
  do {
    // Page.of throws LearnAmpException for an error status; awaitResponse runs on OkHttp's threads.
    val page = Page.of(learnAmp.api().users(number++, 100).awaitResponse())
    users += page.elements()
  } while (page.hasNext())
  return users
}

interface UsersApi {
  @GET("v1/users")
  suspend fun users(@Query("page") page: Int, @Query("perPage") perPage: Int?): Response<UserList>
}

suspend fun identityValues(bindeo: Bindeo, email: String, password: String): List<String> {
  val user =
    withContext(Dispatchers.IO) { bindeo.resumeSession(email) ?: bindeo.signIn(email, password) }
  return try {
    user.api().identities().await().data.mapNotNull { it.attributes?.value }
  } catch (e: HttpException) {
    throw BindeoException.from(checkNotNull(e.response())) // the typed error of an error status
  } catch (e: IOException) {
    if (Bindeo.isSignInRequired(e)) showSignIn() // The refresh token was refused.
    throw e
  }
}

private var signInShown = 0

private fun showSignIn() {
  signInShown++
}

/** Runs the README snippets above against the sandbox. */
class ReadmeSnippetsTest {
  @Test
  fun amadeus(): Unit = runBlocking {
    AmadeusSandbox().use { sandbox ->
      sandbox.start()
      val amadeus =
        Amadeus.builder()
          .clientId(Sandbox.CLIENT_ID)
          .clientSecret(Sandbox.CLIENT_SECRET)
          .baseUrl(sandbox.baseUrl())
          .build()

      assertThat(checkinLinks(amadeus, "LH")).containsExactly("https://www.lufthansa.com/gb/en/online-check-in")
      val links = amadeus.create(CheckinApi::class.java).checkinLinks("IB")
      assertThat(links.data.orEmpty()).hasSize(2)
      val error = thrownBy<AmadeusException> { checkinLinks(amadeus, "") }
      assertThat(error.code()).isEqualTo(400)
    }
  }

  @Test
  fun learnAmp(): Unit = runBlocking {
    LearnAmpSandbox().use { sandbox ->
      sandbox.start()
      val learnAmp =
        LearnAmp.builder()
          .clientId(Sandbox.CLIENT_ID)
          .clientSecret(Sandbox.CLIENT_SECRET)
          .baseUrl(sandbox.baseUrl())
          .build()

      assertThat(allUsers(learnAmp).map { it.lastName }).hasSize(12).contains("Lovelace", "Thompson")
      val firstPage = Page.of(learnAmp.create(UsersApi::class.java).users(1, 100))
      assertThat(firstPage.total()).isEqualTo(12L)
      assertThat(firstPage.hasNext()).isFalse()
    }
  }

  @Test
  fun bindeo(): Unit = runBlocking {
    BindeoSandbox().use { sandbox ->
      sandbox.start()
      val bindeo =
        Bindeo.builder()
          .clientId(Sandbox.CLIENT_ID)
          .clientSecret(Sandbox.CLIENT_SECRET)
          .baseUrl(sandbox.baseUrl())
          .build()

      assertThat(identityValues(bindeo, BindeoSandbox.USERNAME, BindeoSandbox.PASSWORD))
        .containsExactly(BindeoSandbox.USERNAME)
      // The session is resumed from the token store: no second password grant.
      assertThat(identityValues(bindeo, BindeoSandbox.USERNAME, "not needed")).hasSize(1)
      assertThat(sandbox.tokenRequests("password")).isEqualTo(1)

      sandbox.refuseRefreshTokens(true)
      sandbox.revokeAllTokens()
      val shownBefore = signInShown
      val error = thrownBy<IOException> { identityValues(bindeo, BindeoSandbox.USERNAME, "x") }
      assertThat(Bindeo.isSignInRequired(error)).isTrue()
      assertThat(signInShown).isEqualTo(shownBefore + 1)
    }
  }
}
