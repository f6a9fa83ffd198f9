package org.guizhoubot.telegram.transport;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import okhttp3.OkHttpClient;
import org.guizhoubot.concurrent.DaemonThreads;
import org.guizhoubot.config.Settings;
import org.guizhoubot.logging.Redactor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.longpolling.TelegramBotsLongPollingApplication;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;

/**
 * A running bot: checks the token, registers the command menu and long-polls the Bot API until
 * closed. Closing stops every thread it started, so the JVM can exit.
 */
public final class TelegramBot implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(TelegramBot.class);

  private final BotSession core;
  private final OkHttpClient pollHttp;
  private final ScheduledExecutorService pollExecutor;
  private final TelegramBotsLongPollingApplication polling;
  private final AtomicBoolean closed = new AtomicBoolean();

  private TelegramBot(BotSession core, OkHttpClient pollHttp, ScheduledExecutorService pollExecutor,
      TelegramBotsLongPollingApplication polling) {
    this.core = core;
    this.pollHttp = pollHttp;
    this.pollExecutor = pollExecutor;
    this.polling = polling;
  }

  /**
   * Starts the bot that {@code opener} makes; fails with {@link BotStartException} when the token is
   * rejected or the Bot API cannot be reached. Bot data (votes, counters) goes to {@code bot.db} in
   * the settings' data folder, and the polling loop's heartbeat to their heartbeat file.
   */
  public static TelegramBot start(Settings settings, BotConfig config, BotSession.Opener opener)
      throws BotStartException {
    TelegramUrl url;
    try {
      url = TelegramHttp.telegramUrl(config.apiUrl());
    } catch (IllegalArgumentException e) {
      throw new BotStartException(e.getMessage(), e);
    }
    BotApi api = new TelegramBotApi(config.token(), config.apiUrl(), config.callTimeout());
    BotApi.Identity me = identify(api, config);
    return start(settings, config, opener, api, me, url);
  }

  /** Asks the Bot API who the bot is; closes {@code api} and explains when the token or the API fails. */
  public static BotApi.Identity identify(BotApi api, BotConfig config) throws BotStartException {
    try {
      return api.getMe();
    } catch (BotApiException e) {
      api.close();
      if (e.errorCode() != null && (e.errorCode() == 401 || e.errorCode() == 404)) {
        throw new BotStartException("TELEGRAM_BOT_TOKEN was rejected by the Bot API at " + config.apiUrl()
            + " (" + e.errorCode() + "); check the token from @BotFather", e);
      }
      throw new BotStartException("cannot reach the Bot API at " + config.apiUrl() + ": " + e.getMessage(), e);
    }
  }

  private static TelegramBot start(Settings settings, BotConfig config, BotSession.Opener opener, BotApi api,
      BotApi.Identity me, TelegramUrl url) throws BotStartException {
    ObjectMapper mapper = new ObjectMapper();
    BotSession core = opener.open(api, me, mapper);
    core.pollFeedsEvery(settings.feedPollInterval());
    Duration pollRead = Duration.ofSeconds(config.pollTimeoutSeconds() + 10L);
    OkHttpClient pollHttp = TelegramHttp.httpClient(pollRead, pollRead.plusSeconds(5));
    ScheduledExecutorService pollExecutor = Executors.newSingleThreadScheduledExecutor(DaemonThreads.factory("bot-poll"));
    TelegramBotsLongPollingApplication polling = new TelegramBotsLongPollingApplication(
        () -> mapper, () -> pollHttp, () -> pollExecutor,
        () -> new CappedBackOff(config.backOffInitial(), config.backOffMax()));
    TelegramBot running = new TelegramBot(core, pollHttp, pollExecutor, polling);
    Heartbeat heartbeat = new Heartbeat(settings.heartbeatFile());
    core.recover();
    try {
      polling.registerBot(config.token(), () -> url, offset -> {
        heartbeat.beat();
        return GetUpdates.builder()
            .offset(offset + 1)
            .limit(100)
            .timeout(config.pollTimeoutSeconds())
            .allowedUpdates(Updates.ALLOWED)
            .build();
      }, core::consume);
    } catch (Exception e) {
      running.close();
      throw new BotStartException("cannot start polling the Bot API at " + config.apiUrl() + ": "
          + Redactor.redact(String.valueOf(e.getMessage())), null);
    }
    core.registerCommands();
    log.info("Bot @{} is polling {}", me.username(), config.apiUrl());
    return running;
  }

  public BotApi.Identity identity() {
    return core.me();
  }

  /** Stops polling, lets queued work finish briefly, and releases threads, connections and the database. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    try {
      polling.close();
    } catch (Exception e) {
      log.warn("Stopping the poller: {}", e.getMessage());
    }
    // A long poll still in flight is left to end by itself (its thread is a daemon, and updates it
    // fetches are ignored and delivered again on the next start); cancelling or interrupting it
    // would make telegrambots log an error with a stack trace on every clean shutdown.
    pollExecutor.shutdown();
    pollHttp.dispatcher().executorService().shutdownNow();
    pollHttp.connectionPool().evictAll();
    core.close();
  }

  /** The bot could not start; the message says why, without the token. */
  public static final class BotStartException extends Exception {
    private static final long serialVersionUID = 1L;

    public BotStartException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
