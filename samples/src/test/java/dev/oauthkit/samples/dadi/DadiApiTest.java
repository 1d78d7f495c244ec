/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.samples.dadi;

import static dev.oauthkit.samples.dadi.DadiAuthTest.catchIo;
import static dev.oauthkit.samples.dadi.Fixtures.ACCESS_TOKEN;
import static dev.oauthkit.samples.dadi.Fixtures.COLLECTIONS;
import static dev.oauthkit.samples.dadi.Fixtures.dadi;
import static dev.oauthkit.samples.dadi.Fixtures.json;
import static dev.oauthkit.samples.dadi.Fixtures.take;
import static dev.oauthkit.samples.dadi.Fixtures.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oauthkit.samples.dadi.model.Collection;
import dev.oauthkit.samples.dadi.model.CollectionList;
import dev.oauthkit.samples.dadi.model.Results;
import dev.oauthkit.testing.TestClock;
import java.io.IOException;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import retrofit2.Call;
import retrofit2.http.GET;
import retrofit2.http.Query;

/** The API calls, services the user declares, and the typed errors. */
class DadiApiTest {
  /** A document type and a service the user declares, as the docs show. */
  static final class Book {
    String _id;
    String title;
  }

  interface Library {
    @GET("1.0/library/books")
    Call<Results<Book>> books(@Query("count") int count);

    @GET("/elsewhere")
    Call<Results<Book>> outsideTheBaseUrl();
  }

  private final TestClock clock = new TestClock();
  private MockWebServer server;

  @BeforeEach
  void setUp() throws IOException {
    server = new MockWebServer();
    server.start();
  }

  @AfterEach
  void tearDown() throws IOException {
    server.shutdown();
  }

