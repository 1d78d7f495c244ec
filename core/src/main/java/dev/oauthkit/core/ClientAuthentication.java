/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.core;

/**
 * How a client proves its identity to the token endpoint (<a
 * href="https://datatracker.ietf.org/doc/html/rfc6749#section-2.3.1">RFC 6749 §2.3.1</a>).
 */
public enum ClientAuthentication {
  /**
   * HTTP Basic ({@code client_secret_basic}): the client id and secret are form-urlencoded, joined
   * with a colon and Base64-encoded into an {@code Authorization: Basic} header, as RFC 6749 §2.3.1
   * requires. Nothing secret goes in the body.
   */
  BASIC,

  /**
   * HTTP Basic with the client id and secret UTF-8 encoded as they are, without form-urlencoding
   * them first. For servers that do not decode the credentials as RFC 6749 §2.3.1 says.
   */
  BASIC_UNENCODED,

  /**
   * Client id and secret as request parameters ({@code client_secret_post}): {@code client_id} and
   * {@code client_secret} go in the body, nothing in a header.
   */
  REQUEST_BODY
}
