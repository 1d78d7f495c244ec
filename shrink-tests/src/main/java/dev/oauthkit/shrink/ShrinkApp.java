/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.shrink;

import dev.oauthkit.amadeus.Amadeus;
import dev.oauthkit.amadeus.AmadeusException;
import dev.oauthkit.amadeus.model.CheckinLink;
import dev.oauthkit.amadeus.model.DataList;
import dev.oauthkit.amadeus.model.Location;
import dev.oauthkit.bindeo.Bindeo;
import dev.oauthkit.bindeo.BindeoException;
import dev.oauthkit.bindeo.model.AccountType;
import dev.oauthkit.bindeo.model.Identity;
import dev.oauthkit.bindeo.model.Resource;
import dev.oauthkit.bindeo.model.ResourceList;
import dev.oauthkit.core.AccessToken;
import dev.oauthkit.core.TokenListener;
import dev.oauthkit.core.TokenRequestException;
import dev.oauthkit.learnamp.LearnAmp;
import dev.oauthkit.learnamp.LearnAmpException;
import dev.oauthkit.learnamp.Page;
import dev.oauthkit.learnamp.Pages;
import dev.oauthkit.learnamp.model.User;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.HttpUrl;
import org.jspecify.annotations.Nullable;
import retrofit2.Call;
import retrofit2.http.GET;
import retrofit2.http.Query;

/**
 * A small app that uses every provider the way an app does, built to be shrunk and obfuscated.
 *
 * <p>Its only keep rule is its own {@code main}; everything else that must survive is kept by the
 * consumer rules shipped in the jars. It runs each check against the sandboxes whose base URLs it
 * is given and prints one line per check, {@code PASS name: detail} or {@code FAIL name: reason},
 * then {@code checks: passed=N failed=M}, and exits 0 only if every check passed. It never prints a
 * token or a secret.
 */
// The app checks each model with its own require(condition, message), which NullAway cannot follow:
// a null where the model must have a value is exactly the failure this app reports.
@SuppressWarnings("NullAway")
public final class ShrinkApp {
  /** A user's own Retrofit interface, served through {@code create(Class)}. */
  interface CheckinService {
    @GET("v2/reference-data/urls/checkin-links")
    Call<DataList<CheckinLink>> links(@Query("airlineCode") String airlineCode);
  }

  private final PrintStream out;
  private int passed;
  private int failed;

  private ShrinkApp(PrintStream out) {
    this.out = out;
  }

  /**
   * Runs every check and writes one line per check, then a {@code checks:} total, to the report
   * file. Exits 0 if every check passed.
   *
   * @param args the report file, the Amadeus, Learn Amp and Bindeo base URLs, the client id and
   *     secret, and the Bindeo user name and password
   */
  public static void main(String... args) throws IOException {
    if (args.length != 8) {
      throw new IllegalArgumentException(
          "usage: ShrinkApp REPORT_FILE AMADEUS_URL LEARNAMP_URL BINDEO_URL CLIENT_ID"
              + " CLIENT_SECRET BINDEO_USER BINDEO_PASSWORD");
    }
    int failed;
    try (PrintStream report =
        new PrintStream(new FileOutputStream(args[0]), true, StandardCharsets.UTF_8.name())) {
      ShrinkApp app = new ShrinkApp(report);
      app.amadeus(HttpUrl.get(args[1]), args[4], args[5]);
      app.learnAmp(HttpUrl.get(args[2]), args[4], args[5]);
      app.bindeo(HttpUrl.get(args[3]), args[4], args[5], args[6], args[7]);
      report.println("checks: passed=" + app.passed + " failed=" + app.failed);
      failed = app.failed;
    }
    System.exit(failed == 0 ? 0 : 1);
  }

