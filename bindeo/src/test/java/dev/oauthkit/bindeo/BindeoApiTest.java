/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.bindeo;

import static dev.oauthkit.bindeo.BindeoServer.body;
import static dev.oauthkit.bindeo.BindeoServer.fixture;
import static dev.oauthkit.bindeo.BindeoServer.take;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.oauthkit.bindeo.model.AccountType;
import dev.oauthkit.bindeo.model.Data;
import dev.oauthkit.bindeo.model.Identity;
import dev.oauthkit.bindeo.model.LocaleChange;
import dev.oauthkit.bindeo.model.MediaType;
import dev.oauthkit.bindeo.model.NewAccount;
import dev.oauthkit.bindeo.model.PasswordChange;
import dev.oauthkit.bindeo.model.ResourceList;
import dev.oauthkit.bindeo.model.User;
import dev.oauthkit.core.ErrorBody;
import dev.oauthkit.testing.TestClock;
import dev.oauthkit.testing.UnreadableResponse;
import java.io.IOException;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import retrofit2.Response;

/** The API requests on the wire and the models read from Bindeo's answers. */
class BindeoApiTest {
  private final TestClock clock = new TestClock();
  @AutoClose private final MockWebServer server = new MockWebServer();
  private Bindeo bindeo;

  @BeforeEach
  void setUp() throws IOException {
    bindeo = BindeoServer.builder(server, clock).build();
  }

  @Test
  void accountTypesSendsTheLocaleInTheQuery() throws Exception {
    server.enqueue(BindeoServer.token("access-1"));
    server.enqueue(fixture("account-types.json"));

    ResourceList<AccountType> types = bindeo.execute(bindeo.api().accountTypes("en_US"));

    take(server);
    RecordedRequest request = take(server);
    assertThat(request.getMethod()).isEqualTo("GET");
    assertThat(request.getPath()).isEqualTo("/general/account-types?locale=en_US");
    assertThat(request.getHeader("Authorization")).isEqualTo("Bearer access-1");
    assertThat(request.getBodySize()).isZero();

    assertThat(types.totalPages).isEqualTo(1);
    assertThat(types.data).hasSize(3);
    assertThat(types.data.get(0).type).isEqualTo("account_type");
    AccountType admin = types.data.get(0).attributes;
    assertThat(admin.idType).isEqualTo(1L);
    assertThat(admin.name).isEqualTo("Admin");
    assertThat(admin.maxStorage).isNull();
    AccountType premium = types.data.get(2).attributes;
    assertThat(premium.idType).isEqualTo(3L);
    assertThat(premium.cost).isEqualTo("10");
    assertThat(premium.maxFilesize).isEqualTo(10240L);
    assertThat(premium.maxStorage).isEqualTo(52428800L);
    assertThat(premium.maxStampsMonth).isEqualTo(1000L);
  }

  @Test
  void mediaTypes() throws Exception {
    server.enqueue(BindeoServer.token("access-1"));
    server.enqueue(fixture("media-types.json"));

    ResourceList<MediaType> types = bindeo.execute(bindeo.api().mediaTypes("es_ES"));

    take(server);
    assertThat(take(server).getPath()).isEqualTo("/general/media-types?locale=es_ES");
    assertThat(types.data).hasSize(5);
    assertThat(types.data.get(3).attributes.idType).isEqualTo(4L);
    assertThat(types.data.get(3).attributes.name).isEqualTo("Photos & Images");
  }

