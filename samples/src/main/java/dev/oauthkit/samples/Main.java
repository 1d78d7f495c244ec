/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.samples;

/**
 * Entry point of the runnable samples jar ({@code java -jar samples/target/oauthkit-samples.jar}).
 */
public final class Main {
  /** Runs the samples. Coming: for now it only says so. */
  public static void main(String... args) {
    System.out.println("oauthkit samples: coming");
  }

  private Main() {}
}
