/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.core;

import static dev.oauthkit.core.TestServer.json;
import static dev.oauthkit.core.TestServer.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.mockwebserver.MockWebServer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 15: the lease through which processes sharing a store renew one at a time. Each "process"
 * is a manager with its own store object over one shared map and one shared lease, as the instances
 * of a fleet sharing Redis would be; "X" is a process outside the test holding the lease.
 */
@Timeout(60)
final class LeaseTest {
  private static final String KEY = "fleet";

  private final MockWebServer server = new MockWebServer();
  private final Script token = new Script();
  private final TestClock clock = new TestClock();
  private final TokenStore shared = TokenStore.inMemory();
  private final AtomicReference<@Nullable String> holder = new AtomicReference<>();
  private final List<String> events = new CopyOnWriteArrayList<>();
  private final AtomicInteger issued = new AtomicInteger();

  @BeforeEach
  void setUp() throws IOException {
    server.setDispatcher(token);
    server.start();
    token.forever(request -> token("t" + issued.incrementAndGet(), 3600, "r" + issued.get()));
  }

  @AfterEach
  void tearDown() throws IOException {
    server.shutdown();
  }

  @Test
  void processWithAValidTokenLeavesTheRenewalToTheHolderAndServesItsToken() throws Exception {
    ManualExecutor refreshAhead = new ManualExecutor();
    LeasingView view = new LeasingView("b");
    TokenManager b = process(view, refreshAhead);
    shared.put(KEY, stored("t0", "r0", 3600));
    assertThat(b.token().value()).isEqualTo("t0"); // Adopted from the store.

    holder.set("x"); // Another process is renewing.
    clock.advance(3550, TimeUnit.SECONDS); // Stale, still valid.
    assertThat(b.token().value()).isEqualTo("t0");
    assertThat(refreshAhead.runAll()).isEqualTo(1);
    assertThat(events).containsExactly("b tryLease: held by x");
    assertThat(token.count()).isZero(); // Neither the refresh token nor the grant was sent.
    assertThat(b.token().value()).isEqualTo("t0");
    assertThat(refreshAhead.size()).isZero(); // It waits a second before it tries again.

    // The holder stores its token and releases the lease.
    shared.put(KEY, stored("tx", "rx", 3600));
    holder.set(null);
    clock.advance(RefreshAhead.DEFERRAL_MILLIS, TimeUnit.MILLISECONDS);
    assertThat(b.token().value()).isEqualTo("t0");
    assertThat(refreshAhead.runAll()).isEqualTo(1);
    assertThat(b.token().value()).isEqualTo("tx"); // Read from the store: no lease needed.
    assertThat(events).containsExactly("b tryLease: held by x");
    assertThat(token.count()).isZero();
  }

  @Test
  void holderThatFindsATokenStoredMeanwhileAdoptsItAndSendsNothing() throws Exception {
    ManualExecutor refreshAhead = new ManualExecutor();
    LeasingView view =
        new LeasingView("b") {
          @Override
          public @Nullable Lease tryLease(String key) throws IOException {
            // The previous holder stored its token and released the lease just before.
            shared.put(KEY, stored("tx", "rx", 3600));
            return super.tryLease(key);
          }
        };
    TokenManager b = process(view, refreshAhead);
    shared.put(KEY, stored("t0", "r0", 3600));
    assertThat(b.token().value()).isEqualTo("t0");

    clock.advance(3550, TimeUnit.SECONDS);
    assertThat(b.token().value()).isEqualTo("t0");
    assertThat(refreshAhead.runAll()).isEqualTo(1);

    assertThat(b.token().value()).isEqualTo("tx");
    assertThat(events).containsExactly("b tryLease", "b release");
    assertThat(token.count()).isZero();
  }

  @Test
  void processWithoutAValidTokenWaitsForTheHolderAndAdoptsItsToken() throws Exception {
    holder.set("x");
    LeasingView view =
        new LeasingView("b") {
          @Override
          public @Nullable Lease lease(String key) throws IOException {
            events.add("b lease: waiting for x");
            shared.put(KEY, stored("tx", "rx", 3600)); // X renews meanwhile...
            holder.set(null); // ...and releases its lease.
            return null;
          }
        };
    TokenManager b = process(view, new ManualExecutor());

    assertThat(b.token().value()).isEqualTo("tx");
    assertThat(token.count()).isZero();
    assertThat(events).containsExactly("b lease: waiting for x");
  }

  @Test
  void waitThatEndsWithoutTheLeaseRenewsWithoutIt() throws Exception {
    holder.set("x"); // Stuck, and never stores anything.
    LeasingView view =
        new LeasingView("b") {
          @Override
          public @Nullable Lease lease(String key) {
            events.add("b lease: gave up waiting");
            return null;
          }
        };
    TokenManager b = process(view, new ManualExecutor());

    assertThat(b.token().value()).isEqualTo("t1");
    assertThat(token.count()).isEqualTo(1);
    assertThat(shared.get(KEY).value()).isEqualTo("t1");
    assertThat(events).containsExactly("b lease: gave up waiting", "b compareAndSet t1");
  }

