package org.guizhoubot.cli;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.guizhoubot.App;
import org.guizhoubot.config.Settings;
import org.guizhoubot.telegram.BotConfig;
import org.guizhoubot.telegram.TelegramBot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

@Command(name = "bot", mixinStandardHelpOptions = true,
    description = {"Runs the Telegram bot (long polling) until stopped with Ctrl-C or SIGTERM.",
        "Environment:",
        "  TELEGRAM_BOT_TOKEN  the bot's token from @BotFather (required)",
        "  TELEGRAM_API_URL    Bot API base URL (default https://api.telegram.org)",
        "  BOT_ADMIN_IDS       comma-separated Telegram user ids of the admins",
        "                      (/reindex, /add, /stats, document uploads)"})
final class BotCommand implements Callable<Integer> {
  private static final Logger log = LoggerFactory.getLogger(BotCommand.class);

  @ParentCommand Cli cli;
  @Mixin CommonOptions common;

  @Override
  public Integer call() throws Exception {
    Settings settings = cli.settings(common);
    if (settings.telegramToken() == null) {
      throw new BadInputException("TELEGRAM_BOT_TOKEN is not set; create a bot with @BotFather and export its token");
    }
    App app = cli.open(settings);
    TelegramBot bot;
    try {
      bot = TelegramBot.start(app.library(), settings, BotConfig.from(settings));
    } catch (TelegramBot.BotStartException e) {
      app.close();
      throw new BadInputException(e.getMessage());
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Thread hook = new Thread(() -> {
      log.info("Stopping the bot");
      bot.close();
      app.close();
      stopped.countDown();
    }, "bot-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    cli.out.println("Bot @" + bot.identity().username() + " is running; stop it with Ctrl-C.");
    cli.out.flush();
    try {
      app.library().status();
    } catch (RuntimeException e) {
      log.error("Could not load the index; questions will fail until it is fixed", e);
    }
    while (!stopped.await(1, TimeUnit.HOURS)) {
      log.debug("Bot still running");
    }
    return Cli.OK;
  }
}
