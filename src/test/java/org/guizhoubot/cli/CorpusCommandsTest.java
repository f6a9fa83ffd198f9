package org.guizhoubot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.guizhoubot.LoopbackServer;
import org.guizhoubot.TestFixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** add, list, remove and feed end to end through the CLI: real model, real SQLite, feeds on loopback. */
class CorpusCommandsTest {
  @TempDir Path dir;
  private Path corpus;
  private Path data;
  private LoopbackServer server;
  private String base;
  private final Map<String, String[]> pages = new ConcurrentHashMap<>();

  /** The CLI over this test's folders, with the shared model (not a new one per command). */
  private CliTest.Run run(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--corpus", corpus.toString(), "--data", data.toString()));
    return CliTest.run(TestFixtures::app, Map.of("FETCH_ALLOW_PRIVATE", "true"), "", all.toArray(String[]::new));
  }

  @BeforeEach
  void setUp() throws Exception {
    corpus = TestFixtures.copySeeds(dir);
    data = dir.resolve("data");
    server = LoopbackServer.start(ex -> {
      String[] page = pages.get(ex.getRequestURI().getPath());
      LoopbackServer.send(ex, page == null ? 404 : 200, page == null ? "text/plain" : page[0],
          page == null ? "missing" : page[1]);
    });
    base = server.base();
  }

  @AfterEach
  void tearDown() {
    server.close();
  }

  private void page(String path, String title, String text) {
    pages.put(path, new String[] {"text/html; charset=utf-8",
        "<html><head><title>" + title + "</title></head><body><article><p>" + text + "</p></article></body></html>"});
  }

  private void rss(String path, String... links) {
    StringBuilder items = new StringBuilder();
    for (String link : links) {
      items.append("<item><title>").append(link).append("</title><link>").append(base).append(link)
          .append("</link></item>");
    }
    pages.put(path, new String[] {"application/rss+xml",
        "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Guizhou wire</title><link>" + base
            + "</link><description>d</description>" + items + "</channel></rss>"});
  }

  @Test
  void should_answer_a_new_feed_item_after_one_poll_and_skip_duplicates_and_failing_feeds() throws Exception {
    page("/story1.html", "Zunyi opens a quantum lab",
        "The city of Zunyi opened a quantum computing laboratory with 40 researchers on Friday.");
    rss("/feed.xml", "/story1.html");
    assertThat(run("feed", "add", base + "/feed.xml").out()).contains("Subscribed to " + base + "/feed.xml (Guizhou wire): 1 items");
    pages.put("/broken.xml", new String[] {"application/rss+xml", "<rss><channel>"});
    rss("/dead.xml");
    assertThat(run("feed", "add", base + "/dead.xml").code()).isZero();
    pages.remove("/dead.xml");

    CliTest.Run poll = run("feed", "poll");

    assertThat(poll.out()).contains(base + "/feed.xml: 1 new, 0 duplicates", "Zunyi opens a quantum lab",
        "failed " + base + "/dead.xml: the server answered HTTP 404 (1 in a row");
    assertThat(poll.code()).isEqualTo(1);
    CliTest.Run ask = run("ask", "How many researchers work at the Zunyi quantum computing laboratory?");
    assertThat(ask.out()).contains("40");

    page("/copy.html", "Zunyi opens a quantum lab",
        "The city of Zunyi opened a quantum computing laboratory with 40 researchers on Friday.");
    page("/story2.html", "Anshun builds a data port", "Anshun is building a data port for 3 billion yuan.");
    rss("/feed.xml", "/story2.html", "/copy.html", "/story1.html");

    CliTest.Run second = run("feed", "poll");

    assertThat(second.out()).contains(base + "/feed.xml: 1 new, 1 duplicates", "Anshun builds a data port")
        .doesNotContain("Added 127.0.0.1-story1");
    assertThat(run("feed", "list").out()).contains("dead.xml", "2 failures in a row");
    assertThat(run("feed", "remove", base + "/dead.xml").code()).isZero();
    assertThat(run("feed", "list").out()).contains("1 feeds");
  }

