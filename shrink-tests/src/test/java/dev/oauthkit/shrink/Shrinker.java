/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.shrink;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Shrinks and obfuscates the app with ProGuard, configured as R8 configures an Android build: the
 * app's classes and its runtime classpath are the input, every {@code META-INF/proguard/*.pro} file
 * found in that input is a rule file, and the app adds only the keep rule of its main class.
 * ProGuard runs in its own JVM on its own classpath (see the module's pom.xml), with generous
 * timeouts.
 */
final class Shrinker {
  /** The app's own configuration: nothing but its entry point. */
  static final String APP_RULES =
      "-keep public class dev.oauthkit.shrink.ShrinkApp {\n"
          + "    public static void main(java.lang.String[]);\n"
          + "}\n";

  /**
   * What an Android build gets from {@code android.jar} and a JVM build lacks: Retrofit and OkHttp
   * reference {@code android.*} classes on code paths that run only on Android. Not a keep rule.
   */
  static final String JVM_PLATFORM_RULES = "-dontwarn android.**\n";

  /**
   * A ProGuard bug that R8 does not have, worked around as its tracker says: since ProGuard 7.4
   * (still in 7.10.0) the {@code method/specialization/returntype} optimization turns Okio's
   * {@code @JvmMultifileClass} facade {@code Okio.buffer(Source)} into a method the JVM refuses
   * ({@code VerifyError: Bad return type}), Guardsquare/proguard#533. It breaks every app that uses
   * OkHttp, with or without oauthkit. An optimization switch, not a keep rule.
   */
  static final String PROGUARD_WORKAROUND = "-optimizations !method/specialization/returntype\n";

  static final String APP_PACKAGE = "dev.oauthkit.shrink.";

  private final Path appClasses;
  private final List<Path> appClasspath;
  private final Path proguardDirectory;
  private final Path work;

  Shrinker(Path appClasses, List<Path> appClasspath, Path proguardDirectory, Path work) {
    this.appClasses = appClasses;
    this.appClasspath = appClasspath;
    this.proguardDirectory = proguardDirectory;
    this.work = work;
  }

  /** Returns a shrinker configured by the system properties that the module's pom.xml sets. */
  static Shrinker fromSystemProperties() throws IOException {
    Path classpathFile = Paths.get(property("shrink.appClasspath"));
    String classpath = new String(Files.readAllBytes(classpathFile), UTF_8).trim();
    List<Path> entries = new ArrayList<>();
    for (String entry : classpath.split(File.pathSeparator, -1)) {
      if (!entry.isEmpty()) entries.add(Paths.get(entry));
    }
    return new Shrinker(
        Paths.get(property("shrink.appClasses")),
        entries,
        Paths.get(property("shrink.proguard")),
        Paths.get(property("shrink.work")));
  }

  private static String property(String name) {
    String value = System.getProperty(name);
    if (value == null) throw new IllegalStateException("system property " + name + " not set");
    return value;
  }

  /** A consumer rule file found in the input. */
  static final class RuleFile {
    final String origin;
    final String name;
    final String text;

    RuleFile(String origin, String name, String text) {
      this.origin = origin;
      this.name = name;
      this.text = text;
    }

    /** Returns true for the rules oauthkit ships, such as {@code oauthkit-amadeus.pro}. */
    boolean isOauthkit() {
      return name.startsWith("oauthkit-");
    }

    @Override
    public String toString() {
      return origin + "!/META-INF/proguard/" + name;
    }
  }

  /** Returns every {@code META-INF/proguard/*.pro} file of the input, as R8 collects them. */
  List<RuleFile> consumerRules() throws IOException {
    List<RuleFile> result = new ArrayList<>();
    for (Path entry : appClasspath) {
      String origin = entry.getFileName().toString();
      if (Files.isDirectory(entry)) {
        // A reactor module's target/classes (a build that stopped before `package`).
        origin = entry.getParent().getParent().getFileName() + "/target/classes";
        Path directory = entry.resolve("META-INF/proguard");
        if (!Files.isDirectory(directory)) continue;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "*.pro")) {
          for (Path file : files) {
            String text = new String(Files.readAllBytes(file), UTF_8);
            result.add(new RuleFile(origin, file.getFileName().toString(), text));
          }
        }
      } else {
        try (ZipFile zip = new ZipFile(entry.toFile())) {
          Enumeration<? extends ZipEntry> entries = zip.entries();
          while (entries.hasMoreElements()) {
            ZipEntry zipEntry = entries.nextElement();
            String name = zipEntry.getName();
            if (!name.startsWith("META-INF/proguard/") || !name.endsWith(".pro")) continue;
            String fileName = name.substring("META-INF/proguard/".length());
            if (fileName.contains("/")) continue;
            try (InputStream in = zip.getInputStream(zipEntry)) {
              result.add(new RuleFile(origin, fileName, new String(readAll(in), UTF_8)));
            }
          }
        }
      }
    }
    return result;
  }

  /** The outcome of one ProGuard run. */
  static final class Result {
    final Path directory;
    final Path jar;
    final Path mapping;
    final List<RuleFile> rules;
    final int exitCode;
    final String log;
    final long millis;

    Result(Path directory, Path jar, List<RuleFile> rules, int exitCode, String log, long millis) {
      this.directory = directory;
      this.jar = jar;
      this.mapping = directory.resolve("mapping.txt");
      this.rules = rules;
      this.exitCode = exitCode;
      this.log = log;
      this.millis = millis;
    }
  }

  /** A ProGuard run in progress. */
  final class Running {
    private final Path directory;
    private final Path jar;
    private final List<RuleFile> rules;
    private final Path logFile;
    private final Process process;
    private final long startNanos;

    Running(Path directory, Path jar, List<RuleFile> rules, Path logFile, Process process) {
      this.directory = directory;
      this.jar = jar;
      this.rules = rules;
      this.logFile = logFile;
      this.process = process;
      this.startNanos = System.nanoTime();
    }

    /** Waits for ProGuard to finish, at most 5 minutes, and returns its result. */
    Result await() throws IOException, InterruptedException {
      int exitCode = waitFor(process, 300, "ProGuard " + directory);
      long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
      String log = new String(Files.readAllBytes(logFile), UTF_8);
      return new Result(directory, jar, rules, exitCode, log, millis);
    }
  }

  /**
   * Starts ProGuard on the app with the consumer rules that {@code useRules} accepts, writing into
   * {@code target/shrink/<name>/}. Runs started together share the machine's cores.
   */
  Running start(String name, Predicate<RuleFile> useRules) throws IOException {
    Path directory = work.resolve(name);
    Files.createDirectories(directory);
    Path jar = directory.resolve("app-shrunk.jar");
    Files.deleteIfExists(jar);
    List<RuleFile> rules = consumerRules().stream().filter(useRules).collect(Collectors.toList());

    StringBuilder config = new StringBuilder();
    config.append("# Generated by ShrinkTest (").append(name).append(").\n");
    config.append("-injars ").append(JdkLibrary.quote(appClasses)).append("(!META-INF/**)\n");
    for (Path entry : appClasspath) {
      // Multi-release classes and module descriptors are left out, as Android builds do.
      config
          .append("-injars ")
          .append(JdkLibrary.quote(entry))
          .append("(!META-INF/**,!module-info.class)\n");
    }
    config.append("-outjars ").append(JdkLibrary.quote(jar)).append('\n');
    for (String library : JdkLibrary.libraryJars(JdkLibrary.javaHome(), work)) {
      config.append("-libraryjars ").append(library).append('\n');
    }
    config.append("-printmapping ").append(JdkLibrary.quote(directory.resolve("mapping.txt")));
    config.append("\n\n# The target platform: a JVM, not Android.\n").append(JVM_PLATFORM_RULES);
    config.append("\n# ProGuard's own bug (not R8's).\n").append(PROGUARD_WORKAROUND);
    config.append("\n# The app's own rules.\n").append(APP_RULES);
    for (RuleFile rule : rules) {
      config.append("\n# ").append(rule).append('\n').append(rule.text).append('\n');
    }
    Path configFile = directory.resolve("proguard.pro");
    Files.write(configFile, config.toString().getBytes(UTF_8));

    Path logFile = directory.resolve("proguard.log");
    List<String> command = new ArrayList<>();
    command.add(javaExecutable());
    command.add("-Xmx768m");
    command.add("-cp");
    command.add(proguardDirectory.toAbsolutePath() + File.separator + "*");
    command.add("proguard.ProGuard");
    command.add("@" + configFile.toAbsolutePath());
    return new Running(directory, jar, rules, logFile, start(command, logFile));
  }

  /** The output of the shrunk app. */
  static final class AppRun {
    final int exitCode;
    final List<String> lines;

    AppRun(int exitCode, List<String> lines) {
      this.exitCode = exitCode;
      this.lines = lines;
    }

    /** Returns the names of the checks that printed {@code status} ("PASS" or "FAIL"). */
    List<String> checks(String status) {
      List<String> result = new ArrayList<>();
      for (String line : lines) {
        if (!line.startsWith(status + " ")) continue;
        int colon = line.indexOf(':');
        result.add(line.substring(status.length() + 1, colon > 0 ? colon : line.length()));
      }
      return result;
    }
  }

  /** Runs the shrunk app in a new JVM (the same java) with {@code args}. */
  AppRun runApp(Result result, List<String> args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(javaExecutable());
    command.add("-cp");
    command.add(result.jar.toAbsolutePath().toString());
    command.add("dev.oauthkit.shrink.ShrinkApp");
    Path report = result.directory.resolve("app-report.txt");
    Files.deleteIfExists(report);
    command.add(report.toAbsolutePath().toString());
    command.addAll(args);
    Path output = result.directory.resolve("app.log"); // a crash's stack trace, if any
    int exitCode = waitFor(start(command, output), 120, "the shrunk app");
    List<String> lines = new ArrayList<>();
    if (Files.exists(report)) lines.addAll(Files.readAllLines(report, UTF_8));
    lines.addAll(Files.readAllLines(output, UTF_8));
    return new AppRun(exitCode, lines);
  }

  private static Process start(List<String> command, Path output) throws IOException {
    return new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(output.toFile())
        .redirectInput(ProcessBuilder.Redirect.from(nullFile()))
        .start();
  }

  /** Waits for {@code process}; generous, since the machine may be shared by other builds. */
  private static int waitFor(Process process, int timeoutSeconds, String what)
      throws InterruptedException {
    if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      process.waitFor(60, TimeUnit.SECONDS);
      throw new IllegalStateException("timed out after " + timeoutSeconds + " s: " + what);
    }
    return process.exitValue();
  }

  private static File nullFile() {
    return new File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
  }

  private static String javaExecutable() {
    return JdkLibrary.javaHome().resolve("bin").resolve("java").toString();
  }

  /** Class sizes, in bytes, of oauthkit's own classes (not the app's) before and after. */
  static final class Sizes {
    int inputClasses;
    long inputBytes;
    int outputClasses;
    long outputBytes;
    long jarBytes;
    int jarClasses;
    long jarClassBytes;
    int renamedClasses;
    int keptNames;
  }

  /**
   * Measures oauthkit's classes: in the input, every {@code dev/oauthkit/**} class outside the app;
   * in the output, every class whose original name, per the mapping, is one of them.
   */
  Sizes sizes(Result result) throws IOException {
    Sizes sizes = new Sizes();
    for (Path entry : appClasspath) {
      if (Files.isDirectory(entry)) {
        try (Stream<Path> files = Files.walk(entry)) {
          for (Path file : (Iterable<Path>) files::iterator) {
            String name = entry.relativize(file).toString().replace(File.separatorChar, '/');
            if (isOauthkitClass(name)) {
              sizes.inputClasses++;
              sizes.inputBytes += Files.size(file);
            }
          }
        }
      } else {
        try (ZipFile zip = new ZipFile(entry.toFile())) {
          for (ZipEntry zipEntry : Collections.list(zip.entries())) {
            if (isOauthkitClass(zipEntry.getName())) {
              sizes.inputClasses++;
              sizes.inputBytes += zipEntry.getSize();
            }
          }
        }
      }
    }
    Map<String, String> originals = originalNames(result.mapping);
    try (ZipFile zip = new ZipFile(result.jar.toFile())) {
      for (ZipEntry zipEntry : Collections.list(zip.entries())) {
        String name = zipEntry.getName();
        if (!name.endsWith(".class")) continue;
        sizes.jarClasses++;
        sizes.jarClassBytes += zipEntry.getSize();
        String className = name.substring(0, name.length() - ".class".length()).replace('/', '.');
        String original = originals.getOrDefault(className, className);
        if (original.startsWith("dev.oauthkit.") && !original.startsWith(APP_PACKAGE)) {
          sizes.outputClasses++;
          sizes.outputBytes += zipEntry.getSize();
          if (original.equals(className)) {
            sizes.keptNames++;
          } else {
            sizes.renamedClasses++;
          }
        }
      }
    }
    sizes.jarBytes = Files.size(result.jar);
    return sizes;
  }

  private static boolean isOauthkitClass(String entryName) {
    return entryName.startsWith("dev/oauthkit/")
        && entryName.endsWith(".class")
        && !entryName.startsWith(APP_PACKAGE.replace('.', '/'));
  }

  /** Returns obfuscated class name to original class name, from a ProGuard mapping file. */
  static Map<String, String> originalNames(Path mapping) throws IOException {
    Map<String, String> result = new HashMap<>();
    for (String line : Files.readAllLines(mapping, UTF_8)) {
      // Class lines are "original.Name -> obfuscated.Name:"; member lines are indented.
      if (line.isEmpty() || Character.isWhitespace(line.charAt(0)) || line.startsWith("#")) {
        continue;
      }
      int arrow = line.indexOf(" -> ");
      if (arrow < 0 || !line.endsWith(":")) continue;
      result.put(line.substring(arrow + 4, line.length() - 1), line.substring(0, arrow));
    }
    return result;
  }

  private static byte[] readAll(InputStream in) throws IOException {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    for (int n; (n = in.read(buffer)) != -1; ) out.write(buffer, 0, n);
    return out.toByteArray();
  }
}
