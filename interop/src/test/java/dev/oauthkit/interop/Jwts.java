/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.interop;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.util.List;

/** Reads the claims of a signed JWT and checks signatures against a published key set. */
final class Jwts {
  private Jwts() {}

  static JWTClaimsSet claims(String jwt) {
    try {
      return SignedJWT.parse(jwt).getJWTClaimsSet();
    } catch (ParseException e) {
      throw new AssertionError("not a signed JWT", e);
    }
  }

  /**
   * Returns the {@code scope} claim, a JSON array of strings as Spring Authorization Server writes
   * it.
   */
  static List<String> scopeClaim(String jwt) {
    try {
      return claims(jwt).getStringListClaim("scope");
    } catch (ParseException e) {
      throw new AssertionError("scope claim is not a list of strings", e);
    }
  }

  /** Returns true if {@code jwt} is signed by the RSA key of {@code keys} that its header names. */
  static boolean verifiesWith(String jwt, JWKSet keys) {
    try {
      SignedJWT signed = SignedJWT.parse(jwt);
      JWK key = keys.getKeyByKeyId(signed.getHeader().getKeyID());
      if (key == null) return false;
      return signed.verify(new RSASSAVerifier(key.toRSAKey()));
    } catch (ParseException | JOSEException e) {
      throw new AssertionError("cannot verify the JWT", e);
    }
  }
}