  @Test
  void identitiesReadsNumbersSentAsStrings() throws Exception {
    server.enqueue(BindeoServer.token("access-1"));
    server.enqueue(fixture("identities.json"));

    ResourceList<Identity> identities = bindeo.execute(bindeo.api().identities());

    take(server);
    RecordedRequest request = take(server);
    assertThat(request.getMethod()).isEqualTo("GET");
    assertThat(request.getPath()).isEqualTo("/account/identities");
    Identity identity = identities.data.get(0).attributes;
    assertThat(identities.data.get(0).type).isEqualTo("user_identities");
    assertThat(identity.idIdentity).isEqualTo(2L);
    assertThat(identity.idUser).isEqualTo(2L);
    assertThat(identity.main).isEqualTo(1);
    assertThat(identity.type).isEqualTo("E");
    assertThat(identity.value).isEqualTo("email@email.com");
    assertThat(identity.confirmed).isEqualTo(1);
    assertThat(identity.status).isEqualTo("A");
  }

  @Test
  void createAccountPostsJsonAndReadsNumbersSentAsNumbers() throws Exception {
    server.enqueue(BindeoServer.token("access-1"));
    server.enqueue(fixture("account-created.json").setResponseCode(201));

    Data<User> created =
        bindeo.execute(
            bindeo
                .api()
                .createAccount(
                    new NewAccount(
                        "email@email.com", "secret-pw", "Test account", "en_US", 37.356695, null)));

    take(server);
    RecordedRequest request = take(server);
    assertThat(request.getMethod()).isEqualTo("POST");
    assertThat(request.getPath()).isEqualTo("/account");
    assertThat(request.getHeader("Content-Type")).isEqualTo("application/json; charset=UTF-8");
    assertThat(body(request))
        .isEqualTo(
            "{\"email\":\"email@email.com\",\"latitude\":37.356695,\"locale\":\"en_US\","
                + "\"name\":\"Test account\",\"password\":\"secret-pw\"}");

    assertThat(created.data.type).isEqualTo("users");
    User user = created.data.attributes;
    assertThat(user.idUser).isEqualTo(1L);
    assertThat(user.type).isEqualTo(2);
    assertThat(user.lang).isEqualTo("en_US");
    assertThat(user.confirmed).isNull();
    assertThat(user.latitude).isEqualTo(37.356695);
    assertThat(user.longitude).isEqualTo(-121.9961);
    assertThat(user.toString()).doesNotContain("email@email.com");
  }

  @Test
  void updateLocalePutsJson() throws Exception {
    server.enqueue(BindeoServer.token("access-1"));
    server.enqueue(fixture("account.json"));

    Data<User> updated = bindeo.execute(bindeo.api().updateLocale(new LocaleChange("es_ES")));

    take(server);
    RecordedRequest request = take(server);
    assertThat(request.getMethod()).isEqualTo("PUT");
    assertThat(request.getPath()).isEqualTo("/account");
    assertThat(body(request)).isEqualTo("{\"locale\":\"es_ES\"}");
    User user = updated.data.attributes;
    assertThat(user.confirmed).isEqualTo(1);
    assertThat(user.storageLeft).isEqualTo(509337L);
    assertThat(user.stampsLeft).isEqualTo(10L);
  }

  @Test
  void changePasswordSendsOldPassword() throws Exception {
    server.enqueue(BindeoServer.token("access-1"));
    server.enqueue(fixture("account.json"));

    PasswordChange change = new PasswordChange("new-pw-123", "old-pw-456");
    bindeo.execute(bindeo.api().changePassword(change));

    take(server);
    RecordedRequest request = take(server);
    assertThat(request.getMethod()).isEqualTo("PUT");
    assertThat(request.getPath()).isEqualTo("/account/password");
    assertThat(body(request))
        .isEqualTo("{\"old_password\":\"old-pw-456\",\"password\":\"new-pw-123\"}");
    assertThat(change.toString()).doesNotContain("new-pw-123").doesNotContain("old-pw-456");
  }

  @Test
  void deleteAccountAnswersNoContentAndIsSent() throws Exception {
    server.enqueue(BindeoServer.token("access-1"));
    server.enqueue(new MockResponse().setResponseCode(204));

    bindeo.send(bindeo.api().deleteAccount());

    take(server);
    RecordedRequest request = take(server);
    assertThat(request.getMethod()).isEqualTo("DELETE");
    assertThat(request.getPath()).isEqualTo("/account");
    assertThat(request.getHeader("Authorization")).isEqualTo("Bearer access-1");
  }

