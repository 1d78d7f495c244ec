/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.samples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oauthkit.samples.sandbox.GenericSandbox;
import dev.oauthkit.sandbox.Sandbox;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

final class GenericFlowTest {
  @Test
  void runsOnTheSandboxWithoutCredentials() {
    SampleRun run = SampleRun.run(Collections.<String, String>emptyMap(), "generic");

    assertThat(run.exitCode).isZero();
    assertThat(run.outLines().get(0)).startsWith("Running on the embedded seed-003 sandbox");
    assertThat(run.out).contains("Books /1.0/library/books\nAuthors /1.0/library/authors\n");
    assertThat(run.lastLine())
        .matches("summary: calls=1 ok=1 failed=0 token_requests=1 elapsed=\\d+\\.\\ds");
  }

  @Test
  void sharesOneTokenAcrossThreads() throws Exception {
    // The embedded sandbox's tokens live 4 s of real time, stale after 2: a busy machine could
    // make 40 calls outlast one. This sandbox's tokens outlive any run.
    try (GenericSandbox server = new GenericSandbox(1, TimeUnit.HOURS)) {
      server.start();
      SampleRun run =
          SampleRun.run(
              env(server, Sandbox.CLIENT_SECRET), "generic", "--requests", "40", "--threads", "4");

      assertThat(run.exitCode).isZero();
      assertThat(run.lastLine()).startsWith("summary: calls=40 ok=40 failed=0 token_requests=1 ");
      assertThat(server.tokens.issuedCount()).isEqualTo(1);
    }
  }

  @Test
  void runsAgainstAServerNamedInTheEnvironment() throws Exception {
    try (GenericSandbox server = new GenericSandbox(1, TimeUnit.HOURS)) {
      server.start();
      Map<String, String> env = env(server, Sandbox.CLIENT_SECRET);

      SampleRun run = SampleRun.run(env, "generic", "--requests", "3");

      assertThat(run.exitCode).isZero();
      assertThat(run.out).doesNotContain("sandbox").contains("Books");
      assertThat(run.lastLine()).startsWith("summary: calls=3 ok=3 failed=0 token_requests=1 ");
      assertThat(server.tokens.issuedCount()).isEqualTo(1);
    }
  }

  @Test
  void wrongSecretExitsNonZeroNamingTheErrorWithoutTheSecret() throws Exception {
    String wrongSecret = "wrong-secret-canary-4711";
    try (GenericSandbox server = new GenericSandbox()) {
      server.start();
      SampleRun run = SampleRun.run(env(server, wrongSecret), "generic");

      assertThat(run.exitCode).isEqualTo(1);
      assertThat(run.err)
          .startsWith("error: invalid_credentials: Invalid credentials supplied")
          .doesNotContain("\tat ");
      assertThat(run.all()).doesNotContain(wrongSecret).doesNotContain(Sandbox.CLIENT_SECRET);
      assertThat(run.lastLine()).startsWith("summary: calls=1 ok=0 failed=1 token_requests=1 ");
    }
  }

  @Test
  void helpAndMisuse() {
    Map<String, String> env = Collections.emptyMap();
    SampleRun help = SampleRun.run(env, "generic", "--help");
    assertThat(help.exitCode).isZero();
    assertThat(help.out).contains("--requests N").contains("--threads K").contains("--duration S");

    assertThat(SampleRun.run(env, "generic", "--bogus", "1").exitCode).isEqualTo(2);
    assertThat(SampleRun.run(env, "no-such-command").exitCode).isEqualTo(2);
    assertThat(SampleRun.run(env).exitCode).isEqualTo(2);
  }

  private static Map<String, String> env(GenericSandbox server, String secret) {
    Map<String, String> env = new HashMap<>();
    env.put("GENERIC_CLIENT_ID", Sandbox.CLIENT_ID);
    env.put("GENERIC_CLIENT_SECRET", secret);
    env.put("GENERIC_BASE_URL", server.baseUrl().toString());
    return env;
  }
}
