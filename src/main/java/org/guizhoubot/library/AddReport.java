package org.guizhoubot.library;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.guizhoubot.corpus.Problem;
import org.guizhoubot.index.IndexReport;

/**
 * What an add did: the articles written to the corpus, the sources skipped, and the reindex after
 * (empty when nothing was written, so nothing was reindexed).
 */
public record AddReport(List<Added> added, List<Problem> problems, Optional<IndexReport> index) {
  public AddReport {
    added = List.copyOf(added);
    problems = List.copyOf(problems);
    Objects.requireNonNull(index, "index");
  }

  /** One article written to the corpus, with the passages it has in the index after the add. */
  public record Added(String id, String title, int passages) {
    public Added {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(title, "title");
    }
  }
}
