package org.guizhoubot.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.atomic.AtomicReference;
import org.guizhoubot.LoopbackServer;
import org.guizhoubot.TestFixtures;
import org.guizhoubot.fetch.SafeFetcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorpusImporterTest {
  @TempDir Path dir;

  private static CorpusImporter importer(Corpus corpus, boolean allowPrivate) {
    return new CorpusImporter(corpus, new ArticleReader(), SafeFetcher.of(allowPrivate));
  }

  private static CorpusImporter importer(Corpus corpus) {
    return importer(corpus, false);
  }

  private Path jsonl(String... lines) throws IOException {
    Path file = dir.resolve("in.jsonl");
    Files.writeString(file, String.join("\n", lines));
    return file;
  }

  @Test
  void should_refuse_a_json_line_whose_id_is_a_different_seed_article_and_keep_the_seed() throws Exception {
    Corpus corpus = new Corpus(TestFixtures.copySeeds(dir));
    Path seed = corpus.dir().resolve("big-data-valley-expo.md");
    byte[] before = Files.readAllBytes(seed);

    JsonlImport result = importer(corpus).importJsonl(jsonl(
        "{\"id\": \"big-data-valley-expo\", \"title\": \"Imposter\", \"text\": \"Something else entirely.\"}"), false);

    assertThat(result.articles()).isZero();
    assertThat(result.problems()).singleElement().satisfies(p -> {
      assertThat(p.name()).isEqualTo("in.jsonl line 1");
      assertThat(p.message()).contains("'big-data-valley-expo' (\"Imposter\")", "big-data-valley-expo.md",
          "a different article", "--replace");
    });
    assertThat(Files.readAllBytes(seed)).isEqualTo(before);
  }

  @Test
  void should_replace_a_taken_id_only_when_asked() throws Exception {
    Corpus corpus = new Corpus(TestFixtures.copySeeds(dir));

    JsonlImport result = importer(corpus).importJsonl(jsonl(
        "{\"id\": \"big-data-valley-expo\", \"title\": \"New\", \"text\": \"Replacement text.\"}"), true);

    assertThat(result.replaced()).isEqualTo(1);
    assertThat(result.problems()).isEmpty();
    assertThat(new ArticleReader().read(corpus.dir().resolve("big-data-valley-expo.md")).title()).isEqualTo("New");
  }

  @Test
  void should_report_duplicate_ids_bad_json_and_missing_ids_by_line_and_count_distinct_articles() throws Exception {
    Corpus corpus = new Corpus(dir.resolve("corpus"));
    Path file = jsonl(
        "{\"id\": \"bbc-0001\", \"source\": \"BBC News\", \"text\": \"Chips get faster. Chip makers said so.\"}",
        "{\"id\": \"../etc/passwd\", \"text\": \"x\"}",
        "{\"text\": \"no id here\"}",
        "{\"id\": \"no-text\"}",
        "not json",
        "{\"id\": \"bbc-0002\", \"text\": \"Second article.\"}",
        "{\"id\": \"bbc-0001\", \"title\": \"Chips again\", \"text\": \"A different first article.\"}",
        "[1, 2]");

    JsonlImport result = importer(corpus).importJsonl(file, false);

    assertThat(result.added()).isEqualTo(2);
    assertThat(result.articles()).isEqualTo(2);
    assertThat(result.problems()).extracting(Problem::toString).containsExactly(
        "in.jsonl line 2: id '../etc/passwd' is not a safe file name (1-120 letters, digits, '.', '-' or '_',"
            + " starting with a letter or digit); skipped",
        "in.jsonl line 3: has no \"id\"; skipped",
        "in.jsonl line 4: article 'no-text' has no \"text\"; skipped",
        "in.jsonl line 5: is not valid JSON (error at column 4); skipped",
        "in.jsonl line 7: id 'bbc-0001' appears again (first on line 1); skipped",
        "in.jsonl line 8: is not a JSON object; skipped");
    assertThat(new ArticleReader().read(corpus.dir().resolve("bbc-0001.md")).body()).startsWith("Chips get faster");
  }

  @Test
  void should_find_a_second_import_of_the_same_file_unchanged() throws Exception {
    Corpus corpus = new Corpus(dir.resolve("corpus"));
    Path file = jsonl("{\"id\": \"a1\", \"text\": \"First.\"}", "{\"id\": \"a2\", \"text\": \"Second.\"}");
    importer(corpus).importJsonl(file, false);

    JsonlImport again = importer(corpus).importJsonl(file, false);

    assertThat(again.unchanged()).isEqualTo(2);
    assertThat(again.added() + again.replaced()).isZero();
    assertThat(again.problems()).isEmpty();
  }

  @Test
  void should_write_files_readable_by_everyone_and_leave_no_temporary_files() throws Exception {
    Corpus corpus = new Corpus(dir.resolve("corpus"));

    importer(corpus).addBytes("note.md", "Title\n\nBody text.".getBytes(StandardCharsets.UTF_8), false);
    importer(corpus).importJsonl(jsonl("{\"id\": \"j1\", \"text\": \"Json body.\"}"), false);

    for (String name : new String[] {"note.md", "j1.md"}) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(corpus.dir().resolve(name))))
          .isEqualTo("rw-r--r--");
    }
    try (var files = Files.list(corpus.dir())) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("note.md", "j1.md");
    }
  }

  @Test
  void should_refuse_an_upload_whose_id_is_taken_by_a_file_of_another_type_and_delete_nothing() throws Exception {
    Corpus corpus = new Corpus(dir.resolve("corpus"));
    Files.createDirectories(corpus.dir());
    Files.writeString(corpus.dir().resolve("note.txt"), "Old title\n\nOld body.");
    byte[] upload = "---\ntitle: New title\n---\n\nNew body.".getBytes(StandardCharsets.UTF_8);

    AddOutcome refused = importer(corpus).addBytes("note.md", upload, false);

    assertThat(refused).isInstanceOfSatisfying(AddOutcome.Conflict.class, c -> {
      assertThat(c.existingFile()).isEqualTo("note.txt");
      assertThat(c.existingTitle()).isEqualTo("Old title");
    });
    assertThat(Files.readString(corpus.dir().resolve("note.txt"))).contains("Old body.");
    assertThat(Files.exists(corpus.dir().resolve("note.md"))).isFalse();

    AddOutcome replaced = importer(corpus).addBytes("note.md", upload, true);

    assertThat(replaced).isInstanceOfSatisfying(AddOutcome.Replaced.class,
        r -> assertThat(r.previousFile()).isEqualTo("note.txt"));
    assertThat(corpus.list().files()).extracting(CorpusFile::id).containsExactly("note");
    assertThat(new ArticleReader().read(corpus.fileOf("note").orElseThrow()).title()).isEqualTo("New title");
  }

  @Test
  void should_refuse_a_bad_upload_and_leave_the_corpus_untouched() throws Exception {
    Corpus corpus = new Corpus(dir.resolve("corpus"));

    AddOutcome exe = importer(corpus).addBytes("virus.exe", new byte[] {1, 2}, false);
    AddOutcome big = importer(corpus).addBytes("big.txt", new byte[CorpusImporter.MAX_BYTES + 1], false);

    assertThat(exe).isInstanceOfSatisfying(AddOutcome.Failed.class,
        f -> assertThat(f.problem().toString()).startsWith("virus.exe: unsupported file type"));
    assertThat(big.describe()).contains("larger than 1 MB");
    assertThat(Files.exists(corpus.dir()) ? corpus.list().files() : java.util.List.of()).isEmpty();
  }

  @Test
  void should_refuse_links_that_are_not_http_or_point_at_this_host() {
    Corpus corpus = new Corpus(dir.resolve("corpus"));

    assertThat(importer(corpus).addUrl(URI.create("file:///etc/passwd"), false).describe())
        .contains("only http and https links can be fetched");
    assertThat(importer(corpus).addUrl(URI.create("http://localhost:9/"), false).describe())
        .contains("is a loopback address");
  }

  @Test
  void should_add_a_page_from_a_url_and_update_it_when_fetched_again() throws Exception {
    AtomicReference<String> page = new AtomicReference<>(
        "<html><head><title>Guiyang hosts expo</title></head><body><article><p>The expo opened.</p></article></body></html>");
    try (LoopbackServer server = LoopbackServer.start(
        ex -> LoopbackServer.send(ex, 200, "text/html; charset=utf-8", page.get()))) {
      Corpus corpus = new Corpus(dir.resolve("corpus"));
      String base = server.base();
      CorpusImporter importer = importer(corpus, true);

      AddOutcome first = importer.addUrl(URI.create(base + "/news/expo.html"), false);
      AddOutcome other = importer.addUrl(URI.create(base + "/other/expo.html"), false);
      page.set(page.get().replace("The expo opened.", "The expo opened and closed."));
      AddOutcome again = importer.addUrl(URI.create(base + "/news/expo.html"), false);

      assertThat(first).isInstanceOf(AddOutcome.Added.class);
      assertThat(other).isInstanceOf(AddOutcome.Added.class);
      assertThat(again).isInstanceOf(AddOutcome.Replaced.class);
      Article a = again.storedArticle().orElseThrow();
      assertThat(a.id()).isEqualTo(first.storedArticle().orElseThrow().id()).startsWith("127.0.0.1-news-expo-");
      assertThat(a.url()).isEqualTo(base + "/news/expo.html");
      assertThat(a.body()).isEqualTo("The expo opened and closed.");
      assertThat(corpus.list().files()).hasSize(2);
    }
  }

  @Test
  void should_report_unsupported_and_clashing_files_when_listing() throws Exception {
    Corpus corpus = new Corpus(dir);
    Files.writeString(dir.resolve("a.md"), "A\n\ntext");
    Files.writeString(dir.resolve("a.txt"), "A\n\ntext");
    Files.writeString(dir.resolve("b.exe"), "exe");

    CorpusListing listing = corpus.list();

    assertThat(listing.files()).extracting(CorpusFile::id).containsExactly("a");
    assertThat(listing.skipped()).extracting(Problem::name).containsExactlyInAnyOrder("a.txt", "b.exe");
  }

  @Test
  void should_remove_every_file_of_an_article() throws Exception {
    Corpus corpus = new Corpus(dir);
    Files.writeString(dir.resolve("a.md"), "A\n\ntext");
    Files.writeString(dir.resolve("b.md"), "B\n\ntext");

    assertThat(corpus.remove("a")).containsExactly("a.md");
    assertThat(corpus.remove("missing")).isEmpty();
    assertThat(corpus.list().files()).extracting(CorpusFile::id).containsExactly("b");
  }
}