  private void amadeus(HttpUrl baseUrl, String clientId, String clientSecret) {
    CountingListener listener = new CountingListener();
    Amadeus amadeus =
        Amadeus.builder()
            .clientId(clientId)
            .clientSecret(clientSecret)
            .baseUrl(baseUrl)
            .tokenListener(listener)
            .build();
    check(
        "amadeus.token",
        () -> {
          AccessToken token = amadeus.tokens().token();
          require(!token.value().isEmpty(), "empty access token");
          require(token.expiresAtMillis() > System.currentTimeMillis(), "token already expired");
          require(
              listener.tokens.get() == 1, "listener saw " + listener.tokens + " token requests");
          return "client_credentials, " + token.tokenType();
        });
    check(
        "amadeus.models",
        () -> {
          DataList<CheckinLink> links = amadeus.execute(amadeus.api().checkinLinks("BA", "en-GB"));
          require(links.meta != null && links.meta.count != null, "meta.count is null");
          require(
              links.meta.links != null && links.meta.links.self != null, "meta.links.self null");
          List<CheckinLink> data = links.data;
          require(data != null && !data.isEmpty(), "no data");
          for (CheckinLink link : data) {
            require(link.id != null && link.href != null && link.channel != null, "null field");
            require("checkin-link".equals(link.type), "type=" + link.type);
          }
          return data.size() + " check-in links, " + data.get(0).channel;
        });
    check(
        "amadeus.create",
        () -> {
          CheckinService service = amadeus.create(CheckinService.class);
          DataList<CheckinLink> links = amadeus.execute(service.links("IB"));
          require(links.data != null && !links.data.isEmpty(), "no data");
          require(links.data.get(0).href != null, "href is null");
          return links.data.size() + " links through the app's own interface";
        });
    check(
        "amadeus.paging",
        () -> {
          DataList<Location> page =
              amadeus.execute(amadeus.api().locations("AIRPORT,CITY", "LON", 5, null));
          require(page.meta != null && page.meta.count != null, "meta.count is null");
          int total = page.meta.count;
          int pages = 0;
          int locations = 0;
          while (true) {
            pages++;
            require(page.data != null && !page.data.isEmpty(), "empty page " + pages);
            for (Location location : page.data) {
              require(location.name != null && location.iataCode != null, "null name or code");
              require(location.address != null && location.address.cityName != null, "address");
              require(location.geoCode != null, "geoCode is null");
            }
            locations += page.data.size();
            Call<DataList<Location>> next = amadeus.nextPage(page);
            if (next == null) break;
            page = amadeus.execute(next);
          }
          require(pages > 1, pages + " page(s)");
          require(locations == total, locations + " locations of meta.count " + total);
          return pages + " pages of 5, " + locations + " locations (meta.links.next)";
        });
    check(
        "amadeus.error",
        () -> {
          try {
            amadeus.execute(amadeus.api().checkinLinks("", null));
          } catch (AmadeusException e) {
            require(e.code() == 400, "HTTP " + e.code());
            require(e.hasErrorCode("32171"), "errors=" + e.errors());
            require("airlineCode".equals(parameter(e)), "source.parameter=" + parameter(e));
            return "AmadeusException 400 code 32171";
          }
          throw new IllegalStateException("no AmadeusException");
        });
    check(
        "amadeus.token-error",
        () -> {
          Amadeus wrong =
              Amadeus.builder()
                  .clientId(clientId)
                  .clientSecret("not-" + clientSecret)
                  .baseUrl(baseUrl)
                  .build();
          try {
            wrong.execute(wrong.api().checkinLinks("BA", null));
          } catch (TokenRequestException e) {
            require(e.code() == 401, "HTTP " + e.code());
            require("invalid_client".equals(e.error()), "error=" + e.error());
            return "TokenRequestException 401 invalid_client";
          }
          throw new IllegalStateException("no TokenRequestException");
        });
  }

  private static @Nullable String parameter(AmadeusException e) {
    if (e.errors().isEmpty()) return null;
    return e.errors().get(0).source != null ? e.errors().get(0).source.parameter : null;
  }

  private void learnAmp(HttpUrl baseUrl, String clientId, String clientSecret) {
    LearnAmp learnAmp =
        LearnAmp.builder().clientId(clientId).clientSecret(clientSecret).baseUrl(baseUrl).build();
    check(
        "learnamp.token",
        () -> {
          AccessToken token = learnAmp.tokens().token();
          require(!token.value().isEmpty(), "empty access token");
          return "client_credentials (multipart), scope " + token.scope();
        });
    check(
        "learnamp.models",
        () -> {
          Page<User> page = learnAmp.page(learnAmp.api().users(1, 2));
          require(!page.elements().isEmpty(), "no users");
          for (User user : page.elements()) {
            require(user.id != null && user.id > 0, "id=" + user.id);
            require(user.firstName != null && user.lastName != null, "null name");
            require(user.email != null && user.email.contains("@"), "email=" + user.email);
            require(user.status != null && user.status.status != null, "status is null");
          }
          return page.elements().size() + " users, first " + page.elements().get(0).firstName;
        });
    check(
        "learnamp.paging",
        () -> {
          Pages<User> pages = learnAmp.pages(number -> learnAmp.api().users(number, 2));
          int count = 0;
          int users = 0;
          long total = -1;
          for (Page<User> page = pages.next(); page != null; page = pages.next()) {
            count++;
            users += page.elements().size();
            total = page.total();
            for (User user : page.elements()) require(user.email != null, "email is null");
          }
          require(count > 1, count + " page(s)");
          require(users == total, users + " users of " + total);
          return count + " pages of 2, " + users + " users (Total header " + total + ")";
        });
    check(
        "learnamp.error",
        () -> {
          try {
            learnAmp.execute(learnAmp.api().user(999_999L));
          } catch (LearnAmpException e) {
            require(e.code() == 404, "HTTP " + e.code());
            return "LearnAmpException 404 " + e.error();
          }
          throw new IllegalStateException("no LearnAmpException");
        });
  }

