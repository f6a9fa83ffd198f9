package org.guizhoubot.corpus;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * Writes a parsed article into the corpus folder under its id, by the conflict policy: an id taken
 * by a different article is refused unless replacing is asked for, and another id's file is never
 * deleted.
 */
final class CorpusWriter {
  private final Corpus corpus;
  private final ArticleReader reader;

  CorpusWriter(Corpus corpus, ArticleReader reader) {
    this.corpus = Objects.requireNonNull(corpus, "corpus");
    this.reader = Objects.requireNonNull(reader, "reader");
  }

  /**
   * Writes {@code bytes} as {@code id.ext} unless the id is taken by a different article. The
   * existing article is the same one when its bytes are equal, or, for {@code sameUrlReplaces},
   * when it came from the same URL.
   */
  AddOutcome store(String input, Article article, String ext, byte[] bytes, boolean replace,
      boolean sameUrlReplaces) {
    String target = article.id() + "." + ext;
    try {
      Files.createDirectories(corpus.dir());
      Optional<Path> existing = corpus.fileOf(article.id());
      if (existing.isEmpty()) {
        AtomicFiles.writeNew(corpus.dir(), target, bytes);
        return new AddOutcome.Added(article, target);
      }
      Path old = existing.get();
      String oldName = old.getFileName().toString();
      if (oldName.equals(target) && Arrays.equals(Files.readAllBytes(old), bytes)) {
        return new AddOutcome.Unchanged(article, oldName);
      }
      Article previous = readOrNull(old);
      boolean sameSource = sameUrlReplaces && previous != null && article.url() != null
          && article.url().equals(previous.url());
      if (previous != null && previous.equals(article)) {
        return new AddOutcome.Unchanged(article, oldName);
      }
      if (!replace && !sameSource) {
        return new AddOutcome.Conflict(input, article, oldName, previous == null ? "unreadable" : previous.title());
      }
      AtomicFiles.writeReplacing(corpus.dir(), target, bytes);
      if (!oldName.equals(target)) {
        Files.deleteIfExists(old);
      }
      return new AddOutcome.Replaced(article, target, oldName);
    } catch (IOException e) {
      return new AddOutcome.Failed(new Problem(input,
          "cannot be written to the corpus folder " + corpus.dir() + " (" + e.getMessage() + ")"));
    }
  }

  private Article readOrNull(Path file) {
    try {
      return reader.read(file);
    } catch (ArticleFormatException e) {
      return null;
    }
  }
}
