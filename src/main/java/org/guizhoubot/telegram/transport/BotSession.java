package org.guizhoubot.telegram.transport;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.telegram.telegrambots.meta.api.objects.Update;

/**
 * The bot that long polling or the webhook hands updates to, once the Bot API has said who the
 * bot is. Closing it closes the bot, the API and the bot's database.
 */
public interface BotSession extends AutoCloseable {
  BotApi api();

  BotApi.Identity me();

  /** Records a polled batch, then handles each update. */
  void consume(List<Update> batch);

  /**
   * Records one posted update; the action to run once the post is answered handles it, and is
   * empty when the update is not to be handled (a repeat, or the bot is closing).
   */
  Optional<Runnable> record(Update update);

  /** Handles the updates the last run recorded but did not handle. */
  void recover();

  void registerCommands();

  void pollFeedsEvery(Duration interval);

  @Override
  void close();

  /** Opens the session over the API and the identity it answered with. */
  interface Opener {
    BotSession open(BotApi api, BotApi.Identity me, ObjectMapper json) throws TelegramBot.BotStartException;
  }
}
