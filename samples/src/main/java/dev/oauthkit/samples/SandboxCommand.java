/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.samples;

import dev.oauthkit.sandbox.AmadeusSandbox;
import dev.oauthkit.sandbox.BindeoSandbox;
import dev.oauthkit.sandbox.LearnAmpSandbox;
import dev.oauthkit.sandbox.Sandbox;
import java.io.Closeable;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * The {@code sandbox} command: the Amadeus, Learn Amp and Bindeo sandboxes on known loopback ports
 * until it is interrupted, so that commands started in other shells, each with the printed {@code
 * export} line, call the same token endpoint and can share its tokens (through {@code REDIS_URL}).
 * On exit it prints how many token requests each sandbox answered.
 */
final class SandboxCommand implements Closeable {
  static final String NAME = "sandbox";

  static final String SUMMARY =
      "runs the Amadeus, Learn Amp and Bindeo sandboxes on known ports, for commands in other"
          + " shells";

  static final String[] OPTION_NAMES = {"port", "token-lifetime"};

  static final String[] OPTION_HELP = {
    "--port P               Amadeus' port; Learn Amp gets P+1 and Bindeo P+2 (default 8080; 0: any"
        + " free ports)",
    "--token-lifetime S     the lifetime of the tokens issued, in seconds (default Amadeus 30, the"
        + " others 60)",
    "--help                 this text"
  };

  /** One provider's sandbox and the variables that point a command at it. */
  private static final class Provider {
    final String name;
    final String prefix;
    final Sandbox sandbox;
    final String extra;

    Provider(String name, String prefix, Sandbox sandbox, String extra) {
      this.name = name;
      this.prefix = prefix;
      this.sandbox = sandbox;
      this.extra = extra;
    }
  }

  private final int port;
  private final long tokenLifetimeMillis;
  private final List<Provider> providers;
  private final CountDownLatch stopped = new CountDownLatch(1);

  /**
   * @throws Options.UsageException for a {@code --port} or {@code --token-lifetime} out of range.
   */
  SandboxCommand(Options options) {
    port = port(options.get("port"));
    tokenLifetimeMillis = tokenLifetimeMillis(options.get("token-lifetime"));
    providers =
        Arrays.asList(
            new Provider("amadeus", "AMADEUS", new AmadeusSandbox(), ""),
            new Provider("learnamp", "LEARNAMP", new LearnAmpSandbox(), ""),
            new Provider(
                "bindeo",
                "BINDEO",
                new BindeoSandbox(),
                // With credentials, the bindeo command signs in the user named by the environment.
                " BINDEO_USERNAME="
                    + BindeoSandbox.USERNAME
                    + " BINDEO_PASSWORD="
                    + BindeoSandbox.PASSWORD));
  }

  /**
   * Starts the sandboxes and prints the {@code export} lines; on failure, as when a port is taken,
   * closes those it started.
   */
  void start(PrintStream out) throws IOException {
    try {
      for (int i = 0; i < providers.size(); i++) {
        Sandbox sandbox = providers.get(i).sandbox;
        if (tokenLifetimeMillis > 0)
          sandbox.tokenLifetime(tokenLifetimeMillis, TimeUnit.MILLISECONDS);
        sandbox.start(port == 0 ? 0 : port + i);
      }
    } catch (IOException | RuntimeException e) {
      close();
      throw e;
    }
    out.println(
        "The sandboxes accept the client "
            + Sandbox.CLIENT_ID
            + " / "
            + Sandbox.CLIENT_SECRET
            + " (public test values). In each shell that runs a command:");
    for (Provider provider : providers) {
      String baseUrl = provider.sandbox.baseUrl().toString();
      out.println(
          "export "
              + provider.prefix
              + "_CLIENT_ID="
              + Sandbox.CLIENT_ID
              + " "
              + provider.prefix
              + "_CLIENT_SECRET="
              + Sandbox.CLIENT_SECRET
              + provider.extra
              + " "
              + provider.prefix
              + "_BASE_URL="
              + baseUrl.substring(0, baseUrl.length() - 1)); // Without the final slash.
    }
    out.println("Serving until Ctrl-C; then it prints the token requests each sandbox answered.");
    out.flush();
  }

  /** Waits until {@link #stop}. */
  void awaitStop() throws InterruptedException {
    stopped.await();
  }

  /** Makes {@link #awaitStop} return; for the shutdown hook. */
  void stop() {
    stopped.countDown();
  }

  /** Returns one line per sandbox: how many token requests and API calls it answered. */
  List<String> counts() {
    List<String> lines = new ArrayList<>();
    for (Provider provider : providers) {
      lines.add(
          String.format(
              Locale.ROOT,
              "summary: %s token_requests=%d api_calls=%d",
              provider.name,
              provider.sandbox.tokenRequests(),
              provider.sandbox.apiCalls()));
    }
    return lines;
  }

  @Override
  public void close() throws IOException {
    for (Provider provider : providers) provider.sandbox.close();
  }

  private static int port(@Nullable String value) {
    if (value == null) return 8080;
    try {
      int port = Integer.parseInt(value);
      if (port < 0 || port > 65535 - 2) {
        throw new Options.UsageException("--port must be between 0 and 65533: " + value);
      }
      return port;
    } catch (NumberFormatException e) {
      throw new Options.UsageException("--port must be a whole number: " + value);
    }
  }

  /** Returns the lifetime in milliseconds, or 0 for each sandbox's own. */
  private static long tokenLifetimeMillis(@Nullable String value) {
    if (value == null) return 0;
    double seconds;
    try {
      seconds = Double.parseDouble(value);
    } catch (NumberFormatException e) {
      throw new Options.UsageException("--token-lifetime must be a number of seconds: " + value);
    }
    if (!(seconds >= 1 && seconds <= TimeUnit.DAYS.toSeconds(365))) {
      throw new Options.UsageException("--token-lifetime must be from 1 to 31536000 seconds");
    }
    return (long) (seconds * TimeUnit.SECONDS.toMillis(1));
  }
}
