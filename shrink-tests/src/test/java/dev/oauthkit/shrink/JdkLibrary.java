/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.shrink;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The JDK classes ProGuard links the app against ({@code -libraryjars}): the {@code jmods} of the
 * running JDK where it has them, else the same modules exported from its {@code jrt:/} file system
 * to jars (JDKs built without jmods, JEP 493).
 */
final class JdkLibrary {
  /** What OkHttp, Okio, Retrofit, Moshi and the Kotlin stdlib link against on a JVM. */
  static final List<String> MODULES =
      Collections.unmodifiableList(Arrays.asList("java.base", "java.logging", "jdk.unsupported"));

  private JdkLibrary() {}

  /** Returns one {@code -libraryjars} argument (path and filter) per module. */
  static List<String> libraryJars(Path javaHome, Path work) throws IOException {
    Path jmods = javaHome.resolve("jmods");
    List<String> result = new ArrayList<>();
    if (Files.isRegularFile(jmods.resolve("java.base.jmod"))) {
      for (String module : MODULES) {
        result.add(quote(jmods.resolve(module + ".jmod")) + "(!**.jar;!module-info.class)");
      }
      return result;
    }
    for (String module : MODULES) {
      result.add(quote(exportFromJrt(module, work.resolve("jdk"))) + "(!module-info.class)");
    }
    return result;
  }

  /** Writes the classes of {@code module} from the running JDK's jrt file system to a jar. */
  static Path exportFromJrt(String module, Path directory) throws IOException {
    Files.createDirectories(directory);
    Path jar = directory.resolve(module + ".jar");
    if (Files.isRegularFile(jar)) return jar;
    Path partial = directory.resolve(module + ".jar.partial");
    FileSystem jrt = FileSystems.getFileSystem(URI.create("jrt:/"));
    Path root = jrt.getPath("/modules", module);
    List<Path> classes;
    try (Stream<Path> files = Files.walk(root)) {
      classes =
          files.filter(p -> p.toString().endsWith(".class")).sorted().collect(Collectors.toList());
    }
    try (OutputStream file = Files.newOutputStream(partial);
        ZipOutputStream zip = new ZipOutputStream(file)) {
      zip.setLevel(java.util.zip.Deflater.BEST_SPEED);
      for (Path path : classes) {
        zip.putNextEntry(new ZipEntry(root.relativize(path).toString()));
        Files.copy(path, zip);
        zip.closeEntry();
      }
    }
    return Files.move(partial, jar);
  }

  static String quote(Path path) {
    return "'" + path.toAbsolutePath() + "'";
  }

  static Path javaHome() {
    return Paths.get(System.getProperty("java.home"));
  }
}
