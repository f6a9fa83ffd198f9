package org.guizhoubot;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * An HTTP server for tests on a free loopback port, every path handled by one handler; started by
 * {@link #start}, stopped by {@link #close}. The static helpers write common responses.
 */
public final class LoopbackServer implements AutoCloseable {
  private final HttpServer server;

  private LoopbackServer(HttpServer server) {
    this.server = server;
  }

  /** A server answering every request with {@code handler}, already started. */
  public static LoopbackServer start(HttpHandler handler) {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      server.createContext("/", handler);
      server.start();
      return new LoopbackServer(server);
    } catch (IOException e) {
      throw new UncheckedIOException("starting a loopback HTTP server", e);
    }
  }

  public int port() {
    return server.getAddress().getPort();
  }

  /** {@code http://127.0.0.1:PORT}, without a trailing slash. */
  public String base() {
    return "http://127.0.0.1:" + port();
  }

  /** Stops the server, waiting up to {@code seconds} for exchanges in progress. */
  public void stop(int seconds) {
    server.stop(seconds);
  }

  @Override
  public void close() {
    server.stop(0);
  }

  /** Sends a whole response of {@code type} with its length. */
  public static void send(HttpExchange ex, int status, String type, byte[] body) throws IOException {
    ex.getResponseHeaders().add("Content-Type", type);
    ex.sendResponseHeaders(status, body.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(body);
    }
  }

  /** Sends a whole UTF-8 text response of {@code type}. */
  public static void send(HttpExchange ex, int status, String type, String body) throws IOException {
    send(ex, status, type, body.getBytes(StandardCharsets.UTF_8));
  }

  /** Sends a 302 to {@code location}. */
  public static void redirect(HttpExchange ex, String location) throws IOException {
    ex.getResponseHeaders().add("Location", location);
    ex.sendResponseHeaders(302, -1);
    ex.close();
  }
}