  private void bindeo(
      HttpUrl baseUrl, String clientId, String clientSecret, String username, String password) {
    CountingListener listener = new CountingListener();
    Bindeo bindeo =
        Bindeo.builder()
            .clientId(clientId)
            .clientSecret(clientSecret)
            .password(username, password)
            .baseUrl(baseUrl)
            .tokenListener(listener)
            .build();
    check(
        "bindeo.token",
        () -> {
          AccessToken token = bindeo.tokens().token();
          require(token.refreshToken() != null, "no refresh token");
          return "password grant (JSON), with a refresh token";
        });
    check(
        "bindeo.models",
        () -> {
          ResourceList<Identity> identities = bindeo.execute(bindeo.api().identities());
          require(!identities.data.isEmpty(), "no identities");
          Resource<Identity> resource = identities.data.get(0);
          require(resource.type != null, "resource type is null");
          Identity identity = resource.attributes;
          require(identity != null, "attributes are null");
          require(identity.idIdentity > 0 && identity.value != null, "identity fields empty");
          require(identity.name != null && identity.status != null, "identity fields null");
          ResourceList<AccountType> types = bindeo.execute(bindeo.api().accountTypes("en_US"));
          require(!types.data.isEmpty(), "no account types");
          AccountType type = types.data.get(0).attributes;
          require(type != null && type.name != null && type.idType > 0, "account type empty");
          require(type.maxStorage != null, "maxStorage is null");
          return identities.data.size() + " identity, " + types.data.size() + " account types";
        });
    check(
        "bindeo.paging",
        () -> {
          // total_pages is a renamed field (@Json): it needs the annotation kept at run time.
          ResourceList<AccountType> types = bindeo.execute(bindeo.api().accountTypes("es_ES"));
          require(types.totalPages >= 1, "total_pages=" + types.totalPages);
          require(types.data.size() >= 1, "no data on page 1");
          return "page 1 of " + types.totalPages;
        });
    check(
        "bindeo.refresh",
        () -> {
          AccessToken current = bindeo.tokens().token();
          AccessToken renewed = bindeo.tokens().refresh(current.value());
          require(!renewed.value().equals(current.value()), "same token after refresh");
          require(
              listener.grants.toString().contains("refresh_token"), "grants " + listener.grants);
          bindeo.execute(bindeo.api().identities());
          return "refresh_token grant, then an API call";
        });
    check(
        "bindeo.error",
        () -> {
          try {
            bindeo.execute(bindeo.api().accountTypes("xx_XX"));
          } catch (BindeoException e) {
            require(e.code() == 400, "HTTP " + e.code());
            require(e.errorMessage() != null, "no error message");
            return "BindeoException 400 " + e.errorMessage();
          }
          throw new IllegalStateException("no BindeoException");
        });
  }

  /** One check: returns a detail for its PASS line, or throws. */
  private interface Check {
    String run() throws Exception;
  }

  @SuppressWarnings("CatchingUnchecked") // Every failure, of any type, is a failed check.
  private void check(String name, Check check) {
    try {
      String detail = check.run();
      passed++;
      out.println("PASS " + name + ": " + detail);
    } catch (Exception | LinkageError e) {
      failed++;
      out.println("FAIL " + name + ": " + e);
    }
  }

  private static void require(boolean condition, String message) {
    if (!condition) throw new IllegalStateException(message);
  }

  /** A listener implemented by the app: counts token requests and records their grants. */
  static final class CountingListener extends TokenListener {
    final AtomicInteger tokens = new AtomicInteger();
    final StringBuffer grants = new StringBuffer();

    @Override
    public void tokenRequestEnd(String grantType, long expiresAtMillis, long durationMillis) {
      tokens.incrementAndGet();
      grants.append(grantType).append(' ');
    }
  }
}
