package org.guizhoubot.cli;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.guizhoubot.App;
import org.guizhoubot.config.Settings;
import org.guizhoubot.telegram.transport.BotConfig;
import org.guizhoubot.telegram.transport.BotSession;
import org.guizhoubot.telegram.transport.TelegramBot;
import org.guizhoubot.telegram.chat.BotCore;
import org.guizhoubot.telegram.transport.WebhookBot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "bot", mixinStandardHelpOptions = true,
    description = {"Runs the Telegram bot until stopped with Ctrl-C or SIGTERM.",
        "It long-polls Telegram; with --webhook it is one of several replicas",
        "receiving updates over HTTP behind a load balancer.",
        "Environment:",
        "  TELEGRAM_BOT_TOKEN  the bot's token from @BotFather (required)",
        "  TELEGRAM_API_URL    Bot API base URL, for a local Bot API server",
        "                      (default https://api.telegram.org)",
        "  BOT_ADMIN_IDS       comma-separated Telegram user ids of the admins, who may",
        "                      run every admin command (/help lists them) and upload",
        "                      articles",
        "  TELEGRAM_WEBHOOK_SECRET  with --webhook: the secret Telegram sends in",
        "                      X-Telegram-Bot-Api-Secret-Token (required)"})
final class BotCommand implements Callable<Integer> {
  private static final Logger log = LoggerFactory.getLogger(BotCommand.class);

  @ParentCommand Cli cli;
  @Mixin CommonOptions common;

  @Option(names = "--webhook", description = "Receive updates on webhook.port at webhook.path instead of polling.")
  boolean webhook;

  @Option(names = "--set-webhook", description = "With --webhook: point Telegram at webhook.url first"
      + " (once per deployment; stopping a replica never removes the webhook).")
  boolean setWebhook;

  @Override
  public Integer call() throws Exception {
    Settings settings = cli.settings(common);
    if (settings.telegramToken() == null) {
      throw new BadInputException("TELEGRAM_BOT_TOKEN is not set; create a bot with @BotFather and export its token");
    }
    if (setWebhook && !webhook) {
      throw new BadInputException("--set-webhook goes with --webhook");
    }
    App app = cli.open(settings);
    app.parts().warmUp();
    AutoCloseable bot;
    String username;
    try {
      BotConfig config = BotConfig.from(settings);
      BotSession.Opener opener = BotCore.opener(app.library(), settings, config);
      if (webhook) {
        WebhookBot replica = WebhookBot.start(settings, config, opener, setWebhook);
        bot = replica;
        username = replica.identity().username();
      } else {
        TelegramBot polling = TelegramBot.start(settings, config, opener);
        bot = polling;
        username = polling.identity().username();
      }
    } catch (TelegramBot.BotStartException e) {
      app.close();
      throw new BadInputException(e.getMessage());
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Thread hook = new Thread(() -> {
      log.info("Stopping the bot");
      try {
        bot.close();
      } catch (Exception e) {
        log.warn("Stopping the bot failed", e);
      }
      app.close();
      stopped.countDown();
    }, "bot-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    cli.out.println("Bot @" + username + " is running; stop it with Ctrl-C.");
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
