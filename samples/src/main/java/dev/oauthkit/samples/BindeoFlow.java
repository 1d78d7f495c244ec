/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.samples;

import dev.oauthkit.bindeo.Bindeo;
import dev.oauthkit.bindeo.model.Identity;
import dev.oauthkit.bindeo.model.Resource;
import dev.oauthkit.bindeo.model.ResourceList;
import dev.oauthkit.core.AccessToken;
import dev.oauthkit.core.Clock;
import dev.oauthkit.core.TokenListener;
import dev.oauthkit.core.TokenRequestException;
import dev.oauthkit.redis.RedisTokenStore;
import dev.oauthkit.sandbox.BindeoSandbox;
import java.io.Closeable;
import java.io.IOException;
import java.io.PrintStream;
import java.util.Map;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * Bindeo: signs a user in with the password grant (a JSON token request), calls {@code GET
 * /account/identities}, then renews the token with the refresh-token grant at once, without waiting
 * for it to expire, and calls again. Bindeo rotates refresh tokens: the client stores the new one
 * each time, because the old one is revoked.
 *
 * <p>In an app nothing here renews by hand: the client renews with the refresh token shortly before
 * expiry and when the API answers 401. This sample forces one renewal so that every run shows the
 * refresh flow.
 */
final class BindeoFlow extends Flow {
  BindeoFlow() {
    super(
        "bindeo-refresh",
        "password grant, an account call, then the refresh-token grant and the call again (Bindeo)");
  }

  @Override
  String[] environmentHelp() {
    return new String[] {
      "BINDEO_CLIENT_ID       your client id",
      "BINDEO_CLIENT_SECRET   your client secret",
      "BINDEO_USERNAME        the user who signs in (required with the client id and secret)",
      "BINDEO_PASSWORD        that user's password (required with the client id and secret)",
      "BINDEO_BASE_URL        the API host (default https://api.bindeo.com)"
    };
  }

  @Override
  Setup setUp(
      Options options, Map<String, String> environment, PrintStream out, TokenListener listener)
      throws IOException {
    // Credentials from the environment; without them, the same code runs on the sandbox.
    SharedStore shared = SharedStore.fromEnvironment(environment); // REDIS_URL, checked first.
    Env env = new Env(environment, "BINDEO");
    env.requireCredentialsWith("USERNAME", "PASSWORD"); // The sandbox has a user of its own.
    Env.Target target = env.target(out, "Bindeo", new BindeoSandbox());
    HttpUrl baseUrl = target.baseUrl; // null: https://api.bindeo.com/
    String clientId = target.clientId;
    String secret = target.clientSecret;
    Closeable sandbox = target.sandbox;
    // The user signing in: from the environment, or the sandbox's own user.
    String username = sandbox == null ? env.require("USERNAME") : BindeoSandbox.USERNAME;
    String password = sandbox == null ? env.require("PASSWORD") : BindeoSandbox.PASSWORD;

    // password(…) makes this client sign in with the password grant and keep the password, so it
    // can sign in again by itself if Bindeo ever refuses the refresh token: right for a backend
    // acting as one service account. An app would use bindeo.signIn(user, password) instead,
    // which sends the password once and then lives on refresh tokens alone.
    OkHttpClient base = new OkHttpClient();
    Bindeo.Builder builder =
        Bindeo.builder()
            .clientId(clientId)
            .clientSecret(secret)
            .password(username, password)
            .client(base)
            .tokenListener(new GrantPrinter(listener, out));
    if (baseUrl != null) {
      try {
        builder.baseUrl(baseUrl); // Plain http is refused unless the host is loopback.
      } catch (IllegalArgumentException e) {
        if (sandbox != null) sandbox.close();
        throw new Options.UsageException("BINDEO_BASE_URL: " + e.getMessage());
      }
    }
    // With REDIS_URL, the token lives in Redis: every process that calls this token endpoint with
    // these credentials uses it, and one of them renews it for all.
    RedisTokenStore store = shared.open(out);
    if (store != null) builder.tokenStore(store);
    final Bindeo bindeo = builder.build();

    LoadRunner.Call call =
        first -> {
          // The first request signs in (password grant); later ones reuse the token.
          ResourceList<Identity> identities = bindeo.execute(bindeo.api().identities());
          if (!first) return;
          print(identities, out);

          // Renew now, as the client would shortly before expiry or after a 401. refresh() drops
          // the current token; since it carries a refresh token, the new one comes from the
          // refresh_token grant, and the rotated refresh token replaces the old one.
          out.println("renewing the token with its refresh token, before it expires");
          AccessToken current = bindeo.tokens().token();
          bindeo.tokens().refresh(current.value());

          // The same call, now with the renewed token.
          print(bindeo.execute(bindeo.api().identities()), out);
        };
    return new Setup(call, sandbox, store, () -> Samples.shutDown(base));
  }

  private static void print(ResourceList<Identity> identities, PrintStream out) {
    for (Resource<Identity> resource : identities.data) {
      Identity identity = resource.attributes;
      if (identity == null) continue;
      out.println("identity " + identity.type + " " + identity.value + " (" + identity.name + ")");
    }
  }

  /**
   * Prints which grant produced each token and how long it lasts (never the token itself), and
   * passes every event on to the program's listener, which counts token requests.
   */
  static final class GrantPrinter extends TokenListener {
    private final TokenListener next;
    private final PrintStream out;

    GrantPrinter(TokenListener next, PrintStream out) {
      this.next = next;
      this.out = out;
    }

    @Override
    public void tokenRequestStart(String grantType) {
      next.tokenRequestStart(grantType);
    }

    @Override
    public void tokenRequestEnd(String grantType, long expiresAtMillis, long durationMillis) {
      next.tokenRequestEnd(grantType, expiresAtMillis, durationMillis);
      String expiresIn =
          expiresAtMillis == AccessToken.NO_EXPIRY
              ? "none"
              : Math.round((expiresAtMillis - Clock.SYSTEM.currentTimeMillis()) / 1000.0) + "s";
      out.println("token: grant=" + grantType + " expires_in=" + expiresIn);
    }

    @Override
    public void tokenRequestFailed(String grantType, IOException e, long durationMillis) {
      next.tokenRequestFailed(grantType, e, durationMillis);
    }

    @Override
    public void tokenRequestRetry(String grantType, int attempt, long delayMillis) {
      next.tokenRequestRetry(grantType, attempt, delayMillis);
    }

    @Override
    public void tokenInvalidated() {
      next.tokenInvalidated();
    }

    @Override
    public void refreshTokenRejected(TokenRequestException e) {
      next.refreshTokenRejected(e);
      out.println("refresh token refused (" + e.error() + "); signing in with the password again");
    }

    @Override
    public void storeFailed(IOException e) {
      next.storeFailed(e);
    }
  }
}
