/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import org.jspecify.annotations.Nullable;

/**
 * The scripted answers of one server (or one route of it): each request takes the next answer; when
 * none is left, the {@link #forever} answer, or a 599 that no test expects. Counts requests.
 * Thread-safe, and holds no lock while an answer is computed, so an answer may call the client.
 */
public final class Script extends Dispatcher {
  /** Computes an answer; may block or call back into the client under test. */
  public interface Answer {
    MockResponse answer(RecordedRequest request) throws Exception;
  }

  private final ConcurrentLinkedQueue<Answer> next = new ConcurrentLinkedQueue<>();
  private volatile @Nullable Answer forever;
  private final AtomicInteger count = new AtomicInteger();
  private final List<RecordedRequest> requests = new ArrayList<>();

  /** Answers the next request with {@code response}. */
  public Script then(final MockResponse response) {
    return then(request -> response);
  }

  /** Answers the next request with {@code answer}. */
  public Script then(Answer answer) {
    next.add(answer);
    return this;
  }

  /** Answers every request after the scripted ones with a fresh {@code answer}. */
  public Script forever(Answer answer) {
    this.forever = answer;
    return this;
  }

  /** Returns how many requests this script saw. */
  public int count() {
    return count.get();
  }

  /** Returns the requests this script saw, in order. */
  public synchronized List<RecordedRequest> requests() {
    return new ArrayList<>(requests);
  }

  /** The {@code Authorization} headers of the requests, in order. */
  public List<String> authorizations() {
    List<String> result = new ArrayList<>();
    for (RecordedRequest request : requests()) result.add(request.getHeader("Authorization"));
    return result;
  }

  @Override
  public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
    count.incrementAndGet();
    synchronized (this) {
      requests.add(request);
    }
    Answer answer = next.poll();
    if (answer == null) answer = forever;
    if (answer == null) return new MockResponse().setResponseCode(599).setBody("unscripted");
    try {
      return answer.answer(request);
    } catch (InterruptedException e) {
      throw e;
    } catch (Exception e) {
      throw new AssertionError("answer failed", e);
    }
  }

  /** Routes requests for {@code tokenPath} to {@code token} and all others to {@code api}. */
  public static Dispatcher route(final String tokenPath, final Script token, final Script api) {
    return new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
        String path = request.getRequestUrl() != null ? request.getRequestUrl().encodedPath() : "";
        return (path.equals(tokenPath) ? token : api).dispatch(request);
      }
    };
  }
}
