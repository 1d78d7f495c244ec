/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.redis;

import static dev.oauthkit.redis.Tokens.token;
import static org.assertj.core.api.Assertions.assertThat;

import dev.oauthkit.core.TokenStore.Lease;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.output.IntegerOutput;
import io.lettuce.core.output.StatusOutput;
import io.lettuce.core.protocol.CommandArgs;
import io.lettuce.core.protocol.CommandType;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** docs/fleet.md: the ACL it gives is enough for every operation of the store. */
@Timeout(60)
final class AclTest {
  @RegisterExtension static final RedisServerExtension redis = new RedisServerExtension();

  @AfterEach
  void tearDown() {
    acl("DELUSER", "fleet");
  }

  @Test
  void documentedAclIsEnough() throws Exception {
    acl(
        "SETUSER",
        "fleet",
        "on",
        ">fleet-password",
        "+evalsha",
        "+eval",
        "+set",
        "+get",
        "+del",
        "+hget",
        "+hset",
        "+pexpire",
        "+pttl",
        "~oauthkit:*");
    try (RedisTokenStore store =
        RedisTokenStore.builder("redis://fleet:fleet-password@127.0.0.1:" + redis.port())
            .timeout(5, TimeUnit.SECONDS)
            .build()) {
      for (int round = 0; round < 2; round++) {
        redis.rawConnection().sync().scriptFlush(); // EVAL first, then EVALSHA.
        store.put("k", token("t1", "r1"));
        assertThat(store.get("k").value()).isEqualTo("t1");
        assertThat(store.compareAndSet("k", token("t1", "r1"), token("t2", "r2"))).isTrue();
        Lease lease = store.tryLease("k");
        assertThat(lease).isNotNull();
        lease.release();
        lease = store.lease("k");
        assertThat(lease).isNotNull();
        lease.release();
        assertThat(store.compareAndRemove("k", token("t2", "r2"))).isTrue();
        store.put("k", token("t3", "r3"));
        store.remove("k");
        assertThat(store.get("k")).isNull();
      }
    }
  }

  private static void acl(String... args) {
    CommandArgs<String, String> arguments = new CommandArgs<>(StringCodec.UTF8);
    for (String arg : args) arguments.add(arg);
    if (args[0].equals("DELUSER")) {
      redis
          .rawConnection()
          .sync()
          .dispatch(CommandType.ACL, new IntegerOutput<>(StringCodec.UTF8), arguments);
    } else {
      redis
          .rawConnection()
          .sync()
          .dispatch(CommandType.ACL, new StatusOutput<>(StringCodec.UTF8), arguments);
    }
  }
}
