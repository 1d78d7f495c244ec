/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.redis;

import dev.oauthkit.core.Clock;
import dev.oauthkit.core.Grant;
import dev.oauthkit.core.TokenAuthenticator;
import dev.oauthkit.core.TokenInterceptor;
import dev.oauthkit.core.TokenListener;
import dev.oauthkit.core.TokenManager;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * One instance of a fleet in a JVM of its own, for {@link FleetProcessTest}: a manager with the
 * refresh-token grant {@code refresh-0}, a clock offset by the given milliseconds (its store uses
 * the same clock), and callers that call the API until the stop file exists. It then writes {@code
 * ok=N failed=M} to its result file. Its output says when a token request starts and ends, and
 * {@code ready} after its first successful call.
 *
 * <p>Arguments: name, Redis URI, token endpoint URL, clock offset in milliseconds, callers, lease
 * time in milliseconds, stop file, result file.
 */
public final class FleetProcess {
  public static void main(String[] args) throws Exception {
    String name = args[0];
    String redisUri = args[1];
    HttpUrl tokenUrl = HttpUrl.get(args[2]);
    final long offset = Long.parseLong(args[3]);
    int threads = Integer.parseInt(args[4]);
    long leaseMillis = Long.parseLong(args[5]);
    final Path stop = Paths.get(args[6]);
    Path result = Paths.get(args[7]);

    Clock skewed = () -> System.currentTimeMillis() + offset;
    RedisTokenStore store =
        RedisTokenStore.builder(redisUri)
            .clock(skewed)
            .leaseTime(leaseMillis, TimeUnit.MILLISECONDS)
            .timeout(5, TimeUnit.SECONDS)
            .build();
    OkHttpClient base = new OkHttpClient();
    TokenManager manager =
        Engine.manager(tokenUrl, Grant.refreshToken("refresh-0"), base, skewed)
            .store(store)
            .listener(
                new TokenListener() {
                  // The test reads these lines to tell which process has a request in flight.
                  @Override
                  public void tokenRequestStart(String grantType) {
                    System.out.println("token request start " + grantType);
                  }

                  @Override
                  public void tokenRequestEnd(String grantType, long expiresAt, long duration) {
                    System.out.println("token request end");
                  }

                  @Override
                  public void tokenRequestFailed(String grantType, IOException e, long duration) {
                    System.out.println("token request failed");
                  }

                  @Override
                  public void storeFailed(IOException e) {
                    System.out.println("store failed: " + e.getMessage());
                  }
                })
            .build();
    final OkHttpClient client =
        base.newBuilder()
            .addInterceptor(new TokenInterceptor(manager))
            .authenticator(new TokenAuthenticator(manager))
            .build();
    final HttpUrl api = tokenUrl.resolve("/api/data");
    final AtomicInteger ok = new AtomicInteger();
    final AtomicInteger failed = new AtomicInteger();
    final java.util.concurrent.atomic.AtomicBoolean ready =
        new java.util.concurrent.atomic.AtomicBoolean();
    List<Thread> callers = new ArrayList<>();
    for (int i = 0; i < threads; i++) {
      Thread caller =
          new Thread(
              () -> {
                while (!Files.exists(stop)) {
                  try (Response response =
                      client.newCall(new Request.Builder().url(api).build()).execute()) {
                    (response.code() == 200 ? ok : failed).incrementAndGet();
                    if (response.code() == 200 && ready.compareAndSet(false, true)) {
                      System.out.println("ready"); // The test waits for this line.
                    }
                  } catch (IOException e) {
                    failed.incrementAndGet();
                  }
                }
              });
      caller.start();
      callers.add(caller);
    }
    for (Thread caller : callers) caller.join();
    Files.write(result, ("ok=" + ok + " failed=" + failed + "\n").getBytes(StandardCharsets.UTF_8));
    // Exits without closing the store: a refresh-ahead renewal that one of the last calls started
    // may still run, and on a closed store it would renew on its own, without the lease.
    System.exit(0);
  }
}
