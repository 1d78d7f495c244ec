/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.benchmarks;

import java.util.Objects;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.Connection;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;

/**
 * An application-level {@link Interceptor.Chain} with no network: {@link #proceed} records the
 * request it receives and its {@code Authorization} header (so that nothing an interceptor builds
 * is dead code) and returns a prebuilt response. Not thread-safe: one per benchmark thread.
 */
final class InMemoryChain implements Interceptor.Chain {
  private final Request request;
  private final Call call;
  private Response response;

  /** The last request passed to {@link #proceed}. */
  @Nullable Request proceeded;

  /** The {@code Authorization} header of that request. */
  @Nullable String authorization;

  InMemoryChain(Request request, Call call, Response response) {
    this.request = request;
    this.call = call;
    this.response = response;
  }

  /**
   * Sets the response {@link #proceed} returns. A real chain answers with a response to the request
   * it sent, which {@code TokenInterceptor} reads back; the benchmark sets one built on the request
   * the interceptor sent once, outside the measured loop.
   */
  void respondWith(Response response) {
    this.response = Objects.requireNonNull(response);
  }

  /** Returns the last request passed to {@link #proceed}; fails if none was. */
  Request proceeded() {
    Request result = proceeded;
    if (result == null) throw new IllegalStateException("proceed() was not called");
    return result;
  }

  @Override
  public Request request() {
    return request;
  }

  @Override
  public Response proceed(Request request) {
    this.proceeded = request;
    this.authorization = request.header("Authorization");
    return response;
  }

  @Override
  public @Nullable Connection connection() {
    return null; // An application interceptor's chain.
  }

  @Override
  public Call call() {
    return call;
  }

  @Override
  public int connectTimeoutMillis() {
    return 10_000;
  }

  @Override
  public Interceptor.Chain withConnectTimeout(int timeout, TimeUnit unit) {
    throw new UnsupportedOperationException();
  }

  @Override
  public int readTimeoutMillis() {
    return 10_000;
  }

  @Override
  public Interceptor.Chain withReadTimeout(int timeout, TimeUnit unit) {
    throw new UnsupportedOperationException();
  }

  @Override
  public int writeTimeoutMillis() {
    return 10_000;
  }

  @Override
  public Interceptor.Chain withWriteTimeout(int timeout, TimeUnit unit) {
    throw new UnsupportedOperationException();
  }
}
