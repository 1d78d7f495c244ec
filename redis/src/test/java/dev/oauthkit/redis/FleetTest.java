/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oauthkit.core.Grant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 15: four instances, each its own {@link dev.oauthkit.core.TokenManager}, OkHttp client and
 * {@link RedisTokenStore}, sharing only a real Redis and one token endpoint, eight callers each.
 * Tokens live 3 seconds and turn stale 1 second before they expire, so the fleet renews about every
 * 2 seconds. Every wait is for an event (a token request, a count of calls), with a generous
 * deadline; the assertions hold on a machine however busy.
 */
@Timeout(180)
final class FleetTest {
  static final int INSTANCES = 4;
  static final int THREADS = 8;
  static final long LIFETIME_SECONDS = 3;

  /**
   * A renewal comes at least 2 s after the previous token was issued; a second one for the same
   * lifetime would follow within milliseconds.
   */
  static final long MIN_NANOS_BETWEEN_RENEWALS = TimeUnit.SECONDS.toNanos(1);

  @RegisterExtension static final RedisServerExtension redis = new RedisServerExtension();

  private final List<Engine> engines = new ArrayList<>();
  private FleetServer server;

  @BeforeEach
  void setUp() throws Exception {
    redis.flushAll();
  }

  @AfterEach
  void tearDown() throws Exception {
    for (Engine engine : engines) engine.close();
    if (server != null) server.close();
    redis.start(); // If a failure test left it stopped.
  }

  @Test
  void fourInstancesOfEightThreadsMakeOneTokenRequestPerLifetime() throws Exception {
    server = new FleetServer(LIFETIME_SECONDS);
    startFleet(builder -> builder);

    server.awaitTokenRequests(4, 120, TimeUnit.SECONDS); // A cold start and three renewals.
    stopFleet();
    FleetReport.write(
        "fourInstancesOfEightThreadsMakeOneTokenRequestPerLifetime",
        server.tokenRequests(),
        engines.toString());

    List<FleetServer.TokenRequest> requests = server.tokenRequests();
    assertOneRenewalPerLifetime(requests);
    for (Engine engine : engines) {
      assertThat(engine.failed).as(engine.toString()).hasValue(0);
      assertThat(engine.ok.get()).as(engine.name).isPositive();
      assertThat(engine.storeFailures).as(engine.name).hasValue(0);
    }
  }

  @Test
  void withoutTheSharedStoreEachInstanceFetchesItsOwnToken() throws Exception {
    // Tokens for an hour: with 3 s ones, an instance that started first renews (after 2 s) before
    // a slow machine started the last one, and the counts below are off.
    server = new FleetServer(TimeUnit.HOURS.toSeconds(1));
    for (int i = 0; i < INSTANCES; i++) {
      engines.add(new Engine("instance-" + i, server, Grant.clientCredentials(), null));
    }
    for (Engine engine : engines) engine.start(THREADS);

    server.awaitTokenRequests(INSTANCES, 120, TimeUnit.SECONDS);
    stopFleet();
    FleetReport.write(
        "withoutTheSharedStoreEachInstanceFetchesItsOwnToken",
        server.tokenRequests(),
        engines.toString());

    assertThat(server.tokenRequests()).hasSize(INSTANCES); // N instances, N token requests.
    for (Engine engine : engines) assertThat(engine.tokenRequests).as(engine.name).hasValue(1);
  }

  @Test
  void revocationUnderLoadCostsNoCallAndOneRenewalForTheFleet() throws Exception {
    server = new FleetServer(TimeUnit.HOURS.toSeconds(1)); // Only the revocation renews.
    startFleet(builder -> builder);
    awaitCalls(200);

    server.revokeAll();
    server.awaitTokenRequests(2, 120, TimeUnit.SECONDS);
    awaitCalls(200); // Each instance goes on with the new token.
    stopFleet();
    FleetReport.write(
        "revocationUnderLoadCostsNoCallAndOneRenewalForTheFleet",
        server.tokenRequests(),
        engines.toString());

    assertThat(server.tokenRequests()).hasSize(2); // The cold start, and one renewal.
    for (Engine engine : engines) {
      assertThat(engine.failed).as(engine.toString()).hasValue(0);
      assertThat(engine.token()).isEqualTo("access-2");
    }
  }

  @Test
  void redisStoppedMidRunCostsNoCallAndTheFleetConvergesWhenItIsBack() throws Exception {
    server = new FleetServer(LIFETIME_SECONDS);
    startFleet(builder -> builder);
    server.awaitTokenRequests(2, 120, TimeUnit.SECONDS);

    redis.stop();
    long stoppedAt = System.nanoTime();
    // Each instance renews on its own now: wait until every one has renewed at least once.
    awaitEveryInstanceRenewed();
    for (Engine engine : engines) assertThat(engine.storeFailures.get()).isPositive();

    redis.restart();
    long restartedAt = System.nanoTime();
    long convergedAt = awaitConvergence();
    int afterConvergence = countSince(convergedAt);
    server.awaitTokenRequests(server.tokenRequests().size() + 2, 120, TimeUnit.SECONDS);
    stopFleet();

    for (Engine engine : engines) assertThat(engine.failed).as(engine.toString()).hasValue(0);
    // Back to one renewal per lifetime for the fleet.
    List<FleetServer.TokenRequest> since = new ArrayList<>();
    for (FleetServer.TokenRequest request : server.tokenRequests()) {
      if (request.atNanos > convergedAt) since.add(request);
    }
    FleetReport.write(
        "redisStoppedMidRunCostsNoCallAndTheFleetConvergesWhenItIsBack, after convergence",
        since,
        engines
            + "; token requests while Redis was down: "
            + (countSince(stoppedAt) - countSince(restartedAt))
            + ", from restart to convergence: "
            + (countSince(restartedAt) - countSince(convergedAt))
            + " in "
            + TimeUnit.NANOSECONDS.toMillis(convergedAt - restartedAt)
            + " ms");
    assertThat(since.size()).isGreaterThanOrEqualTo(afterConvergence + 2);
    assertOneRenewalPerLifetime(since);
  }

