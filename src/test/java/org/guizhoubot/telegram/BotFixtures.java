package org.guizhoubot.telegram;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.guizhoubot.App;
import org.guizhoubot.TestFixtures;

/** Shared fixtures of the bot tests: the real model loaded once per JVM, apps over copies of the seed corpus. */
final class BotFixtures {
  static final long ADMIN = 9_000_000_001L;
  static final long USER = 9_000_000_002L;

  private BotFixtures() {}

  /** An indexed app over a copy of the repository's corpus/ in {@code dir}, with the shared model. */
  /** An app over a copy of the seeds; fetching from loopback is allowed, as the fake serves pages there. */
  static App app(Path dir) {
    var settings = new org.guizhoubot.config.SettingsLoader(java.util.Map.of(), dir).load(null, java.util.Map.of(
        "corpus.dir", TestFixtures.copySeeds(dir).toString(), "data.dir", dir.resolve("data").toString(),
        "fetch.allow.private", "true"));
    App app = new App(settings, TestFixtures.model(), org.guizhoubot.bench.FlatVectorIndex::new);
    app.library().status();
    return app;
  }

  /** Test timings: short calls and polls, back-off from 100 ms to 1 s. */
  static BotConfig config(String token, String apiUrl) {
    return new BotConfig(token, apiUrl, Set.of(ADMIN), 4, 30, Duration.ofSeconds(3), 1,
        Duration.ofMillis(100), Duration.ofSeconds(1));
  }

  /** Waits up to {@code timeout} for a condition; false when it never held. */
  static boolean await(Duration timeout, BooleanSupplier condition) {
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
}
