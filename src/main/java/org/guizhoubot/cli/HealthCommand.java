package org.guizhoubot.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.guizhoubot.config.Settings;
import org.guizhoubot.index.ArticleMeta;
import org.guizhoubot.sqlite.IndexStore;
import org.guizhoubot.solr.SolrIndex;
import org.guizhoubot.solr.SolrView;
import org.guizhoubot.logging.Redactor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * A cheap check for a container's HEALTHCHECK: the index exists and holds articles, and the bot's
 * heartbeat file, when there is one, is fresh. Never builds or changes anything; exit 0 healthy, 1 not.
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
    try {
      if (settings.solrIndex()) {
        try (SolrIndex solr = SolrIndex.connect(settings.solr())) {
          Optional<SolrView> view = solr.view();
          if (view.isEmpty() || view.get().articleCount() == 0) {
            return unhealthy("Solr alias " + solr.alias() + (view.isEmpty() ? " names no collection"
                : " names an empty collection") + " (run the index command, or start the bot once)");
          }
          return heartbeat(settings, view.get().articleCount(), view.get().passageCount(), "");
        }
      }
      Path indexFile = settings.indexFile();
      if (!Files.isRegularFile(indexFile)) {
        return unhealthy("no index at " + indexFile + " (run the index command, or start the bot once)");
      }
      int articles;
      int passages = 0;
      Optional<IndexStore.Indexing> indexing;
      try (IndexStore store = IndexStore.open(indexFile)) {
        Map<String, ArticleMeta> all = store.articles();
        articles = all.size();
        for (ArticleMeta a : all.values()) {
          passages += a.passageCount();
        }
        indexing = store.indexing();
      }
      if (indexing.isPresent() && indexing.get().running()) {
        cli.out.println("healthy: indexing, " + articles + " of " + indexing.get().corpusArticles() + " articles");
        return Cli.OK;
      }
      String stopped = indexing.map(i -> "; an indexing run stopped at " + articles + " of " + i.corpusArticles()
          + " articles (run the index command to go on)").orElse("");
      if (articles == 0) {
        return unhealthy("the index at " + indexFile + " holds no articles (is the corpus folder "
            + settings.corpusDir() + " empty?)" + stopped);
      }
      return heartbeat(settings, articles, passages, stopped);
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
