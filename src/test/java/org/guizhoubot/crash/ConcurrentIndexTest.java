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
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.guizhoubot.App;
import org.guizhoubot.TestFixtures;
import org.guizhoubot.corpus.ArticleReader;
import org.guizhoubot.corpus.Corpus;
import org.guizhoubot.corpus.CorpusFile;
import org.guizhoubot.index.IndexProgress;
import org.guizhoubot.index.PassageSplitter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code guizhou-bot index} and {@code guizhou-bot add --jsonl} started together, each in its own
 * JVM, on one data folder: each article is embedded by one of them only, and the index is whole.
 */
class ConcurrentIndexTest {
  private static final Pattern EMBEDDED = Pattern.compile("(\\d+) passages embedded");

  @TempDir Path dir;

  @Test
  void should_embed_each_article_once_when_index_and_add_jsonl_run_together() throws Exception {
    Path corpus = TestFixtures.copySeeds(dir);
    Path data = dir.resolve("data");
    try (App app = TestFixtures.app(corpus, data)) {
      app.library().reindex(false, IndexProgress.NONE);
    }
    int seedPassages = passages(data);
    for (int i = 0; i < 120; i++) {
      Files.writeString(corpus.resolve(String.format(Locale.ROOT, "report-%03d.md", i)), report(i), StandardCharsets.UTF_8);
    }
    StringBuilder jsonl = new StringBuilder();
    for (int i = 120; i < 150; i++) {
      jsonl.append("{\"id\":\"report-").append(i).append("\",\"title\":\"Report ").append(i).append("\",\"text\":\"")
          .append(report(i).replace("\n", "\\n").replace("\"", "\\\"")).append("\"}\n");
    }
    Path lines = dir.resolve("more.jsonl");
    Files.writeString(lines, jsonl, StandardCharsets.UTF_8);

    Process index = start(dir.resolve("index.log"), "index", "--corpus", corpus.toString(), "--data", data.toString());
    Process add = start(dir.resolve("add.log"), "add", "--jsonl", lines.toString(), "--corpus", corpus.toString(),
        "--data", data.toString());
    assertThat(index.waitFor(10, TimeUnit.MINUTES)).isTrue();
    assertThat(add.waitFor(10, TimeUnit.MINUTES)).isTrue();
    String indexOut = Files.readString(dir.resolve("index.log"));
    String addOut = Files.readString(dir.resolve("add.log"));
    assertThat(index.exitValue()).as(indexOut).isZero();
    assertThat(add.exitValue()).as(addOut).isZero();

    int byIndex = embedded(indexOut);
    int byAdd = embedded(addOut);
    int added = passages(data) - seedPassages;
    System.out.printf(Locale.ROOT, "ConcurrentIndexTest: index embedded %d passages, add --jsonl %d; %d new passages"
        + " in the index; a run left out articles the other committed meanwhile: %s%n", byIndex, byAdd, added,
        (indexOut + addOut).contains("not embedded again"));
    assertThat(byIndex + byAdd).as("passages embedded by the two runs").isEqualTo(added);
    assertWhole(corpus, data);
  }

  private static String report(int i) {
    return "Report " + i + "\n\nGuizhou opened data centre " + i + " in Gui'an with " + (i * 3 + 2) + " halls. Its "
        + (i * 40 + 7) + " engineers run servers for cloud customers across southwest China.\n\nThe centre " + i
        + " draws power from a hydro station on the Wu River and cools its " + (i + 2) + " halls with mountain air"
        + " for most of the year, which cuts its power bill by a third.\n";
  }

  private static int embedded(String output) {
    Matcher m = EMBEDDED.matcher(output);
    assertThat(m.find()).as("a report in: %s", output).isTrue();
    return Integer.parseInt(m.group(1));
  }

  /** SQLite's integrity check, every corpus article indexed, each with the passages the splitter makes of it. */
  private static void assertWhole(Path corpus, Path data) throws Exception {
    Map<String, CorpusFile> files = new HashMap<>();
    for (CorpusFile f : new Corpus(corpus).list().files()) {
      files.put(f.id(), f);
    }
    PassageSplitter splitter = new PassageSplitter(TestFixtures.tokenizer(), TestFixtures.model().maxWordPieces());
    ArticleReader reader = new ArticleReader();
    int articles = 0;
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("index.db"));
        Statement s = c.createStatement()) {
      try (ResultSet r = s.executeQuery("PRAGMA integrity_check")) {
        assertThat(r.next()).isTrue();
        assertThat(r.getString(1)).isEqualTo("ok");
      }
      try (ResultSet r = s.executeQuery("SELECT a.id, a.content_hash, (SELECT COUNT(*) FROM passages p"
          + " WHERE p.article_id = a.id) FROM articles a")) {
        while (r.next()) {
          articles++;
          CorpusFile f = files.get(r.getString(1));
          assertThat(f).as("file of %s", r.getString(1)).isNotNull();
          assertThat(r.getString(2)).as("hash of %s", f.id()).isEqualTo(f.contentHash());
          assertThat(r.getInt(3)).as("passages of %s", f.id()).isEqualTo(splitter.split(reader.read(f.path())).size());
        }
      }
    }
    assertThat(articles).isEqualTo(files.size());
  }

  private static int passages(Path data) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("index.db"));
        Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT COUNT(*) FROM passages")) {
      return r.next() ? r.getInt(1) : 0;
    }
  }

  private static Process start(Path log, String... args) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new ArrayList<>(List.of(java, "-Xmx1g", "-cp", System.getProperty("java.class.path"),
        "org.guizhoubot.cli.Main"));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    pb.environment().put("LOG_LEVEL", "INFO");
    return pb.start();
  }
}
