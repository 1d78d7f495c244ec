/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.core;

import static dev.oauthkit.core.TestServer.json;
import static dev.oauthkit.core.TestServer.token;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 12 item 4: processes sharing a store, with clocks that differ. Each "process" is a manager
 * with its own clock and its own view of one shared map (a store object of its own, so that no
 * flight is shared in this JVM), as two JVMs sharing a database would be.
 */
@Timeout(60)
final class SharedStoreTest {
  private final MockWebServer server = new MockWebServer();
  private final Script token = new Script();
  private final TokenStore shared = TokenStore.inMemory();

  @BeforeEach
  void setUp() throws IOException {
    server.setDispatcher(token);
    server.start();
    // The authorization server rotates refresh tokens: r0 → r1 → r2, each usable once.
    token.forever(
        request -> {
          String body = request.getBody().readUtf8();
          if (body.contains("refresh_token=r0")) return once(request, "t1", "r1");
          if (body.contains("refresh_token=r1")) return once(request, "t2", "r2");
          if (body.contains("refresh_token=r2")) return once(request, "t3", "r3");
          return json(400, "{\"error\":\"invalid_grant\"}");
        });
  }

  private final java.util.Set<String> spent = java.util.concurrent.ConcurrentHashMap.newKeySet();

  private MockResponse once(RecordedRequest request, String accessToken, String refreshToken) {
    if (!spent.add(accessToken)) return json(400, "{\"error\":\"invalid_grant\"}");
    return token(accessToken, 3600, refreshToken);
  }

  @AfterEach
  void tearDown() throws IOException {
    server.shutdown();
  }

  /** A process: its own clock, and its own store object over the shared map. */
  private TokenManager process(TestClock clock) {
    return new TokenManager.Builder(TestServer.endpoint(server).build(), Grant.refreshToken("r0"))
        .addApiBaseUrl(server.url("/"))
        .clock(clock)
        .store(new View(shared))
        .storeKey("session")
        .maxAttempts(1)
        .build();
  }

  @Test
  void processWhoseClockIsTenMinutesBehindAdoptsTheSuccessorInsteadOfOverwritingIt()
      throws Exception {
    TestClock ahead = new TestClock();
    ahead.advance(10, TimeUnit.MINUTES);
    TokenManager first = process(ahead);
    TokenManager second = process(new TestClock()); // Ten minutes behind the first.

    assertThat(first.token().value()).isEqualTo("t1"); // Spends r0.
    assertThat(second.token().value()).isEqualTo("t1"); // From the store.

    // The API refuses t1 on the second process first: it rotates r1 and stores t2.
    assertThat(second.refresh("t1").value()).isEqualTo("t2");
    // Then on the first process, whose clock says t1 is newer than t2.
    assertThat(first.refresh("t1").value()).isEqualTo("t2");

    AccessToken stored = shared.get("session");
    assertThat(stored.value()).isEqualTo("t2");
    assertThat(stored.refreshToken()).isEqualTo("r2");
    assertThat(token.count()).isEqualTo(2); // r0 and r1, each once; nothing overwritten or lost.

    // Both go on with the successor's refresh token.
    ahead.advance(1, TimeUnit.HOURS);
    assertThat(first.token().value()).isEqualTo("t3");
    assertThat(shared.get("session").refreshToken()).isEqualTo("r3");
  }

  @Test
  void renewalThatLostTheRaceToAnotherProcessAdoptsTheStoredToken() throws Exception {
    TestClock clock = new TestClock();
    TokenManager first = process(clock);
    TokenManager second = process(clock);
    assertThat(first.token().value()).isEqualTo("t1");
    assertThat(second.token().value()).isEqualTo("t1");

    // While the first process renews, the second already stored its renewal.
    token.then(
        request -> {
          shared.put(
              "session",
              new AccessToken.Builder()
                  .value("theirs")
                  .issuedAtMillis(clock.currentTimeMillis())
                  .expiresAtMillis(clock.currentTimeMillis() + 3_600_000)
                  .refreshToken("their-rt")
                  .build());
          return token("mine", 3600, "my-rt");
        });
    assertThat(first.refresh("t1").value()).isEqualTo("theirs");
    assertThat(shared.get("session").refreshToken()).isEqualTo("their-rt");
  }

