/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.samples;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import dev.oauthkit.core.internal.Json;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * The conditions of {@link ArchitectureTest} catch each way a signature can expose an internal
 * type, and let a use inside a method body pass where only signatures are checked. (Which packages
 * the rules apply to is checked on the real classes by {@link ArchitectureTest}.)
 */
class ArchitectureRulesTest {
  private static final ArchRule NO_EXPOSURE =
      classes().should(ArchitectureTest.notExposeCoreInternal());
  private static final ArchRule NO_USE =
      noClasses().should().dependOnClassesThat().resideInAPackage(ArchitectureTest.INTERNAL);

  interface Holder<T> {}

  public static final class ReturnType {
    public @Nullable Json json() {
      return null;
    }
  }

  public static final class ParameterTypeArgument {
    public void take(@SuppressWarnings("unused") List<Json> json) {}
  }

  public static class ProtectedField {
    protected @SuppressWarnings("unused") Json json;
  }

  public static final class SupertypeArgument implements Holder<Json> {}

  static class PackagePrivateBase {
    public @Nullable Json inherited() {
      return null;
    }
  }

  public static final class InheritedFromAPackagePrivateClass extends PackagePrivateBase {}

  public static final class BodyOnly {
    private @SuppressWarnings("unused") Json hidden;

    public Object parse(byte[] body) {
      return Json.parse(body);
    }
  }

  @Test
  void everyKindOfExposureIsReported() {
    for (Class<?> leaky :
        new Class<?>[] {
          ReturnType.class,
          ParameterTypeArgument.class,
          ProtectedField.class,
          SupertypeArgument.class,
          InheritedFromAPackagePrivateClass.class
        }) {
      EvaluationResult result = NO_EXPOSURE.evaluate(importClass(leaky));
      assertThat(result.hasViolation()).as(leaky.getSimpleName()).isTrue();
      assertThat(result.getFailureReport().getDetails())
          .as(leaky.getSimpleName())
          .isNotEmpty() // javac adds a public bridge for a method of a package-private class
          .allSatisfy(
              detail ->
                  assertThat(detail)
                      .startsWith(leaky.getName() + " exposes dev.oauthkit.core.internal.Json"));
    }
  }

  @Test
  void aUseInAMethodBodyIsNoExposureButIsAUse() {
    JavaClasses bodyOnly = importClass(BodyOnly.class);

    assertThat(NO_EXPOSURE.evaluate(bodyOnly).hasViolation()).isFalse();
    assertThat(NO_USE.evaluate(bodyOnly).getFailureReport().getDetails())
        .anySatisfy(
            detail ->
                assertThat(detail).contains("calls method <dev.oauthkit.core.internal.Json.parse"));
  }

  private static JavaClasses importClass(Class<?> type) {
    return new ClassFileImporter().importClasses(type);
  }
}
