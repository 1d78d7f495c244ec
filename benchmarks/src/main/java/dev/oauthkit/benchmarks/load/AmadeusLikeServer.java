/*
 * Copyright (C) 2026 oauthkit authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.oauthkit.benchmarks.load;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.jspecify.annotations.Nullable;

/**
 * A local stand-in for the Amadeus Self-Service API: the token endpoint ({@code POST
 * /v1/security/oauth2/token}, client credentials in the form body) and Flight Check-in Links
 * ({@code GET /v2/reference-data/urls/checkin-links}), with the response and error bodies of the
 * Amadeus documentation (see {@code /work/shared/reference/providers.md}, section 1).
 *
 * <p>A hand-written HTTP/1.1 server with keep-alive: one thread per connection from a cached pool,
 * and {@code TCP_NODELAY} on every accepted socket (without it, Nagle's algorithm and delayed ACKs
 * cost about 45 ms per exchange on loopback). Tokens live for a configurable lifetime; {@link
 * #revokeAll()} revokes every token issued so far. The server counts token requests, with their
 * {@link System#nanoTime()}, and API calls.
 */
public final class AmadeusLikeServer implements Closeable {
  public static final String CLIENT_ID = "benchmark-api-key";
  public static final String CLIENT_SECRET = "benchmark-api-secret";
  public static final String TOKEN_PATH = "/v1/security/oauth2/token";
  public static final String CHECKIN_LINKS_PATH = "/v2/reference-data/urls/checkin-links";

  private static final byte[] CHECKIN_LINKS_IB =
      ("{\"meta\":{\"count\":2,\"links\":{\"self\":\"https://test.api.amadeus.com/v2/reference-data"
              + "/urls/checkin-links?airlineCode=IB&language=EN\"}},\"data\":["
              + "{\"type\":\"checkin-link\",\"id\":\"IBEN-GBMobile\",\"href\":"
              + "\"https://www.iberia.com/us/check-in/\",\"channel\":\"Mobile\"},"
              + "{\"type\":\"checkin-link\",\"id\":\"IBEN-GBWeb\",\"href\":"
              + "\"https://www.iberia.com/us/online-checkin/\",\"channel\":\"Web\"}]}")
          .getBytes(StandardCharsets.UTF_8);

  private static final String JSON = "application/json";
  private static final String AMADEUS_JSON = "application/vnd.amadeus+json";

  private final ServerSocket serverSocket;
  private final ExecutorService connections;
  private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();

  /** Access token to its expiry ({@link System#nanoTime()}). */
  private final Map<String, Long> tokens = new ConcurrentHashMap<>();

  private final Set<String> revoked = ConcurrentHashMap.newKeySet();
  private final AtomicLong tokenSequence = new AtomicLong();
  private final TimeLog tokenRequestTimes = new TimeLog();
  private final LongAdder calls = new LongAdder();
  private final LongAdder unauthorized = new LongAdder();
  private volatile long lifetimeNanos;
  private volatile boolean closed;

