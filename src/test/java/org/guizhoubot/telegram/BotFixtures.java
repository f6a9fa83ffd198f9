package org.guizhoubot.telegram;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.guizhoubot.App;
import org.guizhoubot.TestFixtures;
import org.guizhoubot.config.Settings;
import org.guizhoubot.library.Library;
import org.guizhoubot.telegram.chat.BotCore;
import org.guizhoubot.telegram.transport.BotConfig;
import org.guizhoubot.telegram.transport.TelegramBot;
import org.guizhoubot.telegram.transport.WebhookBot;

/** Shared fixtures of the bot tests: the real model loaded once per JVM, apps over copies of the seed corpus. */
public final class BotFixtures {
  public static final long ADMIN = 9_000_000_001L;
  public static final long USER = 9_000_000_002L;

  private BotFixtures() {}

  /** An indexed app over a copy of the repository's corpus/ in {@code dir}, with the shared model. */
  /** An app over a copy of the seeds; fetching from loopback is allowed, as the fake serves pages there. */
  public static App app(Path dir) {
    return app(dir, java.util.Map.of());
  }

  /** {@link #app(Path)} with further settings by key, such as {@code llm.base.url}. */
  public static App app(Path dir, java.util.Map<String, String> more) {
    java.util.Map<String, String> flags = new java.util.HashMap<>(more);
    flags.put("corpus.dir", TestFixtures.copySeeds(dir).toString());
    flags.put("data.dir", dir.resolve("data").toString());
    flags.put("fetch.allow.private", "true");
    var settings = new org.guizhoubot.config.SettingsLoader(java.util.Map.of(), dir).load(null, flags);
    App app = new App(settings, TestFixtures.model(), org.guizhoubot.bench.FlatVectorIndex::new);
    app.library().status();
    return app;
  }

  /** Test timings: short calls and polls, back-off from 100 ms to 1 s. */
  public static BotConfig config(String token, String apiUrl) {
    return new BotConfig(token, apiUrl, Set.of(ADMIN), 4, 30, Duration.ofSeconds(3), 1,
        Duration.ofMillis(100), Duration.ofSeconds(1), Duration.ofMinutes(10), Duration.ofDays(90));
  }

  /** Waits up to {@code timeout} for a condition; false when it never held. */
  public static boolean await(Duration timeout, BooleanSupplier condition) {
    long end = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < end) {
      if (condition.getAsBoolean()) {
        return true;
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return condition.getAsBoolean();
  }

  /** A long-polling bot over {@code library}, as the bot command starts it. */
  public static TelegramBot polling(Library library, Settings settings, BotConfig config)
      throws TelegramBot.BotStartException {
    return TelegramBot.start(settings, config, BotCore.opener(library, settings, config));
  }

  /** A webhook replica over {@code library}, as the bot command starts it. */
  public static WebhookBot webhook(Library library, Settings settings, BotConfig config, boolean setWebhook)
      throws TelegramBot.BotStartException {
    return WebhookBot.start(settings, config, BotCore.opener(library, settings, config), setWebhook);
  }
}
