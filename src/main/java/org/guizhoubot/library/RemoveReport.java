package org.guizhoubot.library;

import java.util.List;
import java.util.Objects;
import org.guizhoubot.corpus.Problem;
import org.guizhoubot.index.IndexReport;

/** What a remove did: the articles removed (with their titles), the ids not found, and the reindex after. */
public record RemoveReport(List<Removed> removed, List<Problem> problems, IndexReport index) {
  public RemoveReport {
    removed = List.copyOf(removed);
    problems = List.copyOf(problems);
    Objects.requireNonNull(index, "index");
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
