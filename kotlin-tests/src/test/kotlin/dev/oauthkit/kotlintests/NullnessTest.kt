/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.kotlintests

import com.squareup.moshi.Moshi
import com.squareup.moshi.Types
import dev.oauthkit.amadeus.Amadeus
import dev.oauthkit.amadeus.AmadeusException
import dev.oauthkit.amadeus.model.CheckinLink
import dev.oauthkit.amadeus.model.DataList
import dev.oauthkit.amadeus.model.Location
import dev.oauthkit.bindeo.Bindeo
import dev.oauthkit.core.AccessToken
import dev.oauthkit.core.TokenRequestException
import dev.oauthkit.learnamp.LearnAmp
import dev.oauthkit.learnamp.Page
import dev.oauthkit.learnamp.model.User
import dev.oauthkit.learnamp.model.UserList
import okhttp3.Headers
import okhttp3.MediaType.Companion.toMediaType
import okhttp3.Protocol
import okhttp3.Request
import okhttp3.ResponseBody.Companion.toResponseBody
import org.assertj.core.api.Assertions.assertThat
import org.junit.jupiter.api.Test
import retrofit2.Response

/**
 * JSpecify nullness reaches Kotlin: `@NullMarked` types are non-null, `@Nullable` ones are `T?`.
 *
 * Each [nullness] call compiles only if Kotlin sees a real nullability: on a platform type it is an
 * overload resolution ambiguity, and the build (warnings as errors, `-Xjspecify-annotations=strict`)
 * fails. The assertions then check that Kotlin saw the intended one. The code also relies on the
 * nullness without `!!`: a `@Nullable` read into `String?`, a non-null one used directly.
 */
class NullnessTest {
  private val moshi = Moshi.Builder().build()

  private val amadeus =
    Amadeus.builder().clientId("id").clientSecret("secret").baseUrl("http://127.0.0.1:9/").build()

  @Test
  fun amadeus() {
    val list = checkNotNull(dataList<CheckinLink>("""{"data":[{"id":"BAEN-GBWeb"}]}"""))
    val locations = checkNotNull(dataList<Location>("""{"data":[],"meta":{"count":0}}"""))
    val link = list.data.orEmpty().first()
    val href: String? = link.href

    assertThat(StaticType(amadeus.api()).nullness()).isEqualTo("non-null")
    assertThat(StaticType(amadeus.api().checkinLinks("IB", null)).nullness()).isEqualTo("non-null")
    assertThat(StaticType(list.data).nullness()).isEqualTo("nullable")
    assertThat(StaticType(link).nullness()).isEqualTo("non-null")
    assertThat(StaticType(link.href).nullness()).isEqualTo("nullable")
    assertThat(StaticType(list.meta?.links?.next).nullness()).isEqualTo("nullable")
    assertThat(StaticType(locations.meta?.count).nullness()).isEqualTo("nullable")
    assertThat(StaticType(amadeus.nextPage(locations)).nullness()).isEqualTo("nullable")
    assertThat(amadeus.nextPage(locations)).isNull() // No meta.links.next: the last page.
    assertThat(href).isNull()
    assertThat(link.id).isEqualTo("BAEN-GBWeb")
  }

  @Test
  fun amadeusException() {
    val error = AmadeusException.from(errorResponse(400, """{"errors":[{"code":32171}]}"""))

    assertThat(StaticType(error.errors()).nullness()).isEqualTo("non-null")
    assertThat(StaticType(error.errors().first().code).nullness()).isEqualTo("nullable")
    assertThat(StaticType(error.bodyExcerpt()).nullness()).isEqualTo("nullable")
    assertThat(StaticType(error.code()).nullness()).isEqualTo("non-null")
    assertThat(error.errors().first().code).isEqualTo("32171")
    assertThat(error.bodyExcerpt() ?: "no excerpt").isNotEmpty()
  }

  @Test
  fun learnAmp() {
    val users = checkNotNull(moshi.adapter(UserList::class.java).fromJson("""{"users":[{"id":1}]}"""))
    val page = Page.of(Response.success(users, Headers.headersOf("Total", "1")))
    val user: User = page.elements().first()
    val firstName: String? = user.firstName

    assertThat(StaticType(page.elements()).nullness()).isEqualTo("non-null")
    assertThat(StaticType(user).nullness()).isEqualTo("non-null")
    assertThat(StaticType(user.id).nullness()).isEqualTo("nullable")
    assertThat(StaticType(user.manager).nullness()).isEqualTo("nullable")
    assertThat(StaticType(users.users()).nullness()).isEqualTo("non-null")
    assertThat(
        StaticType(LearnAmp.builder().clientId("id").clientSecret("s").scope(null)).nullness()
      )
      .isEqualTo("non-null")
    assertThat(firstName).isNull()
    assertThat(page.total()).isEqualTo(1L)
  }

  @Test
  fun bindeoAndCore() {
    val bindeo =
      Bindeo.builder().clientId("id").clientSecret("secret").baseUrl("http://127.0.0.1:9/").build()
    val token = AccessToken.Builder().value("value").tokenType("Bearer").issuedAtMillis(1_700_000_000_000L).build()
    val refused = TokenRequestException("refused", 400, "invalid_grant", null, false)

    assertThat(StaticType(bindeo.resumeSession("nobody")).nullness()).isEqualTo("nullable")
    assertThat(StaticType(token.value()).nullness()).isEqualTo("non-null")
    assertThat(StaticType(token.refreshToken()).nullness()).isEqualTo("nullable")
    assertThat(StaticType(token.scope()).nullness()).isEqualTo("nullable")
    assertThat(StaticType(refused.error()).nullness()).isEqualTo("nullable")
    assertThat(StaticType(refused.errorDescription()).nullness()).isEqualTo("nullable")
    assertThat(bindeo.resumeSession("nobody")).isNull() // Nothing stored: no network needed.
    assertThat(token.refreshToken() ?: "none").isEqualTo("none")
  }

  private inline fun <reified T : Any> dataList(json: String): DataList<T>? =
    moshi
      .adapter<DataList<T>>(Types.newParameterizedType(DataList::class.java, T::class.java))
      .fromJson(json)

  private fun errorResponse(code: Int, json: String): Response<Any> =
    Response.error(
      json.toResponseBody("application/json".toMediaType()),
      okhttp3.Response.Builder()
        .request(Request.Builder().url("http://127.0.0.1:9/v2/x").build())
        .protocol(Protocol.HTTP_1_1)
        .code(code)
        .message("Bad Request")
        .build(),
    )
}