  @Test
  void collectionsCarryTheBearerTokenAndAreParsed() throws Exception {
    server.enqueue(token(ACCESS_TOKEN));
    server.enqueue(json(200, COLLECTIONS));
    Dadi dadi = dadi(server, clock).build();

    CollectionList list = dadi.execute(dadi.api().collections());

    take(server); // Token.
    RecordedRequest request = take(server);
    assertThat(request.getMethod()).isEqualTo("GET");
    assertThat(request.getPath()).isEqualTo("/api/collections");
    assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + ACCESS_TOKEN);
    Collection books = list.collections.get(0);
    assertThat(books.name).isEqualTo("Books");
    assertThat(books.slug).isEqualTo("books");
    assertThat(books.version).isEqualTo("1.0");
    assertThat(books.database).isEqualTo("library");
    assertThat(books.path).isEqualTo("/1.0/library/books");
    assertThat(list.media.buckets).containsExactly("mediaStore");
    assertThat(list.media.defaultBucket).isEqualTo("mediaStore");
  }

  @Test
  void createdServiceSharesTheBaseUrlMoshiAndToken() throws Exception {
    server.enqueue(token(ACCESS_TOKEN));
    server.enqueue(json(200, COLLECTIONS));
    server.enqueue(
        json(
            200,
            "{\"results\":[{\"_id\":\"5b3a1c\",\"title\":\"Middlemarch\"}],\"metadata\":"
                + "{\"limit\":1,\"page\":1,\"offset\":0,\"totalCount\":2,\"totalPages\":2,"
                + "\"nextPage\":2}}"));
    Dadi dadi = dadi(server, clock).baseUrl(server.url("/dadi/")).build();
    Library library = dadi.create(Library.class);

    dadi.execute(dadi.api().collections());
    Results<Book> page = dadi.execute(library.books(1));

    assertThat(page.results).extracting(book -> book.title).containsExactly("Middlemarch");
    assertThat(page.metadata.totalCount).isEqualTo(2L);
    assertThat(page.metadata.nextPage).isEqualTo(2);
    assertThat(page.metadata.prevPage).isNull();
    assertThat(take(server).getPath()).isEqualTo("/dadi/token");
    take(server); // Collections.
    RecordedRequest books = take(server);
    assertThat(books.getPath()).isEqualTo("/dadi/1.0/library/books?count=1");
    assertThat(books.getHeader("Authorization")).isEqualTo("Bearer " + ACCESS_TOKEN);
    assertThat(server.getRequestCount()).isEqualTo(3); // One token for both services.
  }

  @Test
  void createdServiceNeverSendsTheTokenOutsideTheBaseUrl() throws Exception {
    server.enqueue(json(200, "{\"results\":[]}"));
    Dadi dadi = dadi(server, clock).baseUrl(server.url("/dadi/")).build();

    dadi.execute(dadi.create(Library.class).outsideTheBaseUrl());

    RecordedRequest request = take(server);
    assertThat(request.getPath()).isEqualTo("/elsewhere");
    assertThat(request.getHeader("Authorization")).isNull();
    assertThat(server.getRequestCount()).isEqualTo(1); // Not even a token request.
  }

  @Test
  void createRefusesAClassThatIsNotAnInterface() {
    Dadi dadi = dadi(server, clock).build();

    assertThatThrownBy(() -> dadi.create(Book.class)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void permissionErrorIsTypedAndNeverRenewsTheToken() throws Exception {
    server.enqueue(token(ACCESS_TOKEN));
    server.enqueue(
        json(
            403,
            "{\"code\":\"API-0006\",\"title\":\"Access denied\",\"details\":\"You do not have"
                + " permission to access this resource.\"}"));
    Dadi dadi = dadi(server, clock).build();

    DadiException e = apiError(dadi);

    assertThat(e.code()).isEqualTo(403);
    assertThat(e.errorCode()).isEqualTo("API-0006");
    assertThat(e.title()).isEqualTo("Access denied");
    assertThat(e.details()).isEqualTo("You do not have permission to access this resource.");
    assertThat(e.error()).isNull();
    assertThat(e.bodyExcerpt()).isNull();
    assertThat(e.getMessage())
        .isEqualTo(
            "HTTP 403 API-0006 Access denied: You do not have permission to access this"
                + " resource.");
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void v3StatusCodeBodyIsADadiBodyWithoutDetails() throws Exception {
    server.enqueue(token(ACCESS_TOKEN));
    server.enqueue(json(404, "{\"statusCode\":404}"));
    Dadi dadi = dadi(server, clock).build();

    DadiException e = apiError(dadi);

    assertThat(e.code()).isEqualTo(404);
    assertThat(e.errorCode()).isNull();
    assertThat(e.bodyExcerpt()).isNull();
    assertThat(e.getMessage()).isEqualTo("HTTP 404 (no details)");
  }

  @Test
  void bodyInAnotherShapeIsKeptAsAnExcerpt() throws Exception {
    server.enqueue(token(ACCESS_TOKEN));
    server.enqueue(
        new MockResponse()
            .setResponseCode(502)
            .setHeader("Content-Type", "text/html")
            .setBody("<html><body>Bad Gateway</body></html>"));
    Dadi dadi = dadi(server, clock).build();

    DadiException e = apiError(dadi);

    assertThat(e.code()).isEqualTo(502);
    assertThat(e.getMessage())
        .isEqualTo("HTTP 502 (unexpected body: <html><body>Bad Gateway</body></html>)");
    assertThat(e.bodyExcerpt()).isEqualTo("<html><body>Bad Gateway</body></html>");
  }

  @Test
  void echoedTokenIsMaskedInTheMessageAndTheExcerpt() throws Exception {
    server.enqueue(token(ACCESS_TOKEN));
    server.enqueue(
        json(
            400,
            "{\"code\":\"API-0001\",\"title\":\"Bad request\",\"details\":\"Bearer "
                + ACCESS_TOKEN
                + " is not allowed here\"}"));
    server.enqueue(json(500, "token " + ACCESS_TOKEN + " crashed the server"));
    Dadi dadi = dadi(server, clock).build();

    DadiException parsed = apiError(dadi);
    DadiException unparsed = apiError(dadi);

    assertThat(parsed.getMessage())
        .doesNotContain(ACCESS_TOKEN)
        .contains("Bearer " + "\u2588\u2588" + " is not allowed here");
    assertThat(parsed.details()).doesNotContain(ACCESS_TOKEN);
    assertThat(unparsed.bodyExcerpt()).isEqualTo("token " + "\u2588\u2588" + " crashed the server");
  }

  @Test
  void retryAfterOfAProxyIsKept() throws Exception {
    server.enqueue(token(ACCESS_TOKEN));
    server.enqueue(json(503, "{\"statusCode\":503}").setHeader("Retry-After", "7"));
    Dadi dadi = dadi(server, clock).build();

    DadiException e = apiError(dadi);

    assertThat(e.code()).isEqualTo(503);
    assertThat(e.retryAfterMillis()).isEqualTo(7000L);
  }

  @Test
  void successWithoutABodyIsAnIoException() throws Exception {
    server.enqueue(token(ACCESS_TOKEN));
    server.enqueue(new MockResponse().setResponseCode(204));
    Dadi dadi = dadi(server, clock).build();

    Throwable thrown = catchIo(() -> dadi.execute(dadi.api().collections()));

    assertThat(thrown)
        .isExactlyInstanceOf(IOException.class)
        .hasMessageStartingWith("HTTP 204 without a body");
  }

  private static DadiException apiError(Dadi dadi) {
    Throwable thrown = catchIo(() -> dadi.execute(dadi.api().collections()));
    assertThat(thrown).isInstanceOf(DadiException.class);
    return (DadiException) thrown;
  }
}
