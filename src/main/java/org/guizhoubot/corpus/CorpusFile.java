package org.guizhoubot.corpus;

import java.util.Objects;
import java.nio.file.Path;

/** An article file in the corpus folder and the hash of its bytes. */
public record CorpusFile(String id, Path path, String contentHash) {
  public CorpusFile {
    ArticleIds.requireSafe(id);
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(contentHash, "contentHash");
  }
}
