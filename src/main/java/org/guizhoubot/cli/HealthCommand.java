package org.guizhoubot.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.guizhoubot.App;
import org.guizhoubot.config.Settings;
import org.guizhoubot.library.Health;
import org.guizhoubot.logging.Redactor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * A cheap check for a container's HEALTHCHECK, through {@link org.guizhoubot.library.Library#health()}:
 * the index exists and holds articles, and the bot's heartbeat file, when there is one, is fresh.
 * Never builds or changes anything; exit 0 healthy, 1 not.
 */
@Command(name = "health", mixinStandardHelpOptions = true,
    description = {"Checks that the index opens and holds articles.",
        "When data/heartbeat is present, also checks that the bot's heartbeat is recent.",
        "Exit code 0: healthy; 1: not (the reason is printed)."})
final class HealthCommand implements Callable<Integer> {
  @ParentCommand Cli cli;
  @Mixin CommonOptions common;

  @Option(names = "--max-heartbeat-age", paramLabel = "SECONDS", defaultValue = "300",
      description = "Oldest acceptable heartbeat, in seconds (default: ${DEFAULT-VALUE}).")
  long maxHeartbeatAge;

  @Override
  public Integer call() {
    if (maxHeartbeatAge < 1) {
      throw new BadInputException("--max-heartbeat-age must be at least 1, was " + maxHeartbeatAge);
    }
    Settings settings = cli.settings(common);
    try (App app = cli.open(settings)) {
      Health health = app.library().health();
      Optional<Health.Indexing> indexing = health.indexing();
      if (indexing.isPresent() && indexing.get().running()) {
        cli.out.println("healthy: indexing, " + health.articles() + " of " + indexing.get().corpusArticles()
            + " articles");
        return Cli.OK;
      }
      String stopped = indexing.map(i -> "; an indexing run stopped at " + health.articles() + " of "
          + i.corpusArticles() + " articles (run the index command to go on)").orElse("");
      if (health.problem().isPresent()) {
        return unhealthy(health.problem().get() + stopped);
      }
      return heartbeat(settings, health.articles(), health.passages(), stopped);
    } catch (IOException | RuntimeException e) {
      return unhealthy(Redactor.redact(e.toString()));
    }
  }

  private int heartbeat(Settings settings, int articles, int passages, String stopped) throws IOException {
    String beat = "";
    Path heartbeat = settings.heartbeatFile();
    if (Files.exists(heartbeat)) {
      Duration age = Duration.between(Files.getLastModifiedTime(heartbeat).toInstant(), Instant.now());
      if (age.getSeconds() > maxHeartbeatAge) {
        return unhealthy("the bot's heartbeat " + heartbeat + " is " + age.getSeconds()
            + " s old (limit " + maxHeartbeatAge + " s): the bot is not polling Telegram");
      }
      beat = ", heartbeat " + Math.max(0, age.getSeconds()) + " s old";
    }
    cli.out.println("healthy: " + articles + " articles, " + passages + " passages" + beat + stopped);
    return Cli.OK;
  }

  private int unhealthy(String reason) {
    cli.out.println("unhealthy: " + reason);
    return Cli.BAD_INPUT;
  }
}