  @Test
  void should_show_an_html_pages_timestamp_as_its_date_and_its_author_as_its_source() throws Exception {
    pages.put("/expo.html", new String[] {"text/html; charset=utf-8", "<html><head><title>Kaili opens a data hall</title>"
        + "<meta property=\"article:published_time\" content=\"2025-03-18T09:00:00+08:00\">"
        + "<meta name=\"author\" content=\"Qiandongnan Wire\"></head><body><article>"
        + "<p>Kaili opened a data hall with 70 servers on Tuesday.</p></article></body></html>"});

    CliTest.Run add = run("add", base + "/expo.html");

    assertThat(add.code()).isZero();
    CliTest.Run list = run("list");
    String first = list.out().lines().findFirst().orElseThrow();
    assertThat(first).matches("2025-03-18  127\\.0\\.0\\.1-expo\\S*  Kaili opens a data hall \\(Qiandongnan Wire\\)");
    String id = first.split("  ")[1];
    assertThat(run("ask", "How many servers does the Kaili data hall have?").out())
        .contains("Kaili opens a data hall, Qiandongnan Wire, 2025-03-18").doesNotContain("T09:00");
    assertThat(Files.readString(corpus.resolve(id + ".md"))).contains("2025-03-18T09:00:00+08:00");
  }

  @Test
  void should_remove_nothing_and_not_reindex_when_no_id_is_known() throws Exception {
    run("list");
    Path index = data.resolve("index.db");
    byte[] indexBefore = Files.readAllBytes(index);
    java.nio.file.attribute.FileTime modified = Files.getLastModifiedTime(index);
    List<String> corpusBefore = Files.list(corpus).map(Path::toString).sorted().toList();

    CliTest.Run remove = run("remove", "no-such-id");

    assertThat(remove.code()).isEqualTo(1);
    assertThat(remove.out()).startsWith("Nothing removed, and the index is unchanged: no article has the id no-such-id")
        .doesNotContain("Indexed");
    assertThat(Files.readAllBytes(index)).isEqualTo(indexBefore);
    assertThat(Files.getLastModifiedTime(index)).isEqualTo(modified);
    assertThat(Files.list(corpus).map(Path::toString).sorted().toList()).isEqualTo(corpusBefore);
  }

  @Test
  void should_refuse_a_feed_that_is_not_one() {
    pages.put("/page.xml", new String[] {"application/xml", "<html>no feed</html>"});

    CliTest.Run r = run("feed", "add", base + "/page.xml");

    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out()).contains("is not a readable RSS or Atom feed");
  }

  @Test
  void should_refuse_a_jsonl_clash_with_exit_code_1_and_list_and_remove_articles() throws Exception {
    Path jsonl = dir.resolve("in.jsonl");
    Files.writeString(jsonl, String.join("\n",
        "{\"id\": \"big-data-valley-expo\", \"title\": \"Imposter\", \"text\": \"Other text.\"}",
        "{\"id\": \"new-one\", \"title\": \"Kaili hosts a hackathon\", \"published\": \"2030-01-02\","
            + " \"source\": \"Test Wire\", \"text\": \"Kaili hosted a hackathon for 200 students.\"}",
        "{\"id\": \"new-one\", \"text\": \"Again.\"}"));
    byte[] seed = Files.readAllBytes(corpus.resolve("big-data-valley-expo.md"));

    CliTest.Run add = run("add", "--jsonl", jsonl.toString());

    assertThat(add.code()).isEqualTo(1);
    assertThat(add.out()).contains("1 articles: 1 new, 0 replaced, 0 unchanged; 2 skipped",
        "in.jsonl line 1: id 'big-data-valley-expo'", "in.jsonl line 3: id 'new-one' appears again (first on line 2)");
    assertThat(Files.readAllBytes(corpus.resolve("big-data-valley-expo.md"))).isEqualTo(seed);

    CliTest.Run list = run("list");
    assertThat(list.out().lines().findFirst().orElseThrow())
        .isEqualTo("2030-01-02  new-one  Kaili hosts a hackathon (Test Wire)");
    assertThat(list.out()).contains("6 articles");
    JsonNode json = new ObjectMapper().readTree(run("list", "--json").out());
    assertThat(json).hasSize(6);
    assertThat(json.get(0).get("id").asText()).isEqualTo("new-one");

    CliTest.Run remove = run("remove", "new-one", "nope");
    assertThat(remove.code()).isEqualTo(1);
    assertThat(remove.out()).contains("Removed new-one: Kaili hosts a hackathon (new-one.md)", "skipped nope: no such article");
    assertThat(run("list").out()).contains("5 articles").doesNotContain("new-one");
  }
}
