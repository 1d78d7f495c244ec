/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.redis;

import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;

/**
 * A connection the user passed, standalone or Cluster, with its async commands: the ones both kinds
 * share.
 */
final class UserConnection {
  final StatefulConnection<String, String> connection;
  final RedisClusterAsyncCommands<String, String> commands;

  UserConnection(
      StatefulConnection<String, String> connection,
      RedisClusterAsyncCommands<String, String> commands) {
    this.connection = connection;
    this.commands = commands;
  }
}
