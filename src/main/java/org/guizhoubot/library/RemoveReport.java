package org.guizhoubot.library;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.guizhoubot.corpus.Problem;
import org.guizhoubot.index.IndexReport;

/**
 * What a remove did: the articles removed (with their titles), the ids not found, and the reindex
 * after (empty when nothing was removed, so the index was left as it was).
 */
public record RemoveReport(List<Removed> removed, List<Problem> problems, Optional<IndexReport> index) {
  public RemoveReport {
    removed = List.copyOf(removed);
    problems = List.copyOf(problems);
    Objects.requireNonNull(index, "index");
  }

  /** The ids given that named no article (or could not be removed). */
  public List<String> notRemoved() {
    return problems.stream().map(Problem::name).toList();
  }

  /** One removed article and the files deleted for it. */
  public record Removed(String id, String title, List<String> files) {
    public Removed {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(title, "title");
      files = List.copyOf(files);
    }
  }
}
