/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.samples;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMember;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The provider kit's boundary, checked on the main classes of every module (imported from the
 * classpath, test classes excluded): providers are written with public oauthkit types alone, and no
 * published type lets an {@code internal} package ({@code dev.oauthkit.core.internal}, {@code
 * dev.oauthkit.sandbox.internal}) leak into its API.
 */
@AnalyzeClasses(packages = "dev.oauthkit", importOptions = ImportOption.DoNotIncludeTests.class)
final class ArchitectureTest {
  static final String INTERNAL = "dev.oauthkit..internal..";

  /** The provider modules, and the DADI provider of the samples, written as a third party would. */
  static final String[] PROVIDERS = {
    "dev.oauthkit.retrofit..",
    "dev.oauthkit.amadeus..",
    "dev.oauthkit.learnamp..",
    "dev.oauthkit.bindeo..",
    "dev.oauthkit.samples.dadi.."
  };

  /**
   * The published packages (core, the providers, the sandbox and the Redis store), and the samples'
   * provider held to them.
   */
  static final String[] PUBLISHED = {
    "dev.oauthkit.core..",
    "dev.oauthkit.sandbox..",
    "dev.oauthkit.retrofit..",
    "dev.oauthkit.amadeus..",
    "dev.oauthkit.learnamp..",
    "dev.oauthkit.bindeo..",
    "dev.oauthkit.redis..",
    "dev.oauthkit.samples.dadi.."
  };

  @ArchTest
  static final ArchRule providersDoNotUseCoreInternal =
      noClasses()
          .that()
          .resideInAnyPackage(PROVIDERS)
          .should()
          .dependOnClassesThat()
          .resideInAPackage(INTERNAL)
          .because(
              "a provider is written with the public provider kit alone; core.internal may change"
                  + " in any release (docs/writing-a-provider.md)");

  @ArchTest
  static final ArchRule publicSignaturesDoNotExposeCoreInternal =
      classes()
          .that()
          .resideInAnyPackage(PUBLISHED)
          .and()
          .resideOutsideOfPackage(INTERNAL)
          .and()
          .arePublic()
          .should(notExposeCoreInternal())
          .because("an internal type is used only inside method bodies (house style 6.4, habit 1)");

  /** Guards the rules above against passing vacuously on an empty or wrong import. */
  @ArchTest
  static void importsTheMainClassesOfEveryModuleAndNoTests(JavaClasses classes) {
    assertThat(classes.contain("dev.oauthkit.retrofit.ProviderClient")).isTrue();
    assertThat(classes.contain("dev.oauthkit.core.internal.Json")).isTrue();
    assertThat(classes.contain("dev.oauthkit.amadeus.Amadeus")).isTrue();
    assertThat(classes.contain("dev.oauthkit.learnamp.LearnAmp")).isTrue();
    assertThat(classes.contain("dev.oauthkit.bindeo.Bindeo")).isTrue();
    assertThat(classes.contain("dev.oauthkit.samples.dadi.Dadi")).isTrue();
    assertThat(classes.contain("dev.oauthkit.sandbox.AmadeusSandbox")).isTrue();
    assertThat(classes.contain("dev.oauthkit.sandbox.internal.SandboxClock")).isTrue();
    assertThat(classes.contain("dev.oauthkit.redis.RedisTokenStore")).isTrue();
    assertThat(classes.contain(ArchitectureTest.class)).isFalse();
    assertThat(classes.contain("dev.oauthkit.samples.dadi.DadiApiTest")).isFalse();
    assertThat(classes.contain("dev.oauthkit.amadeus.AmadeusApiTest")).isFalse();
  }

  /**
   * A public class exposes no type of an internal package: not as a supertype (or a type argument
   * of one), nor in a type parameter's bound, nor in the type, parameters, return type or throws
   * clause of a public or protected field, constructor or method, its own or inherited from
   * oauthkit classes.
   */
  static ArchCondition<JavaClass> notExposeCoreInternal() {
    return new ArchCondition<JavaClass>("not expose types of " + INTERNAL) {
      @Override
      public void check(JavaClass type, ConditionEvents events) {
        Set<String> leaks = new LinkedHashSet<>(); // A direct supertype is seen twice.
        type.getSuperclass().ifPresent(s -> leak(leaks, "extends", involved(s)));
        for (JavaClass superclass : type.getAllRawSuperclasses()) {
          leak(leaks, "extends", Collections.singleton(superclass));
        }
        for (JavaType i : type.getInterfaces()) leak(leaks, "implements", involved(i));
        for (JavaClass i : type.getAllRawInterfaces())
          leak(leaks, "implements", Collections.singleton(i));
        for (JavaType parameter : type.getTypeParameters()) {
          leak(leaks, "type parameter " + parameter.getName(), involved(parameter));
        }
        for (JavaMember member : type.getAllMembers()) {
          if (!isExposed(member)) continue;
          String where = member.getDescription() + " " + member.getSourceCodeLocation();
          if (member instanceof JavaField) {
            leak(leaks, where + " type", involved(((JavaField) member).getType()));
          }
          if (member instanceof JavaCodeUnit) {
            JavaCodeUnit unit = (JavaCodeUnit) member;
            for (JavaType parameter : unit.getParameterTypes()) {
              leak(leaks, where + " parameter", involved(parameter));
            }
            leak(leaks, where + " throws", unit.getExceptionTypes());
            for (JavaType parameter : unit.getTypeParameters()) {
              leak(leaks, where + " type parameter", involved(parameter));
            }
          }
          if (member instanceof JavaMethod) {
            leak(leaks, where + " return type", involved(((JavaMethod) member).getReturnType()));
          }
        }
        for (String leak : leaks) {
          events.add(SimpleConditionEvent.violated(type, type.getName() + " exposes " + leak));
        }
        if (leaks.isEmpty()) {
          events.add(SimpleConditionEvent.satisfied(type, type.getName() + " exposes none"));
        }
      }
    };
  }

  /**
   * Public and protected members of oauthkit classes: those of JDK and library supertypes are
   * theirs, and an internal owner is reported as a supertype.
   */
  private static boolean isExposed(JavaMember member) {
    Set<JavaModifier> modifiers = member.getModifiers();
    if (!modifiers.contains(JavaModifier.PUBLIC) && !modifiers.contains(JavaModifier.PROTECTED)) {
      return false;
    }
    String owner = member.getOwner().getPackageName();
    return owner.equals("dev.oauthkit") || owner.startsWith("dev.oauthkit.");
  }

  private static Set<JavaClass> involved(JavaType type) {
    return type.getAllInvolvedRawTypes();
  }

  private static void leak(Set<String> leaks, String where, Collection<JavaClass> types) {
    for (JavaClass type : types) {
      String name = type.getName();
      if (name.startsWith("dev.oauthkit.") && name.contains(".internal."))
        leaks.add(name + " (" + where + ")");
    }
  }
}