  @Test
  void refusedRefreshTokenIsRemovedByCompareAndRemove() throws Exception {
    TestClock clock = new TestClock();
    TokenManager process = process(clock);
    assertThat(process.token().value()).isEqualTo("t1");
    spent.add("t2"); // r1 is refused: the server answers invalid_grant.
    clock.advance(1, TimeUnit.HOURS);

    try {
      process.token();
      throw new AssertionError("expected SignInRequiredException");
    } catch (SignInRequiredException expected) {
      // The refused entry was removed, compare-and-remove: it was still the stored one.
    }
    assertThat(shared.get("session")).isNull();
  }

  @Test
  void refusedEntryRemovalSparesASuccessorStoredJustBeforeIt() throws Exception {
    TestClock clock = new TestClock();
    final AccessToken successor =
        new AccessToken.Builder()
            .value("theirs")
            .issuedAtMillis(clock.currentTimeMillis())
            .expiresAtMillis(clock.currentTimeMillis() + TimeUnit.HOURS.toMillis(2))
            .refreshToken("their-rt")
            .build();
    // Another process stores its renewal just before this one removes the refused entry.
    TokenStore racing =
        new View(shared) {
          private boolean raced;

          private void race() throws IOException {
            if (raced) return;
            raced = true;
            shared.put("session", successor);
          }

          @Override
          public boolean compareAndRemove(String key, AccessToken expected) throws IOException {
            race();
            return super.compareAndRemove(key, expected);
          }

          @Override
          public void remove(String key) throws IOException {
            race();
            super.remove(key);
          }
        };
    TokenManager process =
        new TokenManager.Builder(TestServer.endpoint(server).build(), Grant.refreshToken("r0"))
            .addApiBaseUrl(server.url("/"))
            .clock(clock)
            .store(racing)
            .storeKey("session")
            .maxAttempts(1)
            .build();
    assertThat(process.token().value()).isEqualTo("t1");
    spent.add("t2"); // r1 is refused: the server answers invalid_grant.
    clock.advance(1, TimeUnit.HOURS);

    try {
      process.token();
      throw new AssertionError("expected SignInRequiredException");
    } catch (SignInRequiredException expected) {
      // Only the refused entry may be removed, and it is no longer the stored one.
    }
    AccessToken stored = shared.get("session");
    assertThat(stored).isNotNull();
    assertThat(stored.refreshToken()).isEqualTo("their-rt");
  }

  @Test
  void defaultCompareAndSetAndRemoveCompareWholeEntries() throws Exception {
    TokenStore minimal = new View(TokenStore.inMemory()); // Only get, put and remove.
    AccessToken a = entry("a", "ra");
    AccessToken aRotated = entry("a", "ra2");
    AccessToken b = entry("b", "rb");

    assertThat(minimal.compareAndSet("k", null, a)).isTrue();
    assertThat(minimal.compareAndSet("k", null, b)).isFalse();
    assertThat(minimal.compareAndSet("k", aRotated, b)).isFalse(); // Same value, other refresh.
    assertThat(minimal.get("k")).isEqualTo(a);
    assertThat(minimal.compareAndSet("k", a, b)).isTrue();
    assertThat(minimal.compareAndRemove("k", a)).isFalse();
    assertThat(minimal.get("k")).isEqualTo(b);
    assertThat(minimal.compareAndRemove("k", b)).isTrue();
    assertThat(minimal.get("k")).isNull();

    TokenStore memory = TokenStore.inMemory();
    assertThat(memory.compareAndSet("k", null, a)).isTrue();
    assertThat(memory.compareAndSet("k", b, a)).isFalse();
    assertThat(memory.compareAndRemove("k", b)).isFalse();
    assertThat(memory.compareAndRemove("k", a)).isTrue();
  }

  private static AccessToken entry(String value, String refreshToken) {
    return new AccessToken.Builder()
        .value(value)
        .issuedAtMillis(TestClock.START_MILLIS)
        .refreshToken(refreshToken)
        .build();
  }

  /** One process's store object over a shared map; it implements only the three basic methods. */
  static class View implements TokenStore {
    private final TokenStore delegate;

    View(TokenStore delegate) {
      this.delegate = delegate;
    }

    @Override
    public @Nullable AccessToken get(String key) throws IOException {
      return delegate.get(key);
    }

    @Override
    public void put(String key, AccessToken token) throws IOException {
      delegate.put(key, token);
    }

    @Override
    public void remove(String key) throws IOException {
      delegate.remove(key);
    }
  }
}
