package org.guizhoubot.telegram.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.guizhoubot.telegram.BotFixtures.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.guizhoubot.concurrent.DaemonThreads;
import org.guizhoubot.App;
import org.guizhoubot.config.Settings;
import org.guizhoubot.config.WebhookSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.guizhoubot.telegram.state.BotDb;
import org.guizhoubot.telegram.texts.TelegramHtml;
import org.guizhoubot.telegram.BotFixtures;
import org.guizhoubot.telegram.FakeTelegram;

/** Two bot replicas fed over HTTP as a load balancer would feed them Telegram's webhook posts. */
class WebhookBotTest {
  private static final String TOKEN = "31337:WEBHOOK-token";
  private static final String SECRET = "webhook-Secret_42";
  private static final String PUBLIC_URL = "https://bot.example.org/telegram";
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final String QUESTION = "How many reservoirs does the flood alarm system support?";

  @TempDir
  static Path dir;
  static App app;

  private final HttpClient http = HttpClient.newHttpClient();
  private FakeTelegram telegram;
  private final List<WebhookBot> replicas = new ArrayList<>();
  /** Update ids are never reused across tests, whose replicas may share a bot.db that remembers them. */
  private static final AtomicInteger UPDATE_IDS = new AtomicInteger(500);

  @BeforeAll
  static void openApp() {
    app = BotFixtures.app(dir);
  }

  @AfterAll
  static void closeApp() {
    app.close();
  }

  @BeforeEach
  void startTelegram() throws Exception {
    telegram = new FakeTelegram(TOKEN);
    telegram.on("setWebhook", (body, n) -> new FakeTelegram.Reply(200, "{\"ok\":true,\"result\":true}"));
  }

  @AfterEach
  void stopAll() {
    replicas.forEach(WebhookBot::close);
    telegram.close();
  }

  private WebhookBot replica(int n, String secret, boolean setWebhook) throws Exception {
    Settings settings = app.settings().withDirs(app.settings().corpusDir(), dir.resolve("replica" + n))
        .withWebhook(new WebhookSettings("127.0.0.1", 0, "/telegram", PUBLIC_URL, secret));
    WebhookBot bot = BotFixtures.webhook(app.library(), settings, BotFixtures.config(TOKEN, telegram.apiUrl()),
        setWebhook);
    replicas.add(bot);
    return bot;
  }

  private String update(long userId, String text) {
    ObjectNode u = telegram.json.createObjectNode();
    u.put("update_id", UPDATE_IDS.getAndIncrement());
    u.set("message", telegram.message(userId, text));
    return u.toString();
  }

