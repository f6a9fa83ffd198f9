package org.guizhoubot.telegram.transport;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.AbstractHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.guizhoubot.concurrent.DaemonThreads;
import org.guizhoubot.config.Settings;
import org.guizhoubot.config.WebhookSettings;
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
 *
 * <p>Posts are served by Jetty, which reads requests without holding a thread until they are
 * whole: a request must arrive whole within {@link #REQUEST_DEADLINE} of its connection opening or
 * of the previous response, or the connection is closed, so slow or idle clients cannot hold the
 * threads that record updates.
 */
public final class WebhookBot implements AutoCloseable {
  public static final String SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token";
  /** Largest update accepted; Telegram's are a few kilobytes. */
  static final int MAX_BODY = 1 << 20;
  /** The time a request has to arrive whole (headers and body); an idle connection is closed after it too. */
  static final Duration REQUEST_DEADLINE = Duration.ofSeconds(10);
  /** Threads that read whole posts and record their updates; answering happens on the bot's own workers. */
  private static final int HTTP_THREADS = 16;
  private static final Logger log = LoggerFactory.getLogger(WebhookBot.class);

  private final BotSession core;
  private final Server server;
  private final ServerConnector connector;
  private final ScheduledExecutorService ticker;
  private final AtomicBoolean closed = new AtomicBoolean();

  private WebhookBot(BotSession core, Server server, ServerConnector connector, ScheduledExecutorService ticker) {
    this.core = core;
    this.server = server;
    this.connector = connector;
    this.ticker = ticker;
  }

  /**
   * Starts a replica: checks the token, listens on the settings' webhook address, port and path, and with
   * {@code setWebhook} points Telegram at the public URL first. Fails with a clear message when the
   * secret (or, to set the webhook, the public URL) is missing, the port is taken or the API refuses.
   */
  public static WebhookBot start(Settings settings, BotConfig config, BotSession.Opener opener, boolean setWebhook)
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
    BotSession core = opener.open(api, me, new ObjectMapper());
    QueuedThreadPool threads = new QueuedThreadPool(HTTP_THREADS, 2);
    threads.setName("webhook-http");
    threads.setDaemon(true);
    Server server = new Server(threads);
    HttpConfiguration http = new HttpConfiguration();
    http.setSendServerVersion(false);
    ServerConnector connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(http));
    connector.setHost(hook.bind());
    connector.setPort(hook.port());
    connector.setIdleTimeout(REQUEST_DEADLINE.toMillis());
    connector.setAcceptQueueSize(64);
    connector.addBean(new RequestDeadline(connector.getScheduler(), REQUEST_DEADLINE));
    server.addConnector(connector);
    server.setHandler(new Receiver(hook.path(), hook.secret(), core));
    server.setStopTimeout(1000);
    ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(DaemonThreads.factory("webhook-beat"));
    WebhookBot running = new WebhookBot(core, server, connector, ticker);
    try {
      connector.open();
    } catch (IOException | RuntimeException e) {
      running.close();
      throw new TelegramBot.BotStartException("cannot listen on " + (hook.bind() == null ? "port " : hook.bind() + " port ")
          + hook.port() + " for webhook updates: " + e, e);
    }
    core.recover();
    try {
      server.start();
    } catch (Exception e) {
      running.close();
      throw new TelegramBot.BotStartException("the webhook server did not start: " + e, e);
    }
    Heartbeat heartbeat = new Heartbeat(settings.heartbeatFile());
    ticker.scheduleAtFixedRate(heartbeat::beat, 0, 30, TimeUnit.SECONDS);
    if (setWebhook) {
      try {
        core.api().setWebhook(hook.publicUrl(), hook.secret(), Updates.ALLOWED);
        log.info("Webhook set to {}", hook.publicUrl());
      } catch (BotApiException e) {
        running.close();
        throw new TelegramBot.BotStartException("setting the webhook to " + hook.publicUrl() + " failed: "
            + e.getMessage(), e);
      }
    }
    core.registerCommands();
    log.info("Bot @{} receives webhook updates on {} port {} at {}", me.username(),
        hook.bind() == null ? "every interface," : hook.bind(), running.port(), hook.path());
    return running;
  }

  public BotApi.Identity identity() {
    return core.me();
  }

  /** The port this replica listens on (the one chosen when the settings said 0). */
  public int port() {
    return connector.getLocalPort();
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
    try {
      server.stop();
      connector.close();
    } catch (Exception e) {
      log.warn("Stopping the webhook server failed: {}", e.toString());
    }
    ticker.shutdownNow();
    core.close();
  }

  /**
   * Checks and reads one post, records its update in the inbox, answers 200, then hands the update
   * on: a replica that dies after the 200 handles it when it starts again, and an update posted
   * twice is handled once.
   */
  static final class Receiver extends AbstractHandler {
    private final String path;
    private final byte[] secret;
    private final BotSession inbox;
    private final ObjectMapper json = new ObjectMapper();

    Receiver(String path, String secret, BotSession inbox) {
      this.path = Objects.requireNonNull(path, "path");
      this.secret = secret.getBytes(StandardCharsets.UTF_8);
      this.inbox = Objects.requireNonNull(inbox, "inbox");
    }

    @Override
    public void handle(String target, Request base, HttpServletRequest req, HttpServletResponse resp)
        throws IOException {
      base.setHandled(true);
      if (!path.equals(base.getHttpURI().getDecodedPath())) {
        respond(resp, 404);
        return;
      }
      if (!"POST".equals(req.getMethod())) {
        resp.setHeader("Allow", "POST");
        respond(resp, 405);
        return;
      }
      String given = req.getHeader(SECRET_HEADER);
      if (given == null || !MessageDigest.isEqual(secret, given.getBytes(StandardCharsets.UTF_8))) {
        log.warn("Refused a webhook post from {} without the right secret header", req.getRemoteAddr());
        respond(resp, 401);
        return;
      }
      if (req.getContentLengthLong() > MAX_BODY) {
        respond(resp, 413);
        return;
      }
      byte[] body;
      try (InputStream in = req.getInputStream()) {
        body = in.readNBytes(MAX_BODY + 1);
      }
      if (body.length > MAX_BODY) {
        respond(resp, 413);
        return;
      }
      Update update;
      try {
        update = json.readValue(body, Update.class);
      } catch (IOException e) {
        log.warn("Refused a webhook post that is not an update: {}", e.getMessage());
        respond(resp, 400);
        return;
      }
      Optional<Runnable> handle = inbox.record(update);
      try {
        respond(resp, 200);
        resp.flushBuffer();
      } finally {
        // recorded, so handled here even when the load balancer has gone away
        handle.ifPresent(Runnable::run);
      }
    }

    private static void respond(HttpServletResponse resp, int status) {
      resp.setStatus(status);
      resp.setContentLength(0);
    }
  }
}