  private AmadeusLikeServer(long lifetimeNanos) throws IOException {
    this.lifetimeNanos = lifetimeNanos;
    this.serverSocket = new ServerSocket(0, 256, InetAddress.getLoopbackAddress());
    this.connections =
        Executors.newCachedThreadPool(
            runnable -> {
              Thread thread = new Thread(runnable, "amadeus-like-server");
              thread.setDaemon(true);
              return thread;
            });
    Thread acceptor = new Thread(this::acceptLoop, "amadeus-like-server-accept");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /** Starts a server on a free loopback port that issues tokens living {@code lifetimeMillis}. */
  public static AmadeusLikeServer start(long lifetimeMillis) throws IOException {
    return new AmadeusLikeServer(TimeUnit.MILLISECONDS.toNanos(lifetimeMillis));
  }

  public int port() {
    return serverSocket.getLocalPort();
  }

  /** The base URL, ending in {@code /}. */
  public String baseUrl() {
    return "http://127.0.0.1:" + port() + "/";
  }

  /** Sets the lifetime ({@code expires_in}) of tokens issued from now on. */
  public void tokenLifetimeMillis(long lifetimeMillis) {
    this.lifetimeNanos = TimeUnit.MILLISECONDS.toNanos(lifetimeMillis);
  }

  public long tokenLifetimeMillis() {
    return TimeUnit.NANOSECONDS.toMillis(lifetimeNanos);
  }

  /** Revokes every token issued so far: the API answers 401 (code 38193) to them. */
  public void revokeAll() {
    for (String token : tokens.keySet()) {
      revoked.add(token);
      tokens.remove(token);
    }
  }

  /** Forgets all tokens (they become unknown: 401, code 38190) and resets the counters. */
  public void reset() {
    tokens.clear();
    revoked.clear();
    tokenRequestTimes.clear();
    calls.reset();
    unauthorized.reset();
  }

  /** The {@link System#nanoTime()} of every token request since the last {@link #reset()}. */
  public long[] tokenRequestTimes() {
    return tokenRequestTimes.toArray();
  }

  public int tokenRequests() {
    return tokenRequestTimes.size();
  }

  /** API calls answered (any status) since the last {@link #reset()}. */
  public long calls() {
    return calls.sum();
  }

  /** API calls answered 401 since the last {@link #reset()}. */
  public long unauthorized() {
    return unauthorized.sum();
  }

  @Override
  public void close() throws IOException {
    closed = true;
    serverSocket.close();
    for (Socket socket : sockets) {
      try {
        socket.close();
      } catch (IOException ignored) {
        // closing anyway
      }
    }
    connections.shutdownNow();
  }

  private void acceptLoop() {
    while (!closed) {
      Socket socket;
      try {
        socket = serverSocket.accept();
      } catch (IOException e) {
        return; // closed
      }
      sockets.add(socket);
      try {
        connections.execute(() -> serve(socket));
      } catch (RuntimeException e) { // rejected after close
        sockets.remove(socket);
        closeQuietly(socket);
      }
    }
  }

  private void serve(Socket socket) {
    try {
      socket.setTcpNoDelay(true);
      InputStream in = new BufferedInputStream(socket.getInputStream(), 8192);
      OutputStream out = new BufferedOutputStream(socket.getOutputStream(), 8192);
      while (!closed) {
        String requestLine = readLine(in);
        if (requestLine == null) return;
        if (requestLine.isEmpty()) continue;
        int firstSpace = requestLine.indexOf(' ');
        int secondSpace = requestLine.indexOf(' ', firstSpace + 1);
        if (firstSpace < 0 || secondSpace < 0) return;
        String method = requestLine.substring(0, firstSpace);
        String target = requestLine.substring(firstSpace + 1, secondSpace);
        boolean http10 = requestLine.endsWith("HTTP/1.0");

        long contentLength = 0;
        boolean chunked = false;
        boolean close = http10;
        boolean expectContinue = false;
        String authorization = null;
        for (String line = readLine(in); line != null && !line.isEmpty(); line = readLine(in)) {
          int colon = line.indexOf(':');
          if (colon <= 0) continue;
          String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
          String value = line.substring(colon + 1).trim();
          switch (name) {
            case "content-length":
              contentLength = Long.parseLong(value);
              break;
            case "transfer-encoding":
              chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
              break;
            case "connection":
              String lower = value.toLowerCase(Locale.ROOT);
              if (lower.contains("close")) close = true;
              if (lower.contains("keep-alive")) close = false;
              break;
            case "expect":
              expectContinue = value.equalsIgnoreCase("100-continue");
              break;
            case "authorization":
              authorization = value;
              break;
            default:
              break;
          }
        }
        if (expectContinue) {
          out.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
          out.flush();
        }
        byte[] body = chunked ? readChunked(in) : readFully(in, contentLength);

        Response response = handle(method, target, authorization, body);
        StringBuilder head = new StringBuilder(160);
        head.append("HTTP/1.1 ").append(response.status).append(' ').append(response.reason);
        head.append("\r\nContent-Type: ").append(response.contentType);
        head.append("\r\nContent-Length: ").append(response.body.length);
        if (close) head.append("\r\nConnection: close");
        head.append("\r\n\r\n");
        out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        out.write(response.body);
        out.flush();
        if (close) return;
      }
    } catch (SocketException | EOFException e) {
      // the client closed the connection
    } catch (IOException | RuntimeException e) {
      // a malformed request: drop the connection
    } finally {
      sockets.remove(socket);
      closeQuietly(socket);
    }
  }

  private Response handle(
      String method, String target, @Nullable String authorization, byte[] body) {
    int query = target.indexOf('?');
    String path = query < 0 ? target : target.substring(0, query);
    if (path.equals(TOKEN_PATH) && method.equals("POST")) {
      return token(body);
    }
    if (path.equals(CHECKIN_LINKS_PATH) && method.equals("GET")) {
      calls.increment();
      Response refused = checkToken(authorization);
      if (refused != null) {
        unauthorized.increment();
        return refused;
      }
      return new Response(200, "OK", AMADEUS_JSON, CHECKIN_LINKS_IB);
    }
    return error(
        404, "Not Found", 38196, "Resource not found", "The targeted resource doesn't exist");
  }

  private Response token(byte[] body) {
    tokenRequestTimes.add(System.nanoTime());
    Map<String, String> form = parseForm(new String(body, StandardCharsets.UTF_8));
    if (!"client_credentials".equals(form.get("grant_type"))) {
      return tokenError(
          400,
          "Bad Request",
          "unsupported_grant_type",
          "Only client_credentials value is allowed for the body parameter grant_type");
    }
    if (!CLIENT_ID.equals(form.get("client_id"))
        || !CLIENT_SECRET.equals(form.get("client_secret"))) {
      return tokenError(401, "Unauthorized", "invalid_client", "Client credentials are invalid");
    }
    long lifetime = lifetimeNanos;
    String token =
        "bench"
            + tokenSequence.incrementAndGet()
            + Long.toHexString(ThreadLocalRandom.current().nextLong());
    tokens.put(token, System.nanoTime() + lifetime);
    String json =
        "{\"type\":\"amadeusOAuth2Token\",\"username\":\"bench@oauthkit.dev\","
            + "\"application_name\":\"oauthkit-benchmarks\",\"client_id\":\""
            + CLIENT_ID
            + "\",\"token_type\":\"Bearer\",\"access_token\":\""
            + token
            + "\",\"expires_in\":"
            + TimeUnit.NANOSECONDS.toSeconds(lifetime)
            + ",\"state\":\"approved\",\"scope\":\"\"}";
    return new Response(200, "OK", JSON, json.getBytes(StandardCharsets.UTF_8));
  }

  private @Nullable Response checkToken(@Nullable String authorization) {
    if (authorization == null || !authorization.startsWith("Bearer ")) {
      return error(
          401,
          "Unauthorized",
          38191,
          "Invalid HTTP header",
          "Missing or invalid format for mandatory Authorization header");
    }
    String token = authorization.substring("Bearer ".length());
    Long expiresAt = tokens.get(token);
    if (expiresAt == null) {
      if (revoked.contains(token)) {
        return error(401, "Unauthorized", 38193, "Access token revoked", "Access token revoked");
      }
      return error(
          401,
          "Unauthorized",
          38190,
          "Invalid access token",
          "The access token provided in the Authorization header is invalid");
    }
    if (System.nanoTime() - expiresAt >= 0) {
      return error(
          401,
          "Unauthorized",
          38192,
          "Access token expired",
          "The access token provided in the Authorization header is expired");
    }
    return null;
  }

  /** Resource errors: {@code code} and {@code status} as strings, as the Amadeus gateway sends. */
  private static Response error(int status, String reason, int code, String title, String detail) {
    String json =
        "{\"errors\":[{\"code\":\""
            + code
            + "\",\"title\":\""
            + title
            + "\",\"detail\":\""
            + detail
            + "\",\"status\":\""
            + status
            + "\"}]}";
    return new Response(status, reason, AMADEUS_JSON, json.getBytes(StandardCharsets.UTF_8));
  }

  /** Token errors: a flat object. */
  private static Response tokenError(int status, String reason, String error, String description) {
    String json =
        "{\"error\":\""
            + error
            + "\",\"error_description\":\""
            + description
            + "\",\"code\":38187,\"title\":\"Invalid parameters\"}";
    return new Response(status, reason, JSON, json.getBytes(StandardCharsets.UTF_8));
  }

  private static Map<String, String> parseForm(String body) {
    Map<String, String> form = new HashMap<>();
    for (String pair : body.split("&", -1)) {
      if (pair.isEmpty()) continue;
      int equals = pair.indexOf('=');
      String name = equals < 0 ? pair : pair.substring(0, equals);
      String value = equals < 0 ? "" : pair.substring(equals + 1);
      form.put(
          URLDecoder.decode(name, StandardCharsets.UTF_8),
          URLDecoder.decode(value, StandardCharsets.UTF_8));
    }
    return form;
  }

  /** Reads a CRLF- (or LF-) terminated ISO-8859-1 line; null at end of stream. */
  private static @Nullable String readLine(InputStream in) throws IOException {
    StringBuilder line = new StringBuilder(64);
    while (true) {
      int b = in.read();
      if (b == -1) return line.length() == 0 ? null : line.toString();
      if (b == '\n') {
        int length = line.length();
        if (length > 0 && line.charAt(length - 1) == '\r') line.setLength(length - 1);
        return line.toString();
      }
      line.append((char) b);
    }
  }

  private static byte[] readFully(InputStream in, long length) throws IOException {
    if (length <= 0) return new byte[0];
    byte[] bytes = in.readNBytes((int) length);
    if (bytes.length != length) throw new EOFException();
    return bytes;
  }

  private static byte[] readChunked(InputStream in) throws IOException {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    while (true) {
      String sizeLine = readLine(in);
      if (sizeLine == null) throw new EOFException();
      int semicolon = sizeLine.indexOf(';');
      int size =
          Integer.parseInt(
              (semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).trim(), 16);
      if (size == 0) {
        for (String trailer = readLine(in);
            trailer != null && !trailer.isEmpty();
            trailer = readLine(in)) {
          // trailers are ignored
        }
        return body.toByteArray();
      }
      body.write(readFully(in, size));
      readLine(in); // the CRLF after the chunk
    }
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException ignored) {
      // nothing to do
    }
  }

  private static final class Response {
    final int status;
    final String reason;
    final String contentType;
    final byte[] body;

    Response(int status, String reason, String contentType, byte[] body) {
      this.status = status;
      this.reason = reason;
      this.contentType = contentType;
      this.body = body;
    }
  }

  /** An append-only log of {@link System#nanoTime()} values, safe for concurrent writers. */
  private static final class TimeLog {
    private long[] times = new long[1024];
    private int size;

    synchronized void add(long time) {
      if (size == times.length) times = java.util.Arrays.copyOf(times, size * 2);
      times[size++] = time;
    }

    synchronized long[] toArray() {
      return java.util.Arrays.copyOf(times, size);
    }

    synchronized int size() {
      return size;
    }

    synchronized void clear() {
      size = 0;
    }
  }
}