  @Test
  void deleteAccountIsNotExecutedForABodyItHasNot() {
    IllegalArgumentException e =
        catchThrowableOfType(
            IllegalArgumentException.class, () -> bindeo.execute(bindeo.api().deleteAccount()));

    assertThat(e).hasMessageContaining("use send(call)");
    assertThat(server.getRequestCount()).isZero(); // Refused before anything was sent.
  }

  @Test
  void anAnswerWithoutTheBodyACallDeclaresIsAnIoException() throws Exception {
    server.enqueue(BindeoServer.token("access-1"));
    server.enqueue(new MockResponse().setResponseCode(204));

    IOException e =
        catchThrowableOfType(IOException.class, () -> bindeo.execute(bindeo.api().identities()));

    assertThat(e).isNotInstanceOf(BindeoException.class).hasMessageStartingWith("HTTP 204");
  }

  @Test
  void revokedAccessTokenIsRenewedOnceAndTheCallRetried() throws Exception {
    server.enqueue(BindeoServer.token("access-1"));
    server.enqueue(BindeoServer.accessDenied());
    server.enqueue(BindeoServer.token("access-2"));
    server.enqueue(fixture("identities.json"));

    ResourceList<Identity> identities = bindeo.execute(bindeo.api().identities());

    assertThat(identities.data).hasSize(1);
    assertThat(take(server).getPath()).isEqualTo("/access_token");
    assertThat(take(server).getHeader("Authorization")).isEqualTo("Bearer access-1");
    assertThat(take(server).getPath()).isEqualTo("/access_token");
    assertThat(take(server).getHeader("Authorization")).isEqualTo("Bearer access-2");
  }

  @Test
  void secondUnauthorizedIsReturnedAsTypedException() throws Exception {
    server.enqueue(BindeoServer.token("access-1"));
    server.enqueue(BindeoServer.accessDenied());
    server.enqueue(BindeoServer.token("access-2"));
    server.enqueue(BindeoServer.accessDenied());

    BindeoException e =
        catchThrowableOfType(
            BindeoException.class, () -> bindeo.execute(bindeo.api().accountTypes("en_US")));

    assertThat(e.code()).isEqualTo(401);
    assertThat(e.error()).isEqualTo("access_denied");
    assertThat(e.errorMessage())
        .isEqualTo("The resource owner or authorization server denied the request.");
    assertThat(e.hint()).isEqualTo("Access token has been revoked");
    assertThat(e.bodyExcerpt()).isNull();
    assertThat(e.getMessage())
        .isEqualTo(
            "HTTP 401 access_denied: The resource owner or authorization server denied the"
                + " request. (Access token has been revoked)")
        .doesNotContain("access-1")
        .doesNotContain("access-2");
    assertThat(server.getRequestCount()).isEqualTo(4); // Never loops.
  }

