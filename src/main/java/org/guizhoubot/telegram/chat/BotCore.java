package org.guizhoubot.telegram.chat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.guizhoubot.config.Settings;
import org.guizhoubot.library.Library;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.guizhoubot.telegram.transport.BotSession;
import org.guizhoubot.telegram.transport.BotApi;
import org.guizhoubot.telegram.transport.TelegramBot;
import org.guizhoubot.telegram.transport.BotConfig;
import org.guizhoubot.telegram.transport.Updates;
import org.guizhoubot.telegram.state.BotDb;

/**
 * What long polling and the webhook share once the Bot API has said who the bot is: the bot's
 * database ({@code bot.db} in the data folder), the bot itself, and the inbox that records each
 * update before it is handled. Closing it closes the bot, the API and the database.
 */
public final class BotCore implements BotSession {
  private static final Logger log = LoggerFactory.getLogger(BotCore.class);

  final BotApi api;
  final BotApi.Identity me;
  final BotDb feedback;
  final GuizhouBot bot;
  final Inbox inbox;

  private BotCore(BotApi api, BotApi.Identity me, BotDb feedback, GuizhouBot bot, Inbox inbox) {
    this.api = api;
    this.me = me;
    this.feedback = feedback;
    this.bot = bot;
    this.inbox = inbox;
  }

  /** Opens sessions of the bot over {@code library}. */
  public static BotSession.Opener opener(Library library, Settings settings, BotConfig config) {
    return (api, me, json) -> open(library, settings, config, api, me, json);
  }

  /** Opens {@code bot.db} and makes the bot and its inbox; closes {@code api} when the database cannot be opened. */
  static BotCore open(Library library, Settings settings, BotConfig config, BotApi api, BotApi.Identity me,
      ObjectMapper json) throws TelegramBot.BotStartException {
    BotDb feedback;
    try {
      feedback = BotDb.open(settings.dataDir().resolve("bot.db"));
    } catch (BotDb.BotDbException e) {
      api.close();
      throw new TelegramBot.BotStartException(e.getMessage(), e);
    }
    GuizhouBot bot = new GuizhouBot(library, api, config, feedback, me);
    Inbox inbox = new Inbox(feedback, me.id(), json, new Updates(me), bot, config.recoverWithin(), config.keepAnswers(),
        System::currentTimeMillis);
    return new BotCore(api, me, feedback, bot, inbox);
  }

  @Override
  public BotApi api() {
    return api;
  }

  @Override
  public BotApi.Identity me() {
    return me;
  }

  @Override
  public void consume(List<Update> batch) {
    inbox.consume(batch);
  }

  @Override
  public Optional<Runnable> record(Update update) {
    return inbox.record(update);
  }

  @Override
  public void registerCommands() {
    bot.registerCommands();
  }

  @Override
  public void pollFeedsEvery(Duration interval) {
    bot.pollFeedsEvery(interval);
  }

  /** Handles the updates the last run recorded but did not handle; a database failure is logged. */
  @Override
  public void recover() {
    try {
      inbox.recover();
    } catch (BotDb.BotDbException e) {
      log.error("Updates left unhandled at the last stop could not be read: {}", e.getMessage());
    }
  }

  @Override
  public void close() {
    bot.close();
    api.close();
    try {
      feedback.close();
    } catch (RuntimeException e) {
      log.warn("Closing the bot database: {}", e.getMessage());
    }
  }
}