  private int post(WebhookBot replica, String path, String secret, String body) throws Exception {
    HttpRequest.Builder req = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + replica.port() + path))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
    if (secret != null) {
      req.header(WebhookBot.SECRET_HEADER, secret);
    }
    return http.send(req.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  @Test
  void should_answer_each_update_once_whichever_replica_receives_it() throws Exception {
    List<WebhookBot> bots = List.of(replica(1, SECRET, true), replica(2, SECRET, false));
    List<Long> users = List.of(7_100_001L, 7_100_002L, 7_100_003L, 7_100_004L);
    String repeated = null;
    for (int i = 0; i < users.size(); i++) {
      String update = update(users.get(i), QUESTION);
      assertThat(post(bots.get(i % 2), "/telegram", SECRET, update)).isEqualTo(200);
      repeated = repeated == null ? update : repeated;
    }
    assertThat(post(bots.get(0), "/telegram", SECRET, repeated)).as("Telegram delivering again").isEqualTo(200);

    for (long user : users) {
      assertThat(await(WAIT, () -> telegram.sentTexts(user).size() >= 1)).as("answer to %s", user).isTrue();
    }
    await(Duration.ofMillis(500), () -> telegram.sentTexts(users.get(0)).size() > 1);
    for (long user : users) {
      assertThat(telegram.sentTexts(user)).hasSize(1);
      assertThat(TelegramHtml.toPlain(telegram.sentTexts(user).get(0))).contains("10,000 reservoirs", "Big data looms large in Guizhou");
    }
  }

  @Test
  void should_answer_on_start_what_a_replica_recorded_but_did_not_answer_before_it_died() throws Exception {
    long user = 7_400_001L;
    ObjectNode recorded = telegram.json.createObjectNode();
    recorded.put("update_id", 9_001);
    recorded.set("message", telegram.message(user, QUESTION));
    java.nio.file.Files.createDirectories(dir.resolve("replica9"));
    try (BotDb store = BotDb.open(dir.resolve("replica9").resolve("bot.db"))) {
      store.inbox().receive(FakeTelegram.BOT_ID, java.util.Map.of(9_001L, recorded.toString()), System.currentTimeMillis());
    }

    WebhookBot restarted = replica(9, SECRET, false);

    assertThat(await(WAIT, () -> !telegram.sentTexts(user).isEmpty())).isTrue();
    assertThat(TelegramHtml.toPlain(telegram.sentTexts(user).get(0))).contains("10,000 reservoirs");
    assertThat(post(restarted, "/telegram", SECRET, recorded.toString())).as("Telegram posting it again").isEqualTo(200);
    assertThat(await(Duration.ofMillis(500), () -> telegram.sentTexts(user).size() > 1)).isFalse();
  }

  @Test
  void should_refuse_posts_without_the_secret_or_that_are_no_updates() throws Exception {
    WebhookBot bot = replica(1, SECRET, false);
    long user = 7_200_001L;

    assertThat(post(bot, "/telegram", null, update(user, QUESTION))).isEqualTo(401);
    assertThat(post(bot, "/telegram", "wrong-secret", update(user, QUESTION))).isEqualTo(401);
    assertThat(post(bot, "/telegram", SECRET, "{not json")).isEqualTo(400);
    assertThat(post(bot, "/elsewhere", SECRET, update(user, QUESTION))).isEqualTo(404);
    HttpRequest get = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + bot.port() + "/telegram")).GET().build();
    assertThat(http.send(get, HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(405);

    assertThat(await(Duration.ofMillis(500), () -> !telegram.sentTexts(user).isEmpty())).isFalse();
    assertThat(post(bot, "/telegram", SECRET, update(user, QUESTION))).isEqualTo(200);
    assertThat(await(WAIT, () -> !telegram.sentTexts(user).isEmpty())).isTrue();
  }

  @Test
  void should_set_the_webhook_only_when_asked_and_leave_it_set_when_a_replica_stops() throws Exception {
    WebhookBot first = replica(1, SECRET, true);
    WebhookBot second = replica(2, SECRET, false);

    assertThat(telegram.calls("setWebhook")).hasSize(1);
    assertThat(telegram.calls("setWebhook").get(0).body().path("url").asText()).isEqualTo(PUBLIC_URL);
    assertThat(telegram.calls("setWebhook").get(0).body().path("secret_token").asText()).isEqualTo(SECRET);

    first.close();
    long user = 7_300_001L;
    assertThat(post(second, "/telegram", SECRET, update(user, QUESTION))).isEqualTo(200);
    assertThat(await(WAIT, () -> !telegram.sentTexts(user).isEmpty())).isTrue();
    assertThat(telegram.calls("deleteWebhook")).isEmpty();
    assertThat(telegram.calls("setWebhook")).hasSize(1);
  }

  @Test
  void should_not_start_on_a_port_another_replica_listens_on() throws Exception {
    WebhookBot first = replica(1, SECRET, false);
    Settings taken = app.settings().withDirs(app.settings().corpusDir(), dir.resolve("replica2"))
        .withWebhook(new WebhookSettings("127.0.0.1", first.port(), "/telegram", PUBLIC_URL, SECRET));

    assertThatThrownBy(() -> BotFixtures.webhook(app.library(), taken, BotFixtures.config(TOKEN, telegram.apiUrl()), false))
        .isInstanceOf(TelegramBot.BotStartException.class)
        .hasMessageContaining("cannot listen on 127.0.0.1 port " + first.port());
    assertThat(post(first, "/telegram", SECRET, update(7_600_001L, QUESTION))).isEqualTo(200);
  }

  @Test
  void should_not_start_without_a_secret() {
    assertThatThrownBy(() -> replica(1, null, false))
        .isInstanceOf(TelegramBot.BotStartException.class)
        .hasMessageContaining("TELEGRAM_WEBHOOK_SECRET");
  }

  /** Raw client connections that note when the server closes them. */
  private static final class Clients implements AutoCloseable {
    private final ExecutorService readers = Executors.newCachedThreadPool(DaemonThreads.factory("test-client"));
    private final List<Socket> sockets = new ArrayList<>();
    private final Map<Socket, Long> opened = new ConcurrentHashMap<>();
    private final Map<Socket, Long> closed = new ConcurrentHashMap<>();

    Socket open(int port) throws IOException {
      Socket s = new Socket(InetAddress.getLoopbackAddress(), port);
      sockets.add(s);
      opened.put(s, System.nanoTime());
      InputStream in = s.getInputStream();
      readers.execute(() -> {
        try {
          while (in.read() != -1) {
            // the responses are not looked at, only the end of the stream
          }
        } catch (IOException reset) {
          // closed by the server too
        }
        closed.put(s, System.nanoTime());
      });
      return s;
    }

    boolean allClosed() {
      return closed.size() == sockets.size();
    }

    Duration openFor(Socket s) {
      return Duration.ofNanos(closed.get(s) - opened.get(s));
    }

    @Override
    public void close() throws IOException {
      for (Socket s : sockets) {
        s.close();
      }
      readers.shutdownNow();
    }
  }

  @Test
  void should_answer_a_valid_update_at_once_while_50_connections_send_their_headers_a_byte_every_2_s()
      throws Exception {
    WebhookBot bot = replica(1, SECRET, false);
    byte[] head = ("POST /telegram HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
        + WebhookBot.SECRET_HEADER + ": " + SECRET + "\r\nContent-Length: 2\r\n\r\n{}").getBytes();
    ScheduledExecutorService dribbler = Executors.newSingleThreadScheduledExecutor(DaemonThreads.factory("test-slow"));
    AtomicInteger written = new AtomicInteger();
    long user = 7_500_001L;
    try (Clients slow = new Clients()) {
      List<Socket> sockets = new ArrayList<>();
      for (int i = 0; i < 50; i++) {
        sockets.add(slow.open(bot.port()));
      }
      dribbler.scheduleAtFixedRate(() -> {
        for (Socket s : sockets) {
          int at = Math.min(head.length - 1, written.get() / sockets.size());
          try {
            OutputStream out = s.getOutputStream();
            out.write(head[at]);
            out.flush();
          } catch (IOException closedByTheServer) {
            // the deadline passed
          }
          written.incrementAndGet();
        }
      }, 0, 2, TimeUnit.SECONDS);
      assertThat(await(WAIT, () -> written.get() >= 100)).as("two bytes sent on each slow connection").isTrue();

      long t0 = System.nanoTime();
      int status = post(bot, "/telegram", SECRET, update(user, QUESTION));
      Duration took = Duration.ofNanos(System.nanoTime() - t0);

      assertThat(status).isEqualTo(200);
      assertThat(took).isLessThan(Duration.ofSeconds(1));
      assertThat(await(WAIT, () -> !telegram.sentTexts(user).isEmpty())).as("answered").isTrue();
      assertThat(await(WebhookBot.REQUEST_DEADLINE.plusSeconds(5), slow::allClosed))
          .as("slow connections closed").isTrue();
      for (Socket s : sockets) {
        assertThat(slow.openFor(s)).isBetween(WebhookBot.REQUEST_DEADLINE.minusSeconds(1),
            WebhookBot.REQUEST_DEADLINE.plusSeconds(3));
      }
    } finally {
      dribbler.shutdownNow();
    }
  }

  @Test
  void should_close_idle_connections_within_the_deadline() throws Exception {
    WebhookBot bot = replica(1, SECRET, false);
    try (Clients clients = new Clients()) {
      Socket silent = clients.open(bot.port());
      Socket keptAlive = clients.open(bot.port());
      OutputStream out = keptAlive.getOutputStream();
      out.write(("POST /telegram HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 2\r\n\r\n{}").getBytes());
      out.flush();

      assertThat(await(WebhookBot.REQUEST_DEADLINE.plusSeconds(5), clients::allClosed)).isTrue();
      assertThat(clients.openFor(silent)).isLessThan(WebhookBot.REQUEST_DEADLINE.plusSeconds(3));
      assertThat(clients.openFor(keptAlive)).isLessThan(WebhookBot.REQUEST_DEADLINE.plusSeconds(3));
    }
    long user = 7_500_002L;
    assertThat(post(bot, "/telegram", SECRET, update(user, QUESTION))).isEqualTo(200);
  }

  @Test
  void should_listen_only_on_the_address_it_is_bound_to() throws Exception {
    WebhookBot bot = replica(1, SECRET, false);
    InetAddress other = java.util.Collections.list(java.net.NetworkInterface.getNetworkInterfaces()).stream()
        .flatMap(i -> java.util.Collections.list(i.getInetAddresses()).stream())
        .filter(a -> !a.isLoopbackAddress() && a instanceof java.net.Inet4Address).findFirst().orElse(null);
    org.junit.jupiter.api.Assumptions.assumeTrue(other != null, "this machine has an address besides loopback");

    assertThatThrownBy(() -> new Socket(other, bot.port()).close()).isInstanceOf(java.net.ConnectException.class);
    assertThat(post(bot, "/telegram", null, "{}")).isEqualTo(401);
  }
}
