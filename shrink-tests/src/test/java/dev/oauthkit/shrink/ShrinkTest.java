/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.shrink;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oauthkit.sandbox.AmadeusSandbox;
import dev.oauthkit.sandbox.BindeoSandbox;
import dev.oauthkit.sandbox.LearnAmpSandbox;
import dev.oauthkit.sandbox.Sandbox;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Shrinks and obfuscates {@link ShrinkApp} with ProGuard and only the rules shipped in the jars,
 * then runs it against the sandboxes: every provider must still get a token, fill its models, page
 * and throw its typed error. The same run without oauthkit's own rules must break the models, so a
 * model class without its keep rule fails this build.
 */
final class ShrinkTest {
  /** Every check the app runs; each must print PASS after shrinking. */
  static final List<String> CHECKS =
      Arrays.asList(
          "amadeus.token",
          "amadeus.models",
          "amadeus.create",
          "amadeus.paging",
          "amadeus.error",
          "amadeus.token-error",
          "learnamp.token",
          "learnamp.models",
          "learnamp.paging",
          "learnamp.error",
          "bindeo.token",
          "bindeo.models",
          "bindeo.paging",
          "bindeo.refresh",
          "bindeo.error");

  static final List<String> MODEL_CHECKS =
      Arrays.asList("amadeus.models", "learnamp.models", "bindeo.models");

  private static final AmadeusSandbox amadeus = new AmadeusSandbox();
  private static final LearnAmpSandbox learnAmp = new LearnAmpSandbox();
  private static final BindeoSandbox bindeo = new BindeoSandbox();
  private static Shrinker shrinker;
  private static Shrinker.Result shrunk;
  private static Shrinker.AppRun run;
  private static Shrinker.Result withoutOauthkitRules;
  private static int[] amadeusCounts;
  private static int[] learnAmpCounts;
  private static int[] bindeoCounts;

  @BeforeAll
  static void shrinkAndRun() throws IOException, InterruptedException {
    for (Sandbox sandbox : Arrays.<Sandbox>asList(amadeus, learnAmp, bindeo)) {
      // Tokens outlive the run, so no refresh ahead of expiry adds to the counts on a slow machine.
      sandbox.tokenLifetime(1, TimeUnit.HOURS);
      sandbox.start();
    }
    shrinker = Shrinker.fromSystemProperties();
    // Both ProGuard runs at once: each is mostly one thread, and the machine has two cores or more.
    Shrinker.Running withRules = shrinker.start("with-shipped-rules", rule -> true);
    Shrinker.Running withoutRules =
        shrinker.start("without-oauthkit-rules", rule -> !rule.isOauthkit());
    shrunk = withRules.await();
    withoutOauthkitRules = withoutRules.await();
    run = shrinker.runApp(shrunk, appArguments());
    System.out.println(
        "[shrink] ProGuard ran in "
            + shrunk.millis
            + " ms with "
            + shrunk.rules.size()
            + " shipped rule files; without oauthkit's rules in "
            + withoutOauthkitRules.millis
            + " ms (both runs at once)");
    for (String line : run.lines) System.out.println("[shrink] app: " + line);
    amadeusCounts = counts(amadeus);
    learnAmpCounts = counts(learnAmp);
    bindeoCounts = counts(bindeo);
  }

  /** Token requests, refresh-token grants and API calls that a sandbox has answered so far. */
  private static int[] counts(Sandbox sandbox) {
    return new int[] {
      sandbox.tokenRequests(), sandbox.tokenRequests("refresh_token"), sandbox.apiCalls()
    };
  }

  @AfterAll
  static void stopSandboxes() throws IOException {
    amadeus.close();
    learnAmp.close();
    bindeo.close();
  }

  static List<String> appArguments() {
    return Arrays.asList(
        amadeus.baseUrl().toString(),
        learnAmp.baseUrl().toString(),
        bindeo.baseUrl().toString(),
        Sandbox.CLIENT_ID,
        Sandbox.CLIENT_SECRET,
        BindeoSandbox.USERNAME,
        BindeoSandbox.PASSWORD);
  }

