package org.guizhoubot.crash;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.guizhoubot.App;
import org.guizhoubot.TestFixtures;
import org.guizhoubot.answer.Outcome;
import org.guizhoubot.corpus.ArticleReader;
import org.guizhoubot.corpus.Corpus;
import org.guizhoubot.corpus.CorpusFile;
import org.guizhoubot.index.IndexProgress;
import org.guizhoubot.index.PassageSplitter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills {@code guizhou-bot index} (its own JVM) with SIGKILL at seeded random moments while it
 * indexes a large addition, and checks after each kill: {@code PRAGMA integrity_check} is ok, every
 * indexed article is whole (its passages are exactly what the splitter makes of its file), the
 * previous index still answers, and finally that the next {@code index} finishes the work.
 *
 * <p>By default 3 kills between 1 and 8 s into runs over the seeds plus 150 generated BBC-like
 * articles. The full run (see BENCHMARKS.md): {@code -Dcrash.kills=20 -Dcrash.maxDelayMs=120000
 * -Dcrash.jsonl=/work/shared/data/bbc-news-2004-2005.jsonl}; {@code -Dcrash.seed} picks other kill points.
 */
class IndexCrashTest {
  private static final String SEED_QUESTION = "Who is the co-founder of Baishan Cloud?";

  @TempDir Path dir;

  @Test
  void should_keep_the_index_whole_and_answering_through_kill_9_during_indexing() throws Exception {
    int kills = Integer.getInteger("crash.kills", 3);
    long seed = Long.getLong("crash.seed", 14L);
    String jsonl = System.getProperty("crash.jsonl");
    Random random = new Random(seed);
    Path corpus = TestFixtures.copySeeds(dir);
    Path data = dir.resolve("data");
    try (App app = TestFixtures.app(corpus, data)) {
      app.library().reindex(false, IndexProgress.NONE);
      if (jsonl != null) {
        app.parts().importer().importJsonl(Path.of(jsonl), false);
      } else {
        writeGeneratedArticles(corpus, Integer.getInteger("crash.articles", 150), random);
      }
    }
    int checks = 0;
    List<String> failures = new ArrayList<>();
    long maxDelay = Long.getLong("crash.maxDelayMs", 8_000L);
    for (int k = 1; k <= kills; k++) {
      long delay = 1_000 + (long) (random.nextDouble() * (maxDelay - 1_000));
      Process p = startIndex(corpus, data, dir.resolve("index-" + k + ".log"));
      boolean finishedFirst = p.waitFor(delay, TimeUnit.MILLISECONDS);
      p.destroyForcibly();
      p.waitFor(30, TimeUnit.SECONDS);
      checks += check(corpus, data, failures, "kill " + k + " at " + delay + " ms" + (finishedFirst ? " (already done)" : ""));
      System.out.printf(Locale.ROOT, "IndexCrashTest: kill %d after %d ms%s; %d articles indexed%n", k, delay,
          finishedFirst ? " (index had finished)" : "", indexedArticles(data));
    }
    Process last = startIndex(corpus, data, dir.resolve("index-final.log"));
    assertThat(last.waitFor(30, TimeUnit.MINUTES)).isTrue();
    assertThat(last.exitValue()).as("the last index run; output: %s", read(dir.resolve("index-final.log"))).isZero();
    checks += check(corpus, data, failures, "after the last run");
    int expected = new Corpus(corpus).list().files().size();
    assertThat(indexedArticles(data)).as("every article indexed in the end").isEqualTo(expected);
    System.out.printf(Locale.ROOT, "IndexCrashTest: %d kills, %d checks, %d failures%n", kills, checks, failures.size());
    assertThat(failures).isEmpty();
  }

  /** Runs the checks; returns how many were made, adding a line per failure. */
  private int check(Path corpus, Path data, List<String> failures, String when) throws Exception {
    int checks = 0;
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("index.db"));
        Statement s = c.createStatement()) {
      try (ResultSet r = s.executeQuery("PRAGMA integrity_check")) {
        r.next();
        checks++;
        if (!"ok".equals(r.getString(1))) {
          failures.add(when + ": integrity_check says " + r.getString(1));
        }
      }
      Map<String, CorpusFile> files = new HashMap<>();
      for (CorpusFile f : new Corpus(corpus).list().files()) {
        files.put(f.id(), f);
      }
      ArticleReader reader = new ArticleReader();
      PassageSplitter splitter = new PassageSplitter(TestFixtures.tokenizer(), TestFixtures.model().maxWordPieces());
      try (ResultSet r = s.executeQuery("SELECT a.id, a.content_hash, (SELECT COUNT(*) FROM passages p"
          + " WHERE p.article_id = a.id) FROM articles a")) {
        while (r.next()) {
          checks++;
          CorpusFile f = files.get(r.getString(1));
          if (f == null || !f.contentHash().equals(r.getString(2))) {
            failures.add(when + ": article " + r.getString(1) + " does not match its file");
            continue;
          }
          int expected = splitter.split(reader.read(f.path())).size();
          if (expected != r.getInt(3)) {
            failures.add(when + ": article " + r.getString(1) + " has " + r.getInt(3) + " passages, the splitter makes " + expected);
          }
        }
      }
    }
    try (App app = TestFixtures.app(corpus, data)) {
      checks++;
      Outcome o = app.library().answer(SEED_QUESTION).outcome();
      if (!(o instanceof Outcome.Answered a) || a.citations().isEmpty()) {
        failures.add(when + ": the index no longer answers '" + SEED_QUESTION + "'");
      }
    }
    return checks;
  }

  private static int indexedArticles(Path data) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("index.db"));
        Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT COUNT(*) FROM articles")) {
      return r.next() ? r.getInt(1) : 0;
    }
  }

  /** Articles of 3 to 12 paragraphs made of the seeds' sentences in a seeded random order. */
  private static void writeGeneratedArticles(Path corpus, int count, Random random) throws IOException {
    List<String> sentences = new ArrayList<>();
    try (Stream<Path> seeds = Files.list(TestFixtures.seeds())) {
      for (Path f : seeds.toList()) {
        for (String s : Files.readString(f, StandardCharsets.UTF_8).split("(?<=[.!?])\\s+")) {
          if (s.length() > 40 && !s.contains("---") && !s.contains(":")) {
            sentences.add(s.strip());
          }
        }
      }
    }
    for (int i = 0; i < count; i++) {
      StringBuilder text = new StringBuilder("Generated report number " + i + "\n\n");
      int paragraphs = 3 + random.nextInt(10);
      for (int p = 0; p < paragraphs; p++) {
        for (int n = 0; n < 3; n++) {
          text.append(sentences.get(random.nextInt(sentences.size()))).append(' ');
        }
        text.append("\n\n");
      }
      Files.writeString(corpus.resolve(String.format(Locale.ROOT, "generated-%03d.md", i)), text, StandardCharsets.UTF_8);
    }
  }

  private static Process startIndex(Path corpus, Path data, Path log) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return new ProcessBuilder(java, "-Xmx1g", "-cp", System.getProperty("java.class.path"), "org.guizhoubot.cli.Main",
        "index", "--corpus", corpus.toString(), "--data", data.toString())
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
  }

  private static String read(Path log) {
    try {
      return Files.readString(log, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "(no output: " + e.getMessage() + ")";
    }
  }
}
