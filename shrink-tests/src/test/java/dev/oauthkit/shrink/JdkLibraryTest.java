/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.shrink;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class JdkLibraryTest {
  @TempDir Path temp;

  @Test
  void usesTheJmodsWhereTheJdkHasThem() throws IOException {
    Path home = temp.resolve("home");
    java.nio.file.Files.createDirectories(home.resolve("jmods"));
    java.nio.file.Files.createFile(home.resolve("jmods/java.base.jmod"));
    List<String> jars = JdkLibrary.libraryJars(home, temp.resolve("work"));
    assertThat(jars).hasSize(JdkLibrary.MODULES.size());
    assertThat(jars.get(0)).endsWith("java.base.jmod'(!**.jar;!module-info.class)");
  }

  /** A JDK without jmods: the modules come from its jrt file system instead. */
  @Test
  void exportsModulesFromJrtWithoutJmods() throws IOException {
    Path jar = JdkLibrary.exportFromJrt("java.logging", temp);
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      assertThat(zip.getEntry("java/util/logging/Logger.class")).isNotNull();
      assertThat(zip.getEntry("module-info.class")).isNotNull();
    }
  }

  @Test
  void usesTheExportedModulesWithoutJmods() throws IOException {
    Path work = temp.resolve("work");
    java.nio.file.Files.createDirectories(work.resolve("jdk"));
    for (String module : JdkLibrary.MODULES) {
      java.nio.file.Files.createFile(work.resolve("jdk/" + module + ".jar")); // already exported
    }
    List<String> jars = JdkLibrary.libraryJars(temp.resolve("jdk-without-jmods"), work);
    assertThat(jars).hasSize(JdkLibrary.MODULES.size());
    assertThat(jars.get(1)).endsWith("java.logging.jar'(!module-info.class)");
  }
}