  @Test
  void holderStoresTheRotatedTokenBeforeItReleasesTheLease() throws Exception {
    TokenManager a = process(new LeasingView("a"), new ManualExecutor());
    assertThat(a.token().value()).isEqualTo("t1");
    assertThat(a.refresh("t1").value()).isEqualTo("t2");

    assertThat(events)
        .containsExactly(
            "a lease",
            "a compareAndSet t1",
            "a release",
            "a lease",
            "a compareAndSet t2",
            "a release");
    server.takeRequest();
    assertThat(server.takeRequest().getBody().readUtf8()).contains("grant_type=refresh_token");
    assertThat(shared.get(KEY).refreshToken()).isEqualTo("r2");
    assertThat(holder.get()).isNull();
  }

  @Test
  void failedRenewalReleasesTheLease() throws Exception {
    token.then(request -> json(400, "{\"error\":\"invalid_client\"}"));
    TokenManager a = process(new LeasingView("a"), new ManualExecutor());

    assertThatThrownBy(a::token).isInstanceOf(TokenRequestException.class);
    assertThat(events).containsExactly("a lease", "a release");
    assertThat(holder.get()).isNull();
  }

  @Test
  void storeFailingToLeaseIsReportedAndTheProcessRenewsOnItsOwn() throws Exception {
    RecordingTokenListener listener = new RecordingTokenListener();
    LeasingView view =
        new LeasingView("b") {
          @Override
          public @Nullable Lease lease(String key) throws IOException {
            throw new IOException("redis is not connected");
          }
        };
    TokenManager b = builder(view, new ManualExecutor()).listener(listener).build();

    assertThat(b.token().value()).isEqualTo("t1");
    assertThat(token.count()).isEqualTo(1);
    assertThat(listener.events()).contains("storeFailed redis is not connected");
  }

  @Test
  void interruptWhileWaitingForTheLeaseEndsTheRenewalInsteadOfRenewingWithoutTheLease()
      throws Exception {
    holder.set("x");
    RecordingTokenListener listener = new RecordingTokenListener();
    LeasingView view =
        new LeasingView("b") {
          @Override
          public @Nullable Lease lease(String key) throws IOException {
            // As RedisTokenStore does when its thread is interrupted while it polls.
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for the redis lease");
          }
        };
    TokenManager b = builder(view, new ManualExecutor()).listener(listener).build();

    try {
      assertThatThrownBy(b::token).isInstanceOf(InterruptedIOException.class);
    } finally {
      Thread.interrupted();
    }
    assertThat(token.count()).isZero(); // X holds the lease: this one must not renew.
    assertThat(listener.events()).noneMatch(event -> event.startsWith("storeFailed"));
  }

  @Test
  void storeWithoutLeasesIsReadNoMoreThanBefore() throws Exception {
    AtomicInteger plainReads = new AtomicInteger();
    AtomicInteger leasingReads = new AtomicInteger();
    TokenManager plain =
        process(
            new SharedStoreTest.View(shared) {
              @Override
              public @Nullable AccessToken get(String key) throws IOException {
                plainReads.incrementAndGet();
                return super.get(key);
              }
            },
            new ManualExecutor());
    plain.token();
    shared.remove(KEY);
    TokenManager leasing =
        process(
            new LeasingView("b") {
              @Override
              public @Nullable AccessToken get(String key) throws IOException {
                leasingReads.incrementAndGet();
                return super.get(key);
              }
            },
            new ManualExecutor());
    leasing.token();

    // Before the flight, as it leads, and in the default compareAndSet: no read for a lease.
    assertThat(plainReads.get()).isEqualTo(3);
    // Before the flight, as it leads, and once more under the lease (its compareAndSet is its own).
    assertThat(leasingReads.get()).isEqualTo(3);
  }

  private TokenManager process(TokenStore store, ManualExecutor refreshAhead) {
    return builder(store, refreshAhead).build();
  }

  private TokenManager.Builder builder(TokenStore store, ManualExecutor refreshAhead) {
    return new TokenManager.Builder(TestServer.endpoint(server).build(), Grant.clientCredentials())
        .addApiBaseUrl(server.url("/"))
        .clock(clock)
        .store(store)
        .storeKey(KEY)
        .refreshExecutor(refreshAhead)
        .maxAttempts(1);
  }

  private AccessToken stored(String value, String refreshToken, long lifetimeSeconds) {
    long now = clock.currentTimeMillis();
    return new AccessToken.Builder()
        .value(value)
        .refreshToken(refreshToken)
        .issuedAtMillis(now)
        .expiresAtMillis(now + TimeUnit.SECONDS.toMillis(lifetimeSeconds))
        .build();
  }

  /** One process's store: the shared map, and the shared lease, which it records using. */
  class LeasingView extends SharedStoreTest.View {
    private final String name;

    LeasingView(String name) {
      super(shared);
      this.name = name;
    }

    @Override
    public boolean compareAndSet(String key, @Nullable AccessToken expected, AccessToken update)
        throws IOException {
      events.add(name + " compareAndSet " + update.value());
      return shared.compareAndSet(key, expected, update);
    }

    @Override
    public @Nullable Lease tryLease(String key) throws IOException {
      if (!holder.compareAndSet(null, name)) {
        events.add(name + " tryLease: held by " + holder.get());
        return null;
      }
      events.add(name + " tryLease");
      return this::release;
    }

    @Override
    public @Nullable Lease lease(String key) throws IOException {
      if (!holder.compareAndSet(null, name)) throw new AssertionError("lease held by " + holder);
      events.add(name + " lease");
      return this::release;
    }

    private void release() {
      events.add(name + " release");
      holder.compareAndSet(name, null);
    }
  }
}