  @Test
  void encryptedFleetLeavesNoTokenInRedis() throws Exception {
    server = new FleetServer(LIFETIME_SECONDS);
    TokenEncryption encryption =
        TokenEncryption.aesGcm("k1", new SecretKeySpec(new byte[32], "AES"));
    startFleet(builder -> builder.encryption(encryption));
    server.awaitTokenRequests(2, 120, TimeUnit.SECONDS);

    StringBuilder everything = new StringBuilder();
    for (String key : redis.rawConnection().sync().keys("*")) {
      everything.append(key).append('\n');
      if (redis.rawConnection().sync().type(key).equals("hash")) {
        for (Map.Entry<String, String> field :
            redis.rawConnection().sync().hgetall(key).entrySet()) {
          everything.append(field.getKey()).append('=').append(field.getValue()).append('\n');
        }
      } else {
        everything.append(redis.rawConnection().sync().get(key)).append('\n');
      }
    }
    stopFleet();
    FleetReport.write(
        "encryptedFleetLeavesNoTokenInRedis", server.tokenRequests(), engines.toString());

    assertThat(everything).contains("kid=k1");
    assertThat(everything.toString()).doesNotContain("access-").doesNotContain("refresh-");
    assertOneRenewalPerLifetime(server.tokenRequests());
    for (Engine engine : engines) assertThat(engine.failed).as(engine.toString()).hasValue(0);
  }

  interface Configuration {
    RedisTokenStore.Builder configure(RedisTokenStore.Builder builder);
  }

  private void startFleet(Configuration configuration) {
    for (int i = 0; i < INSTANCES; i++) {
      RedisTokenStore store =
          configuration
              .configure(RedisTokenStore.builder(redis.uri()).timeout(5, TimeUnit.SECONDS))
              .build();
      engines.add(new Engine("instance-" + i, server, Grant.clientCredentials(), store));
    }
    for (Engine engine : engines) engine.start(THREADS);
  }

  private void stopFleet() throws InterruptedException {
    for (Engine engine : engines) engine.stop();
  }

  /** Waits until every instance made {@code count} more successful calls. */
  private void awaitCalls(int count) throws InterruptedException {
    int[] start = new int[engines.size()];
    for (int i = 0; i < start.length; i++) start[i] = engines.get(i).ok.get();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    for (int i = 0; i < start.length; i++) {
      while (engines.get(i).ok.get() < start[i] + count) {
        if (System.nanoTime() > deadline) throw new AssertionError(engines);
        Thread.sleep(10);
      }
    }
  }

  private void awaitEveryInstanceRenewed() throws InterruptedException {
    int[] start = new int[engines.size()];
    for (int i = 0; i < start.length; i++) start[i] = engines.get(i).tokenRequests.get();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    for (int i = 0; i < start.length; i++) {
      while (engines.get(i).tokenRequests.get() <= start[i]) {
        if (System.nanoTime() > deadline) throw new AssertionError(engines);
        Thread.sleep(10);
      }
    }
  }

  /** Waits until every instance serves the same token; returns when that was seen. */
  private long awaitConvergence() throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (true) {
      Set<String> tokens = new HashSet<>();
      for (Engine engine : engines) tokens.add(engine.token());
      if (tokens.size() == 1) return System.nanoTime();
      if (System.nanoTime() > deadline) throw new AssertionError("never converged: " + tokens);
      Thread.sleep(50);
    }
  }

  private int countSince(long nanos) {
    int count = 0;
    for (FleetServer.TokenRequest request : server.tokenRequests()) {
      if (request.atNanos > nanos) count++;
    }
    return count;
  }

  /** Every request succeeded, and no two came within one token's lifetime. */
  static void assertOneRenewalPerLifetime(List<FleetServer.TokenRequest> requests) {
    assertOneRenewalPerLifetime(requests, "");
  }

  static void assertOneRenewalPerLifetime(List<FleetServer.TokenRequest> requests, String context) {
    for (FleetServer.TokenRequest request : requests) {
      assertThat(request.status).as("%s%s", requests, context).isEqualTo(200);
    }
    for (int i = 1; i < requests.size(); i++) {
      long between = requests.get(i).atNanos - requests.get(i - 1).atNanos;
      assertThat(between)
          .as("token requests %s and %s: %s%s", i, i + 1, requests, context)
          .isGreaterThanOrEqualTo(MIN_NANOS_BETWEEN_RENEWALS);
    }
  }
}
