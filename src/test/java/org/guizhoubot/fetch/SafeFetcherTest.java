package org.guizhoubot.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import org.guizhoubot.LoopbackServer;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.Dns;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SafeFetcherTest {
  private static final long CAP = 64 * 1024;
  private LoopbackServer server;
  private final AtomicInteger requests = new AtomicInteger();
  private final AtomicLong bigBodyWritten = new AtomicLong();
  private String base;

  @BeforeEach
  void startServer() throws IOException {
    server = LoopbackServer.start(ex -> {
      requests.incrementAndGet();
      String path = ex.getRequestURI().getPath();
      switch (path) {
        case "/page.html" -> send(ex, 200, "text/html; charset=utf-8", "<h1>Hello</h1><p>Guizhou data.</p>");
        case "/hop1" -> redirect(ex, "/hop2");
        case "/hop2" -> redirect(ex, base + "/page.html");
        case "/loop" -> redirect(ex, "/loop");
        case "/to-metadata" -> redirect(ex, "http://169.254.169.254/latest/meta-data/");
        case "/to-unspecified" -> redirect(ex, "http://0.0.0.0:" + server.port() + "/page.html");
        case "/to-ftp" -> redirect(ex, "ftp://example.org/file");
        case "/image.png" -> send(ex, 200, "image/png", "PNG");
        case "/declared-big" -> {
          ex.getResponseHeaders().add("Content-Type", "text/html");
          ex.sendResponseHeaders(200, 10 * CAP);
          ex.close();
        }
        case "/endless" -> {
          ex.getResponseHeaders().add("Content-Type", "text/plain");
          ex.sendResponseHeaders(200, 0);
          byte[] chunk = new byte[8192];
          try (OutputStream out = ex.getResponseBody()) {
            for (int i = 0; i < 64 * 128; i++) { // 64 MB at most
              out.write(chunk);
              bigBodyWritten.addAndGet(chunk.length);
            }
          } catch (IOException e) {
            // the client hung up, as it should
          }
        }
        default -> send(ex, 404, "text/plain", "no");
      }
    });
    base = server.base();
  }

  @AfterEach
  void stopServer() {
    server.close();
  }

  private static void send(com.sun.net.httpserver.HttpExchange ex, int status, String type, String body)
      throws IOException {
    LoopbackServer.send(ex, status, type, body);
  }

  private static void redirect(com.sun.net.httpserver.HttpExchange ex, String location) throws IOException {
    LoopbackServer.redirect(ex, location);
  }

  private static SafeFetcher fetcher(boolean allowPrivate) {
    return new SafeFetcher(new AddressPolicy(allowPrivate), Dns.SYSTEM, Duration.ofSeconds(5));
  }

  private static Fetched fetch(SafeFetcher f, String url) throws FetchException {
    return f.fetch(URI.create(url), SafeFetcher.ARTICLE_TYPES, CAP);
  }

  private static void assertRefused(ThrowingCallable call, FetchException.Reason reason, String message) {
    assertThatThrownBy(call).isInstanceOfSatisfying(FetchException.class, e -> {
      assertThat(e.reason()).isEqualTo(reason);
      assertThat(e.getMessage()).contains(message);
    });
  }

  @Test
  void should_fetch_a_page_when_private_addresses_are_allowed() throws Exception {
    Fetched page = fetch(fetcher(true), base + "/page.html");

    assertThat(page.mediaType()).isEqualTo("text/html");
    assertThat(new String(page.body(), StandardCharsets.UTF_8)).contains("Guizhou data.");
  }

  @Test
  void should_follow_redirects_and_report_the_final_url() throws Exception {
    Fetched page = fetch(fetcher(true), base + "/hop1");

    assertThat(page.finalUrl().getPath()).isEqualTo("/page.html");
    assertThat(page.requested().getPath()).isEqualTo("/hop1");
  }

  @Test
  void should_refuse_loopback_without_sending_a_request() {
    assertRefused(() -> fetch(fetcher(false), base + "/page.html"), FetchException.Reason.REFUSED_ADDRESS,
        "127.0.0.1 is a loopback address");
    assertThat(requests).hasValue(0);
  }

  @Test
  void should_refuse_localhost_by_name() {
    assertRefused(() -> fetch(fetcher(false), "http://localhost:" + server.port() + "/page.html"),
        FetchException.Reason.REFUSED_ADDRESS, "loopback");
    assertThat(requests).hasValue(0);
  }

  @Test
  void should_refuse_ipv6_loopback_and_ipv4_mapped_forms() {
    int port = server.port();
    assertRefused(() -> fetch(fetcher(false), "http://[::1]:" + port + "/"), FetchException.Reason.REFUSED_ADDRESS,
        "loopback");
    assertRefused(() -> fetch(fetcher(false), "http://[::ffff:127.0.0.1]:" + port + "/"),
        FetchException.Reason.REFUSED_ADDRESS, "loopback");
    assertRefused(() -> fetch(fetcher(true), "http://[::ffff:169.254.169.254]/"),
        FetchException.Reason.REFUSED_ADDRESS, "link-local");
  }

  @Test
  void should_refuse_unspecified_and_metadata_addresses_even_when_private_is_allowed() {
    assertRefused(() -> fetch(fetcher(true), "http://0.0.0.0:" + server.port() + "/page.html"),
        FetchException.Reason.REFUSED_ADDRESS, "unspecified");
    assertRefused(() -> fetch(fetcher(true), "http://169.254.169.254/latest/meta-data/"),
        FetchException.Reason.REFUSED_ADDRESS, "169.254.169.254 is a link-local address");
    assertThat(requests).hasValue(0);
  }

  @Test
  void should_refuse_a_public_name_that_resolves_to_a_private_address() {
    Dns lying = host -> List.of(InetAddress.getByAddress(host, new byte[] {10, 1, 2, 3}));
    SafeFetcher f = new SafeFetcher(new AddressPolicy(false), lying, Duration.ofSeconds(5));

    assertRefused(() -> fetch(f, "https://news.example.com/article"), FetchException.Reason.REFUSED_ADDRESS,
        "10.1.2.3 (news.example.com resolves to it) is a private network address");
  }

  @Test
  void should_connect_to_the_checked_address_without_a_second_lookup() throws Exception {
    AtomicInteger lookups = new AtomicInteger();
    Map<String, InetAddress> zone = Map.of("intranet.test", InetAddress.getLoopbackAddress());
    Dns counting = host -> {
      lookups.incrementAndGet();
      InetAddress a = zone.get(host);
      if (a == null) {
        throw new UnknownHostException(host);
      }
      return List.of(a);
    };
    SafeFetcher f = new SafeFetcher(new AddressPolicy(true), counting, Duration.ofSeconds(5));

    Fetched page = fetch(f, "http://intranet.test:" + server.port() + "/page.html");

    assertThat(page.body()).isNotEmpty();
    assertThat(lookups).hasValue(1);
  }

  @Test
  void should_check_every_redirect_target() {
    assertRefused(() -> fetch(fetcher(true), base + "/to-metadata"), FetchException.Reason.REFUSED_ADDRESS,
        "169.254.169.254 is a link-local address");
    assertRefused(() -> fetch(fetcher(true), base + "/to-unspecified"), FetchException.Reason.REFUSED_ADDRESS,
        "unspecified");
    assertRefused(() -> fetch(fetcher(true), base + "/to-ftp"), FetchException.Reason.REFUSED_SCHEME,
        "not an http or https URL");
  }

  @Test
  void should_stop_after_five_redirects() {
    assertRefused(() -> fetch(fetcher(true), base + "/loop"), FetchException.Reason.TOO_MANY_REDIRECTS,
        "more than 5 redirects");
    assertThat(requests).hasValue(6);
  }

  @Test
  void should_refuse_schemes_other_than_http_and_https() {
    assertRefused(() -> fetch(fetcher(true), "ftp://example.org/file.txt"), FetchException.Reason.REFUSED_SCHEME,
        "only http and https links can be fetched, not ftp://");
    assertRefused(() -> fetch(fetcher(true), "file:///etc/passwd"), FetchException.Reason.REFUSED_SCHEME,
        "not file://");
  }

  @Test
  void should_cut_off_a_body_over_the_cap_without_reading_it_whole() {
    assertRefused(() -> fetch(fetcher(true), base + "/endless"), FetchException.Reason.TOO_LARGE,
        "is larger than 64 KB");
    server.stop(1);
    assertThat(bigBodyWritten.get()).isLessThan(64L << 20);
  }

  @Test
  void should_refuse_a_declared_length_over_the_cap_before_reading() {
    assertRefused(() -> fetch(fetcher(true), base + "/declared-big"), FetchException.Reason.TOO_LARGE,
        "is larger than 64 KB");
  }

  @Test
  void should_refuse_an_unexpected_content_type() {
    assertRefused(() -> fetch(fetcher(true), base + "/image.png"), FetchException.Reason.WRONG_CONTENT_TYPE,
        "has content type 'image/png'");
  }

  @Test
  void should_report_an_http_error_status() {
    assertRefused(() -> fetch(fetcher(true), base + "/missing"), FetchException.Reason.HTTP_STATUS, "HTTP 404");
  }

  @Test
  void should_give_up_on_a_server_that_never_answers() throws Exception {
    try (ServerSocket silent = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
      SafeFetcher f = new SafeFetcher(new AddressPolicy(true), Dns.SYSTEM, Duration.ofMillis(500));
      long t0 = System.nanoTime();

      assertRefused(() -> fetch(f, "http://127.0.0.1:" + silent.getLocalPort() + "/"), FetchException.Reason.TIMEOUT,
          "no complete answer within");
      assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(5));
    }
  }

  @Test
  void should_name_a_refused_connection() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    int closed = port;
    assertRefused(() -> fetch(fetcher(true), "http://127.0.0.1:" + closed + "/"), FetchException.Reason.NETWORK,
        "could not be fetched from 127.0.0.1");
  }
}
