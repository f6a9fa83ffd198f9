package org.guizhoubot.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the corpus folder lists and what it refuses: oversized files, links out of the folder. */
class CorpusTest {
  @TempDir Path dir;

  @Test
  void should_skip_a_file_over_the_size_cap_naming_it_and_list_the_others() throws Exception {
    Path corpus = Files.createDirectories(dir.resolve("corpus"));
    Files.writeString(corpus.resolve("small.md"), "Title\nA short article.\n", StandardCharsets.UTF_8);
    Files.writeString(corpus.resolve("huge.txt"), "Title\n" + "word ".repeat(300), StandardCharsets.UTF_8);

    CorpusListing listing = new Corpus(corpus, 1_000).list();

    assertThat(listing.files()).extracting(CorpusFile::id).containsExactly("small");
    assertThat(listing.skipped()).singleElement().satisfies(p -> {
      assertThat(p.name()).isEqualTo("huge.txt");
      assertThat(p.message()).contains("over the", "limit (corpus.max.file.mb); skipped");
    });
  }

  @Test
  void should_not_follow_a_link_out_of_the_corpus_folder_but_keep_a_link_inside_it() throws Exception {
    Path corpus = Files.createDirectories(dir.resolve("corpus"));
    Path secret = Files.writeString(dir.resolve("passwd.txt"), "root:x:0:0:root:/root:/bin/bash\n", StandardCharsets.UTF_8);
    Files.writeString(corpus.resolve("real.md"), "Title\nA real article.\n", StandardCharsets.UTF_8);
    Files.createSymbolicLink(corpus.resolve("passwd.txt"), secret);
    Files.createSymbolicLink(corpus.resolve("alias.md"), corpus.resolve("real.md"));

    CorpusListing listing = new Corpus(corpus).list();

    assertThat(listing.files()).extracting(CorpusFile::id).containsExactlyInAnyOrder("real", "alias");
    assertThat(listing.skipped()).singleElement().satisfies(p -> {
      assertThat(p.name()).isEqualTo("passwd.txt");
      assertThat(p.message()).contains("outside the corpus folder");
    });
  }

  @Test
  void should_delete_temporary_files_a_killed_import_left_but_not_a_fresh_one() throws Exception {
    Path corpus = Files.createDirectories(dir.resolve("corpus"));
    Files.writeString(corpus.resolve("real.md"), "Title\nA real article.\n", StandardCharsets.UTF_8);
    Path stale = Files.writeString(corpus.resolve(".import-123.tmp"), "", StandardCharsets.UTF_8);
    Files.setLastModifiedTime(stale, java.nio.file.attribute.FileTime.from(java.time.Instant.now().minusSeconds(3600)));
    Path fresh = Files.writeString(corpus.resolve(".import-456.tmp"), "half", StandardCharsets.UTF_8);

    CorpusListing listing = new Corpus(corpus).list();

    assertThat(listing.files()).extracting(CorpusFile::id).containsExactly("real");
    assertThat(stale).doesNotExist();
    assertThat(fresh).exists();
  }

  @Test
  void should_read_a_file_again_only_when_its_size_or_time_changed() throws Exception {
    Path corpus = Files.createDirectories(dir.resolve("corpus"));
    Path file = Files.writeString(corpus.resolve("a.md"), "Title\nFirst text.\n", StandardCharsets.UTF_8);
    FileTime old = FileTime.from(Instant.now().minus(Duration.ofHours(1)));
    Files.setLastModifiedTime(file, old);
    Corpus c = new Corpus(corpus);
    String first = c.list().files().get(0).contentHash();

    Files.writeString(file, "Title\nOther text.\n", StandardCharsets.UTF_8);
    Files.setLastModifiedTime(file, old);
    assertThat(c.list().files().get(0).contentHash()).as("same size and time: kept").isEqualTo(first);

    Files.setLastModifiedTime(file, FileTime.from(Instant.now().minus(Duration.ofMinutes(30))));
    assertThat(c.list().files().get(0).contentHash())
        .isEqualTo(Corpus.sha256("Title\nOther text.\n".getBytes(StandardCharsets.UTF_8)));
    assertThat(new Corpus(corpus).list().files().get(0).contentHash()).isNotEqualTo(first);
  }
}
