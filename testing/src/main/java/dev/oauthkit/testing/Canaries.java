/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oauthkit.core.TokenListener;
import dev.oauthkit.core.TokenRequestException;
import java.io.IOException;
import java.io.UnsupportedEncodingException;
import java.net.URLEncoder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import okhttp3.OkHttpClient;
import okhttp3.logging.HttpLoggingInterceptor;

/**
 * Canary secrets and everything a flow could leak them into: HTTP log lines, token events,
 * exceptions and {@code toString()}s.
 */
public final class Canaries {
  /** Runs a call that must fail. */
  public interface Call {
    void run() throws Exception;
  }

  private final List<String> canaries;

  /** The redacted HTTP log of {@link #loggingClient}. */
  public final List<String> log = Collections.synchronizedList(new ArrayList<String>());

  private final List<String> unredactedLog = Collections.synchronizedList(new ArrayList<String>());
  private final List<String> captured = Collections.synchronizedList(new ArrayList<String>());

  /** Records every token event, with every exception's message, toString() and stack trace. */
  public final TokenListener listener =
      new TokenListener() {
        @Override
        public void tokenRequestStart(String grantType) {
          captured.add("start " + grantType);
        }

        @Override
        public void tokenRequestEnd(String grantType, long expiresAtMillis, long durationMillis) {
          captured.add("end " + grantType + " " + expiresAtMillis + " " + durationMillis);
        }

        @Override
        public void tokenRequestFailed(String grantType, IOException e, long durationMillis) {
          captured.add("failed " + grantType + " " + e.getMessage());
          addText(e);
        }

        @Override
        public void tokenRequestRetry(String grantType, int attempt, long delayMillis) {
          captured.add("retry " + grantType + " " + attempt + " " + delayMillis);
        }

        @Override
        public void tokenInvalidated() {
          captured.add("invalidated");
        }

        @Override
        public void refreshTokenRejected(TokenRequestException e) {
          captured.add("refreshTokenRejected " + e.getMessage());
          addText(e);
        }

        @Override
        public void storeFailed(IOException e) {
          captured.add("storeFailed " + e.getMessage());
          addText(e);
        }
      };

  /** The canaries; the last must be an access token that an API request carried. */
  public Canaries(String... canaries) {
    this.canaries = Arrays.asList(canaries);
  }

  /**
   * A client logged as the README recommends: BODY level, {@code Authorization} redacted, both as
   * an application interceptor and as a network interceptor (which sees the bearer token). A third,
   * unredacted logger proves that the canaries would be caught if they were logged.
   */
  public OkHttpClient loggingClient() {
    HttpLoggingInterceptor application = new HttpLoggingInterceptor(line -> log.add(line));
    application.setLevel(HttpLoggingInterceptor.Level.BODY);
    application.redactHeader("Authorization");
    HttpLoggingInterceptor network = new HttpLoggingInterceptor(line -> log.add(line));
    network.setLevel(HttpLoggingInterceptor.Level.BODY);
    network.redactHeader("Authorization");
    HttpLoggingInterceptor unredacted = new HttpLoggingInterceptor(line -> unredactedLog.add(line));
    unredacted.setLevel(HttpLoggingInterceptor.Level.HEADERS);
    return new OkHttpClient.Builder()
        .addInterceptor(application)
        .addNetworkInterceptor(network)
        .addNetworkInterceptor(unredacted)
        .build();
  }

  /** Runs {@code call}, which must throw a {@code type}; captures and returns the exception. */
  public <T extends Throwable> T expect(Class<T> type, Call call) {
    try {
      call.run();
    } catch (Throwable e) {
      assertThat(e).isInstanceOf(type);
      addText(e);
      return type.cast(e);
    }
    throw new AssertionError("expected a " + type.getSimpleName());
  }

  /** Captures the {@code toString()} of each object, and a throwable's message and stack trace. */
  public void addText(Object... objects) {
    for (Object object : objects) {
      captured.add(String.valueOf(object));
      if (object instanceof Throwable) {
        Throwable throwable = (Throwable) object;
        captured.add(String.valueOf(throwable.getMessage()));
        // What a printed stack trace shows: every cause's toString() and frames, and suppressed
        // ones.
        for (Throwable t = throwable; t != null; t = t.getCause()) {
          captured.add(t.toString());
          for (StackTraceElement frame : t.getStackTrace()) captured.add(frame.toString());
          for (Throwable suppressed : t.getSuppressed()) captured.add(suppressed.toString());
        }
      }
    }
  }

  /** Asserts that no canary, plain or form-URL-encoded, was logged or captured. */
  public void assertNoneLeaked() {
    assertThat(log).as("the log").isNotEmpty();
    assertThat(String.join("\n", unredactedLog))
        .as("an unredacted log shows the bearer token, so the canaries are detectable")
        .contains("Authorization: Bearer " + canaries.get(canaries.size() - 1));
    List<String> forms = new ArrayList<>();
    for (String canary : canaries) {
      forms.add(canary);
      forms.add(formUrlEncode(canary));
    }
    for (String form : forms) {
      assertThat(String.join("\n", log)).as("the HTTP log").doesNotContain(form);
      assertThat(String.join("\n", captured))
          .as("token events, exceptions and toString()s")
          .doesNotContain(form);
    }
  }

  /** Returns {@code value} as it stands in a form body. */
  public static String formUrlEncode(String value) {
    try {
      return URLEncoder.encode(value, "UTF-8");
    } catch (UnsupportedEncodingException e) {
      throw new AssertionError(e);
    }
  }
}
