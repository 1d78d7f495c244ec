/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.benchmarks;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Where {@link HotPathBenchmark#tokenInterceptor}'s time and allocations go beyond the
 * constant-header limit: the pieces of its work that OkHttp's API charges for, measured alone. Run
 * next to it: {@code java -jar benchmarks/target/benchmarks.jar HotPath -prof gc}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class HotPathBreakdownBenchmark {
  /** Stands in for the engine's request tag (an entry, the call, a flag). */
  static final class Marker {
    final Object entry;
    final Object call;
    final boolean swapped;

    Marker(Object entry, Object call, boolean swapped) {
      this.entry = entry;
      this.call = call;
      this.swapped = swapped;
    }
  }

  /**
   * The constant-header limit plus what tagging the request costs in OkHttp 4: a tag object, the
   * builder's tag map and the request's immutable copy of it.
   */
  static final Interceptor CONSTANT_HEADER_AND_TAG =
      new Interceptor() {
        @Override
        public Response intercept(Chain chain) throws IOException {
          return chain.proceed(
              chain
                  .request()
                  .newBuilder()
                  .header("Authorization", HotPathBenchmark.CONSTANT_AUTHORIZATION)
                  .tag(Marker.class, new Marker(chain, chain.call(), false))
                  .build());
        }
      };

  /** The constant-header limit plus a request tag. */
  @Benchmark
  public Request constantHeaderAndTag(HotPathBenchmark.Calls calls) throws IOException {
    CONSTANT_HEADER_AND_TAG.intercept(calls.chain);
    return calls.chain.proceeded();
  }

  /** One {@code HttpUrl.encodedPath()}: OkHttp builds the string on each call. */
  @Benchmark
  public String encodedPath() {
    return HotPathBenchmark.API_URL.encodedPath();
  }
}
