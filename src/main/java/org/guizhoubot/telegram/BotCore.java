package org.guizhoubot.telegram;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.guizhoubot.config.Settings;
import org.guizhoubot.library.Library;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What long polling and the webhook share once the Bot API has said who the bot is: the bot's
 * database ({@code bot.db} in the data folder), the bot itself, and the inbox that records each
 * update before it is handled. Closing it closes the bot, the API and the database.
 */
final class BotCore implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(BotCore.class);

  final BotApi api;
  final BotApi.Identity me;
  final FeedbackStore feedback;
  final GuizhouBot bot;
  final Inbox inbox;

  private BotCore(BotApi api, BotApi.Identity me, FeedbackStore feedback, GuizhouBot bot, Inbox inbox) {
    this.api = api;
    this.me = me;
    this.feedback = feedback;
    this.bot = bot;
    this.inbox = inbox;
  }

  /** Opens {@code bot.db} and makes the bot and its inbox; closes {@code api} when the database cannot be opened. */
  static BotCore open(Library library, Settings settings, BotConfig config, BotApi api, BotApi.Identity me,
      ObjectMapper json) throws TelegramBot.BotStartException {
    FeedbackStore feedback;
    try {
      feedback = FeedbackStore.open(settings.dataDir().resolve("bot.db"));
    } catch (FeedbackStore.FeedbackStoreException e) {
      api.close();
      throw new TelegramBot.BotStartException(e.getMessage(), e);
    }
    GuizhouBot bot = new GuizhouBot(library, api, config, feedback, me);
    Inbox inbox = new Inbox(feedback, me.id(), json, new Updates(me), bot, config.recoverWithin(), config.keepAnswers(),
        System::currentTimeMillis);
    return new BotCore(api, me, feedback, bot, inbox);
  }

  /** Handles the updates the last run recorded but did not handle; a database failure is logged. */
  void recover() {
    try {
      inbox.recover();
    } catch (FeedbackStore.FeedbackStoreException e) {
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
