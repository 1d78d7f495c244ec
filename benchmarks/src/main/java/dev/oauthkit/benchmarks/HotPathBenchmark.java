/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.benchmarks;

import dev.oauthkit.core.AccessToken;
import dev.oauthkit.core.Clock;
import dev.oauthkit.core.Grant;
import dev.oauthkit.core.TokenAuthenticator;
import dev.oauthkit.core.TokenInterceptor;
import dev.oauthkit.core.TokenManager;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The token hot path against its limit: what {@link TokenInterceptor} costs per call on a cached
 * token, next to an interceptor that does nothing and one that adds a constant {@code
 * Authorization} header (the physical limit of "attach a bearer token": one {@code
 * Request.Builder}, one {@code Headers} copy, one {@code Request}).
 *
 * <p>Everything runs in memory: the chain is an {@link InMemoryChain} that returns a prebuilt
 * response, and tokens come from a {@link SequenceTokenSource}, called only in {@code @Setup}. The
 * manager, interceptor and authenticator are shared by all benchmark threads, as in an app; each
 * thread has its own chain.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar HotPath -t 1 -prof gc
 * java -jar benchmarks/target/benchmarks.jar HotPath -t 8 -prof gc -wi 3 -i 5 -w 1s -r 1s -f 1
 * </pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class HotPathBenchmark {
  static final HttpUrl API_BASE_URL = HttpUrl.get("https://api.example.com/v1/");
  static final HttpUrl API_URL =
      HttpUrl.get("https://api.example.com/v1/reference-data/urls/checkin-links?airlineCode=BA");

  /** The same length as the tokens the manager attaches ({@code Bearer token-2}). */
  static final String CONSTANT_AUTHORIZATION = "Bearer token-0";

  /** Baseline: passes the request on unchanged. */
  static final Interceptor NOOP =
      new Interceptor() {
        @Override
        public Response intercept(Chain chain) throws IOException {
          return chain.proceed(chain.request());
        }
      };

  /** Baseline, the limit: adds a constant {@code Authorization} header. */
  static final Interceptor CONSTANT_HEADER =
      new Interceptor() {
        @Override
        public Response intercept(Chain chain) throws IOException {
          return chain.proceed(
              chain.request().newBuilder().header("Authorization", CONSTANT_AUTHORIZATION).build());
        }
      };

  /** The engine under test, shared by all threads. */
  @State(Scope.Benchmark)
  @SuppressWarnings("NullAway.Init") // JMH calls @Setup before any benchmark
  public static class Engine {
    OkHttpClient client;
    Request apiRequest;

    /** On a fresh token, on the system clock. */
    SequenceTokenSource freshSource;

    TokenManager fresh;
    TokenInterceptor freshInterceptor;
    TokenAuthenticator freshAuthenticator;

    /** A 401 to a request that carried {@code token-1}, which {@code token-2} already replaced. */
    Response unauthorized;

    /** On a stale token: the clock stands inside the refresh-ahead window. */
    ManualClock staleClock;

    SequenceTokenSource staleSource;
    DroppingExecutor staleRenewals;
    TokenManager stale;
    TokenInterceptor staleInterceptor;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
      client = new OkHttpClient();
      apiRequest = new Request.Builder().url(API_URL).build();

      freshSource = new SequenceTokenSource(Clock.SYSTEM);
      fresh =
          new TokenManager.Builder(freshSource, Grant.clientCredentials())
              .client(client)
              .refreshExecutor(new DroppingExecutor()) // a fresh token is never renewed
              .addApiBaseUrl(API_BASE_URL)
              .build();
      freshInterceptor = new TokenInterceptor(fresh);
      freshAuthenticator = new TokenAuthenticator(fresh);

      // The 401 path: a request goes out with token-1; meanwhile another call had it refused and
      // renewed (token-2). The 401 to this request then needs no token request, only a swap.
      InMemoryChain chain = newChain();
      freshInterceptor.intercept(chain);
      Request sentWithOldToken = chain.proceeded();
      fresh.refresh("token-1");
      unauthorized = response(sentWithOldToken, 401);

      long start = System.currentTimeMillis();
      staleClock = new ManualClock(start);
      staleSource = new SequenceTokenSource(staleClock);
      staleRenewals = new DroppingExecutor();
      stale =
          new TokenManager.Builder(staleSource, Grant.clientCredentials())
              .client(client)
              .clock(staleClock)
              .refreshExecutor(staleRenewals)
              .addApiBaseUrl(API_BASE_URL)
              .build();
      staleInterceptor = new TokenInterceptor(stale);
      stale.token(); // token-1, fresh for 58 minutes.
      // One minute before expiry: inside the 2-minute refresh-ahead window, outside the 30-second
      // expiry skew. The first call hands a renewal to staleRenewals, which keeps it pending
      // forever (as a renewal in flight); every later call serves the stale token at once.
      staleClock.set(start + SequenceTokenSource.LIFETIME_MILLIS - TimeUnit.MINUTES.toMillis(1));
    }

    InMemoryChain newChain() {
      return new InMemoryChain(apiRequest, client.newCall(apiRequest), response(apiRequest, 200));
    }
  }

  /** One chain per benchmark thread, answering with a response to the request it is given. */
  @State(Scope.Thread)
  @SuppressWarnings("NullAway.Init") // JMH calls @Setup before any benchmark
  public static class Calls {
    InMemoryChain chain;
    InMemoryChain staleChain;

    @Setup(Level.Trial)
    public void setUp(Engine engine) throws IOException {
      chain = engine.newChain();
      // OkHttp hands TokenInterceptor a response to the request it sent (tagged with its token):
      // build that once, so the measured loop reads the tag back as it would on a real call.
      engine.freshInterceptor.intercept(chain);
      chain.respondWith(response(chain.proceeded(), 200));
      staleChain = engine.newChain();
      engine.staleInterceptor.intercept(staleChain);
      staleChain.respondWith(response(staleChain.proceeded(), 200));
    }
  }

  static Response response(Request request, int code) {
    return new Response.Builder()
        .request(request)
        .protocol(Protocol.HTTP_1_1)
        .code(code)
        .message(code == 200 ? "OK" : "Unauthorized")
        .build();
  }

  /** Baseline: an interceptor that does nothing. */
  @Benchmark
  public Request baselineNoop(Calls calls) throws IOException {
    NOOP.intercept(calls.chain);
    return calls.chain.proceeded();
  }

  /** Baseline, the limit: an interceptor that adds a constant {@code Authorization} header. */
  @Benchmark
  public Request baselineConstantHeader(Calls calls) throws IOException {
    CONSTANT_HEADER.intercept(calls.chain);
    return calls.chain.proceeded();
  }

  /** {@link TokenInterceptor} on a cached fresh token. */
  @Benchmark
  public Request tokenInterceptor(Engine engine, Calls calls) throws IOException {
    engine.freshInterceptor.intercept(calls.chain);
    return calls.chain.proceeded();
  }

  /**
   * Reference: one read of {@link Clock#SYSTEM}, which the fresh path makes once per call to tell a
   * fresh token from a stale one.
   */
  @Benchmark
  public long clockRead() {
    return Clock.SYSTEM.currentTimeMillis();
  }

  /** {@link TokenManager#token()} alone, on a cached fresh token. */
  @Benchmark
  public AccessToken tokenManagerToken(Engine engine) throws IOException {
    return engine.fresh.token();
  }

  /**
   * {@link TokenInterceptor} on a stale token: a background renewal is pending (the executor keeps
   * it), so each call serves the stale token without waiting and without scheduling another.
   */
  @Benchmark
  public Request staleTokenInterceptor(Engine engine, Calls calls) throws IOException {
    engine.staleInterceptor.intercept(calls.staleChain);
    return calls.staleChain.proceeded();
  }

  /** {@link TokenManager#token()} alone, on a stale token (as above). */
  @Benchmark
  public AccessToken staleTokenManagerToken(Engine engine) throws IOException {
    return engine.stale.token();
  }

  /**
   * {@link TokenAuthenticator} on a 401 to a request that carried an older token of the manager,
   * already replaced: it returns the request with the current token, without a token request.
   */
  @Benchmark
  public @Nullable Request authenticator401(Engine engine) throws IOException {
    return engine.freshAuthenticator.authenticate(null, engine.unauthorized);
  }
}
