/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Issue 12 item 9: the engine's package-private seams, each tested alone. */
final class EngineSeamsTest {
  private final TestClock clock = new TestClock();

  private static AccessToken token(String value, long issuedAt, long lifetimeMillis) {
    return new AccessToken.Builder()
        .value(value)
        .issuedAtMillis(issuedAt)
        .expiresAtMillis(issuedAt + lifetimeMillis)
        .refreshToken("rt-" + value)
        .build();
  }

  @Test
  void cacheServesTheStoreUnlessItSawThatTokenRefused() {
    TokenCache cache = new TokenCache(120_000, 30_000, false);
    Entry a = cache.newEntry(token("a", 600_000, 3_600_000), 1);
    assertThat(cache.install(a, cache.session())).isTrue();

    assertThat(cache.refuse(a)).isTrue();
    assertThat(cache.current).isNotSameAs(a);
    assertThat(cache.current.isUsable(0)).isFalse();
    assertThat(cache.current.token.refreshToken()).isEqualTo("rt-a"); // Kept for the renewal.
    assertThat(cache.refuse(a)).isFalse(); // Once.

    assertThat(cache.adopt(a.token, 0)).isSameAs(cache.current); // Refused: not adopted again.
    // Issue times are not compared: a different token in the store is the successor.
    Entry b = cache.adopt(token("b", 1, 3_600_000), 0);
    assertThat(b.token.value()).isEqualTo("b");
    assertThat(cache.current).isSameAs(b);
  }

  @Test
  void cacheInstallsNothingAfterASignOutDuringTheRequest() {
    TokenCache cache = new TokenCache(120_000, 30_000, false);
    long session = cache.session();
    cache.clear();
    assertThat(cache.install(cache.newEntry(token("a", 0, 1000), 1), session)).isFalse();
    assertThat(cache.current).isNull();
  }

  @Test
  void unverifiedSignInAdoptsNothingFromTheStore() {
    TokenCache cache = new TokenCache(120_000, 30_000, true);
    assertThat(cache.adopt(token("stored", 0, 3_600_000), 0)).isNull();
    cache.install(cache.newEntry(token("mine", 0, 3_600_000), 1), cache.session());
    assertThat(cache.adopt(token("successor", 0, 3_600_000), 0).token.value())
        .isEqualTo("successor");
    cache.clear(); // Signed out: the next sign-in is verified again.
    assertThat(cache.adopt(token("stored", 0, 3_600_000), 0)).isNull();
  }

  @Test
  void renewalsAfter401sBackOffWhileNoTokenIsAccepted() {
    TokenCache cache = new TokenCache(120_000, 30_000, false);
    Entry first = cache.newEntry(token("1", 0, 3_600_000), 1);
    Entry second = cache.newEntry(token("2", 0, 3_600_000), 2);
    Entry third = cache.newEntry(token("3", 0, 3_600_000), 3);

    assertThat(cache.allowRenewal(first, 0)).isTrue(); // Free.
    assertThat(cache.allowRenewal(first, 0)).isTrue(); // Same token, same answer.
    assertThat(cache.allowRenewal(second, 0)).isTrue(); // Starts a 5 s backoff.
    assertThat(cache.allowRenewal(third, 4_999)).isFalse();
    assertThat(cache.allowRenewal(third, 5_000)).isTrue(); // Then 10 s.
    Entry fourth = cache.newEntry(token("4", 0, 3_600_000), 4);
    assertThat(cache.allowRenewal(fourth, 14_999)).isFalse();

    cache.accepted(fourth);
    assertThat(cache.allowRenewal(fourth, 15_000)).isTrue();
    Entry fifth = cache.newEntry(token("5", 0, 3_600_000), 5);
    assertThat(cache.allowRenewal(fifth, 15_000)).isTrue(); // Free again after an acceptance.
  }

  @Test
  void refreshAheadReschedulesARenewalThatNeverStarted() {
    ManualExecutor executor = new ManualExecutor();
    RefreshAhead refreshAhead = new RefreshAhead(executor, clock);
    Runnable renewal = () -> {};

    refreshAhead.schedule(0, renewal);
    refreshAhead.schedule(29_999, renewal);
    assertThat(executor.size()).isEqualTo(1);
    refreshAhead.schedule(30_000, renewal);
    assertThat(executor.size()).isEqualTo(2);
    executor.runAll();
    refreshAhead.schedule(30_001, renewal);
    assertThat(executor.size()).isEqualTo(1);
  }

  @Test
  void refreshAheadBacksOffAfterAFailure() {
    RefreshAhead refreshAhead = new RefreshAhead(new ManualExecutor(), clock);
    long now = clock.currentTimeMillis();
    refreshAhead.failed();
    assertThat(refreshAhead.isBackingOff(now + 4_999)).isTrue();
    assertThat(refreshAhead.isBackingOff(now + 5_000)).isFalse();
    refreshAhead.failed();
    assertThat(refreshAhead.isBackingOff(now + 9_999)).isTrue();
    refreshAhead.succeeded();
    assertThat(refreshAhead.isBackingOff(now)).isFalse();
  }

  @Test
  void durationsSaturate() {
    assertThat(Durations.saturatedAdd(Long.MAX_VALUE - 1, 5)).isEqualTo(Long.MAX_VALUE);
    assertThat(Durations.saturatedAdd(Long.MIN_VALUE + 1, -5)).isEqualTo(Long.MIN_VALUE);
    assertThat(Durations.saturatedAdd(1, 2)).isEqualTo(3);
    assertThat(TimeUnit.DAYS.toMillis(Long.MAX_VALUE)).isEqualTo(Long.MAX_VALUE);
  }
}