  @Test
  void forbiddenIsNotRenewed() throws Exception {
    server.enqueue(BindeoServer.token("access-1"));
    server.enqueue(
        BindeoServer.json(
            403, "{\"error\":{\"code\":403,\"message\":\"You need other access privileges\"}}"));

    BindeoException e =
        catchThrowableOfType(
            BindeoException.class, () -> bindeo.execute(bindeo.api().identities()));

    assertThat(e.code()).isEqualTo(403);
    assertThat(e.error()).isEqualTo("403");
    assertThat(e.errorMessage()).isEqualTo("You need other access privileges");
    assertThat(e.hint()).isNull();
    assertThat(e.getMessage()).isEqualTo("HTTP 403 You need other access privileges");
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void applicationErrorFromResponse() throws Exception {
    server.enqueue(BindeoServer.token("access-1"));
    server.enqueue(
        BindeoServer.json(409, "{\"error\":{\"code\":409,\"message\":\"Duplicated key\"}}"));

    Response<Data<User>> response =
        bindeo.api().createAccount(new NewAccount("a@b.c", "pw-123456", "Ana", "en_US")).execute();
    BindeoException e = BindeoException.from(response);

    assertThat(e.code()).isEqualTo(409);
    assertThat(e.error()).isEqualTo("409");
    assertThat(e.errorMessage()).isEqualTo("Duplicated key");
  }

  @Test
  void applicationErrorCodeMayBeAString() {
    BindeoException e =
        errorFor(400, utf8("{\"error\":{\"code\":\"400\",\"message\":\"Missing fields\"}}"));

    assertThat(e.error()).isEqualTo("400");
    assertThat(e.errorMessage()).isEqualTo("Missing fields");
    assertThat(e.bodyExcerpt()).isNull();
  }

  @Test
  void htmlErrorPageKeepsAnExcerpt() {
    BindeoException e =
        errorFor(502, utf8("<html>\n<head><title>502 Bad Gateway</title></head>\n</html>"));

    assertThat(e.code()).isEqualTo(502);
    assertThat(e.error()).isNull();
    assertThat(e.errorMessage()).isNull();
    assertThat(e.bodyExcerpt())
        .isEqualTo("<html> <head><title>502 Bad Gateway</title></head> </html>");
    assertThat(e.getMessage()).contains("HTTP 502");
  }

  @Test
  void emptyErrorBody() {
    BindeoException e = errorFor(500, new byte[0]);

    assertThat(e.code()).isEqualTo(500);
    assertThat(e.error()).isNull();
    assertThat(e.bodyExcerpt()).isEmpty();
  }

  @Test
  void errorBodyOfWrongTypes() {
    BindeoException array = errorFor(400, utf8("[\"error\"]"));
    assertThat(array.error()).isNull();
    assertThat(array.bodyExcerpt()).isEqualTo("[\"error\"]");

    BindeoException nested = errorFor(400, utf8("{\"error\":[1,2],\"message\":{}}"));
    assertThat(nested.error()).isNull();
    assertThat(nested.bodyExcerpt()).isEqualTo("{\"error\":[1,2],\"message\":{}}");

    BindeoException number = errorFor(400, utf8("{\"error\":{\"code\":400.0}}"));
    assertThat(number.error()).isEqualTo("400");
    assertThat(number.errorMessage()).isNull();
    assertThat(number.getMessage()).isEqualTo("HTTP 400");
  }

  @Test
  void fromAnUnreadableBodyKeepsTheFailureAsItsCause() {
    BindeoException e = BindeoException.from(UnreadableResponse.of(500));

    UnreadableResponse.assertKeptAsCause(e, 500);
    assertThat(e.error()).isNull();
    assertThat(e.errorMessage()).isNull();
  }

  @Test
  void fromRefusesASuccessfulResponse() throws Exception {
    server.enqueue(BindeoServer.token("access-1"));
    server.enqueue(fixture("identities.json"));
    Response<ResourceList<Identity>> response = bindeo.api().identities().execute();

    IllegalArgumentException e =
        catchThrowableOfType(IllegalArgumentException.class, () -> BindeoException.from(response));

    assertThat(e).hasMessage("response is successful: HTTP 200");
  }

  /**
   * Returns the exception for an error body with status {@code code}, as if read from a response.
   */
  private static BindeoException errorFor(int code, byte[] body) {
    okhttp3.Response raw =
        new okhttp3.Response.Builder()
            .request(new okhttp3.Request.Builder().url("https://bindeo.test/").build())
            .protocol(okhttp3.Protocol.HTTP_1_1)
            .code(code)
            .message("error")
            .body(okhttp3.ResponseBody.create(body, null))
            .build();
    return BindeoException.from(ErrorBody.read(raw, raw.body(), dev.oauthkit.core.Clock.SYSTEM));
  }

  private static byte[] utf8(String s) {
    return s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }
}
