/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.benchmarks.load;

/**
 * One client under test: {@link #call()} makes one Flight Check-in Links call ({@code
 * airlineCode=IB}) and reads its answer, or throws.
 */
public interface LoadClient extends AutoCloseable {
  /** Makes one call; throws on any failure (an error status included). */
  void call() throws Exception;

  @Override
  void close();

  /** Creates a fresh client (no token yet, no connection) for one scenario run. */
  interface Factory {
    /** The client's name in the report and the charts. */
    String name();

    /**
     * Whether the client takes part in the token scenarios (cold start, revocation). The limit,
     * with its fixed token, does not.
     */
    default boolean managesTokens() {
      return true;
    }

    LoadClient create(AmadeusLikeServer server) throws Exception;
  }
}
