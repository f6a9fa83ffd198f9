package org.guizhoubot.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorpusImporterTest {
  @TempDir Path dir;

  private CorpusImporter importer(Corpus corpus) {
    return new CorpusImporter(corpus, new ArticleReader(), HttpClient.newHttpClient());
  }

  @Test
  void should_import_json_lines_refusing_unsafe_ids_and_updating_existing_ones() throws Exception {
    Corpus corpus = new Corpus(dir.resolve("corpus"));
    Path jsonl = dir.resolve("in.jsonl");
    Files.writeString(jsonl, String.join("\n",
        "{\"id\": \"bbc-0001\", \"category\": \"tech\", \"source\": \"BBC News\", \"text\": \"Chips get faster Chip makers said on Monday that chips got faster.\"}",
        "{\"id\": \"../etc/passwd\", \"text\": \"x\"}",
        "{\"id\": \"no-text\"}",
        "not json",
        "{\"id\": \"bbc-0001\", \"title\": \"Chips\", \"text\": \"Updated text about chips.\", \"url\": \"https://example.org/c\"}"));

    CorpusImporter.JsonlImport result = importer(corpus).importJsonl(jsonl);

    assertThat(result.imported()).isEqualTo(2);
    assertThat(result.problems()).extracting(Problem::name)
        .containsExactly("in.jsonl line 2", "in.jsonl line 3", "in.jsonl line 4");
    assertThat(result.problems().get(0).message()).contains("not a safe file name");
    Article a = new ArticleReader().read(corpus.dir().resolve("bbc-0001.md"));
    assertThat(a.title()).isEqualTo("Chips");
    assertThat(a.body()).isEqualTo("Updated text about chips.");
    assertThat(a.url()).isEqualTo("https://example.org/c");
    assertThat(corpus.list().files()).hasSize(1);
  }

  @Test
  void should_add_uploaded_bytes_and_replace_an_article_of_another_extension() throws Exception {
    Corpus corpus = new Corpus(dir.resolve("corpus"));
    Files.createDirectories(corpus.dir());
    Files.writeString(corpus.dir().resolve("note.txt"), "Old title\n\nOld body.");

    Article a = importer(corpus).addBytes("note.md",
        "---\ntitle: New title\n---\n\nNew body.".getBytes(StandardCharsets.UTF_8));

    assertThat(a.title()).isEqualTo("New title");
    assertThat(corpus.list().files()).extracting(CorpusFile::id).containsExactly("note");
    assertThat(Files.exists(corpus.dir().resolve("note.txt"))).isFalse();
  }

  @Test
  void should_refuse_a_bad_upload_and_leave_the_corpus_untouched() throws Exception {
    Corpus corpus = new Corpus(dir.resolve("corpus"));

    assertThatThrownBy(() -> importer(corpus).addBytes("virus.exe", new byte[] {1, 2}))
        .isInstanceOf(ArticleFormatException.class).hasMessageContaining("virus.exe");
    assertThatThrownBy(() -> importer(corpus).addBytes("big.txt", new byte[CorpusImporter.MAX_BYTES + 1]))
        .hasMessageContaining("larger than 1 MB");
    assertThat(Files.exists(corpus.dir()) ? corpus.list().files() : java.util.List.of()).isEmpty();
  }

  @Test
  void should_refuse_links_that_are_not_http() {
    Corpus corpus = new Corpus(dir.resolve("corpus"));

    assertThatThrownBy(() -> importer(corpus).addUrl(URI.create("file:///etc/passwd")))
        .isInstanceOf(ArticleFormatException.class).hasMessageContaining("only http and https");
  }

  @Test
  void should_make_safe_ids_from_urls() {
    assertThat(CorpusImporter.idFromUrl(URI.create("https://example.org/news/2019/big-data.html?x=1")))
        .isEqualTo("big-data");
    assertThat(CorpusImporter.idFromUrl(URI.create("https://example.org/"))).isEqualTo("example.org");
    assertThat(ArticleIds.isSafe(CorpusImporter.idFromUrl(URI.create("https://example.org/%E4%B8%AD/")))).isTrue();
  }

  @Test
  void should_report_unsupported_and_clashing_files_when_listing() throws Exception {
    Corpus corpus = new Corpus(dir);
    Files.writeString(dir.resolve("a.md"), "A\n\ntext");
    Files.writeString(dir.resolve("a.txt"), "A\n\ntext");
    Files.writeString(dir.resolve("b.pdf"), "pdf");

    CorpusListing listing = corpus.list();

    assertThat(listing.files()).extracting(CorpusFile::id).containsExactly("a");
    assertThat(listing.skipped()).extracting(Problem::name).containsExactlyInAnyOrder("a.txt", "b.pdf");
  }
}