  @Test
  void rulesAreTheOnesShippedInTheJars() {
    List<String> names = new ArrayList<>();
    for (Shrinker.RuleFile rule : shrunk.rules) names.add(rule.name);
    assertThat(names)
        .contains(
            "oauthkit-core.pro",
            "oauthkit-retrofit.pro",
            "oauthkit-amadeus.pro",
            "oauthkit-learnamp.pro",
            "oauthkit-bindeo.pro",
            "okhttp3.pro",
            "retrofit2.pro",
            "moshi.pro");
  }

  @Test
  void shrunkAppPassesEveryCheck() {
    assertThat(shrunk.exitCode).as("ProGuard exit code; log:%n%s", shrunk.log).isZero();
    assertThat(run.checks("FAIL")).as("failed checks").isEmpty();
    assertThat(run.checks("PASS")).containsExactlyInAnyOrderElementsOf(CHECKS);
    assertThat(run.lines).contains("checks: passed=" + CHECKS.size() + " failed=0");
    assertThat(run.exitCode).isZero();

    // The shrunk app really talked to each sandbox: token requests (Amadeus: also the one with a
    // wrong secret), Bindeo's refresh-token grant, and API calls.
    assertThat(amadeusCounts[0]).isEqualTo(2);
    assertThat(amadeusCounts[2]).isGreaterThanOrEqualTo(5);
    assertThat(learnAmpCounts[0]).isEqualTo(1);
    assertThat(learnAmpCounts[2]).isGreaterThanOrEqualTo(8);
    assertThat(bindeoCounts[0]).isEqualTo(2);
    assertThat(bindeoCounts[1]).isEqualTo(1);
    assertThat(bindeoCounts[2]).isGreaterThanOrEqualTo(5);
  }

  @Test
  void oauthkitIsShrunkAndObfuscated() throws IOException {
    assertThat(shrunk.exitCode).isZero();
    Shrinker.Sizes sizes = shrinker.sizes(shrunk);
    System.out.println(
        String.format(
            Locale.ROOT,
            "[shrink] oauthkit classes: %d classes, %,d bytes in; %d classes (%d renamed),"
                + " %,d bytes out (%.0f%%). Shrunk app jar: %,d bytes, %d classes of %,d bytes"
                + " (app, oauthkit, OkHttp, Okio, Retrofit, Moshi, Kotlin stdlib) and resources.",
            sizes.inputClasses,
            sizes.inputBytes,
            sizes.outputClasses,
            sizes.renamedClasses,
            sizes.outputBytes,
            100.0 * sizes.outputBytes / sizes.inputBytes,
            sizes.jarBytes,
            sizes.jarClasses,
            sizes.jarClassBytes));
    assertThat(sizes.outputClasses).isPositive();
    assertThat(sizes.outputBytes).isLessThan(sizes.inputBytes);
    assertThat(sizes.renamedClasses).isPositive();

    // The engine is obfuscated: its implementation classes no longer carry their names.
    Map<String, String> originals = Shrinker.originalNames(shrunk.mapping);
    assertThat(originals).containsValue("dev.oauthkit.core.TokenManager");
    assertThat(originals).doesNotContainKey("dev.oauthkit.core.TokenManager");
    // The models keep theirs: Moshi binds them by reflection.
    assertThat(originals)
        .containsEntry(
            "dev.oauthkit.amadeus.model.CheckinLink", "dev.oauthkit.amadeus.model.CheckinLink");
    assertThat(Files.size(shrunk.jar)).isEqualTo(sizes.jarBytes);
  }

  /** The negative control: the same run without oauthkit's own rule files. */
  @Test
  void withoutOauthkitRulesTheModelsBreak() throws IOException, InterruptedException {
    Shrinker.Result withoutRules = withoutOauthkitRules;
    assertThat(withoutRules.rules).noneMatch(Shrinker.RuleFile::isOauthkit);
    assertThat(withoutRules.rules).hasSize(shrunk.rules.size() - 5);
    assertThat(withoutRules.exitCode).as("ProGuard log:%n%s", withoutRules.log).isZero();

    Shrinker.AppRun broken = shrinker.runApp(withoutRules, appArguments());
    for (String line : broken.lines) System.out.println("[shrink] without rules: " + line);
    assertThat(broken.checks("FAIL")).containsAll(MODEL_CHECKS);
    assertThat(broken.exitCode).isEqualTo(1);
  }
}
