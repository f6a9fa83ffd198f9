package org.guizhoubot.telegram;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.guizhoubot.concurrent.DaemonThreads;
import org.guizhoubot.config.Settings;
import org.guizhoubot.config.WebhookSettings;
import org.guizhoubot.library.Library;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.objects.Update;

/**
 * One bot replica fed by Telegram's webhook: Telegram posts each update over https to a load
 * balancer, which forwards it over plain HTTP to one of several replicas. A post without the right
 * {@code X-Telegram-Bot-Api-Secret-Token} is refused; an accepted update is recorded in the
 * replica's {@code bot.db} inbox, answered 200, and handled through the same {@link Updates} and
 * router as long polling; updates a crash left unhandled are handled when the replica starts again. The webhook is set at start
 * only when asked, and is never deleted: stopping one replica leaves the others receiving.
 */
public final class WebhookBot implements AutoCloseable {
  public static final String SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token";
  /** Largest update accepted; Telegram's are a few kilobytes. */
  static final int MAX_BODY = 1 << 20;
  private static final Logger log = LoggerFactory.getLogger(WebhookBot.class);

  private final BotCore core;
  private final HttpServer server;
  private final ExecutorService httpThreads;
  private final ScheduledExecutorService ticker;
  private final AtomicBoolean closed = new AtomicBoolean();

  private WebhookBot(BotCore core, HttpServer server, ExecutorService httpThreads, ScheduledExecutorService ticker) {
    this.core = core;
    this.server = server;
    this.httpThreads = httpThreads;
    this.ticker = ticker;
  }

  /**
   * Starts a replica: checks the token, listens on the settings' webhook port and path, and with
   * {@code setWebhook} points Telegram at the public URL first. Fails with a clear message when the
   * secret (or, to set the webhook, the public URL) is missing, the port is taken or the API refuses.
   */
  public static WebhookBot start(Library library, Settings settings, BotConfig config, boolean setWebhook)
      throws TelegramBot.BotStartException {
    WebhookSettings hook = settings.webhook();
    if (hook.secret() == null) {
      throw new TelegramBot.BotStartException("TELEGRAM_WEBHOOK_SECRET is not set; --webhook needs the secret that"
          + " Telegram sends with every update (1-256 characters A-Z, a-z, 0-9, _ and -)", null);
    }
    if (setWebhook && hook.publicUrl() == null) {
      throw new TelegramBot.BotStartException("--set-webhook needs webhook.url (WEBHOOK_URL), the public https URL"
          + " of the load balancer", null);
    }
    BotApi api = new TelegramBotApi(config.token(), config.apiUrl(), config.callTimeout());
    BotApi.Identity me = TelegramBot.identify(api, config);
    BotCore core = BotCore.open(library, settings, config, api, me, new ObjectMapper());
    HttpServer server;
    try {
      server = HttpServer.create(new InetSocketAddress(hook.port()), 64);
    } catch (IOException e) {
      core.close();
      throw new TelegramBot.BotStartException("cannot listen on port " + hook.port() + " for webhook updates: "
          + e.getMessage(), e);
    }
    ExecutorService httpThreads = Executors.newFixedThreadPool(4, DaemonThreads.factory("webhook-http"));
    ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(DaemonThreads.factory("webhook-beat"));
    WebhookBot running = new WebhookBot(core, server, httpThreads, ticker);
    core.recover();
    Receiver receiver = new Receiver(hook.path(), hook.secret(), core.inbox);
    server.createContext(hook.path(), receiver::handle);
    server.setExecutor(httpThreads);
    server.start();
    Heartbeat heartbeat = new Heartbeat(settings.heartbeatFile());
    ticker.scheduleAtFixedRate(heartbeat::beat, 0, 30, TimeUnit.SECONDS);
    if (setWebhook) {
      try {
        core.api.setWebhook(hook.publicUrl(), hook.secret(), Updates.ALLOWED);
        log.info("Webhook set to {}", hook.publicUrl());
      } catch (BotApiException e) {
        running.close();
        throw new TelegramBot.BotStartException("setting the webhook to " + hook.publicUrl() + " failed: "
            + e.getMessage(), e);
      }
    }
    core.bot.registerCommands();
    log.info("Bot @{} receives webhook updates on port {} at {}", me.username(), running.port(), hook.path());
    return running;
  }

  public BotApi.Identity identity() {
    return core.me;
  }

  /** The port this replica listens on (the one chosen when the settings said 0). */
  public int port() {
    return server.getAddress().getPort();
  }

  /**
   * Stops receiving (posts in progress get up to a second), lets queued answers go out, and releases
   * threads, connections and the database. The webhook is left set for the other replicas.
   */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    server.stop(1);
    httpThreads.shutdown();
    ticker.shutdownNow();
    core.close();
  }

  /**
   * Checks and reads one post, records its update in the inbox, answers 200, then hands the update
   * on: a replica that dies after the 200 handles it when it starts again, and an update posted
   * twice is handled once.
   */
  static final class Receiver {
    private final String path;
    private final byte[] secret;
    private final Inbox inbox;
    private final ObjectMapper json = new ObjectMapper();

    Receiver(String path, String secret, Inbox inbox) {
      this.path = Objects.requireNonNull(path, "path");
      this.secret = secret.getBytes(StandardCharsets.UTF_8);
      this.inbox = Objects.requireNonNull(inbox, "inbox");
    }

    void handle(HttpExchange ex) throws IOException {
      try (ex) {
        if (!ex.getRequestURI().getPath().equals(path)) {
          respond(ex, 404);
          return;
        }
        if (!"POST".equals(ex.getRequestMethod())) {
          ex.getResponseHeaders().set("Allow", "POST");
          respond(ex, 405);
          return;
        }
        String given = ex.getRequestHeaders().getFirst(SECRET_HEADER);
        if (given == null || !MessageDigest.isEqual(secret, given.getBytes(StandardCharsets.UTF_8))) {
          log.warn("Refused a webhook post from {} without the right secret header", ex.getRemoteAddress());
          respond(ex, 401);
          return;
        }
        byte[] body;
        try (InputStream in = ex.getRequestBody()) {
          body = in.readNBytes(MAX_BODY + 1);
        }
        if (body.length > MAX_BODY) {
          respond(ex, 413);
          return;
        }
        Update update;
        try {
          update = json.readValue(body, Update.class);
        } catch (IOException e) {
          log.warn("Refused a webhook post that is not an update: {}", e.getMessage());
          respond(ex, 400);
          return;
        }
        Optional<Receipt> receipt = inbox.record(update);
        try {
          respond(ex, 200);
        } finally {
          // recorded, so handled here even when the load balancer has gone away
          receipt.ifPresent(r -> inbox.handleRecorded(update, r));
        }
      }
    }

    private static void respond(HttpExchange ex, int status) throws IOException {
      ex.sendResponseHeaders(status, -1);
    }
  }
}
