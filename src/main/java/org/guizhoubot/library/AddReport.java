package org.guizhoubot.library;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.guizhoubot.corpus.AddOutcome;
import org.guizhoubot.corpus.Problem;
import org.guizhoubot.index.IndexReport;

/**
 * What an add did: the articles the corpus now holds from the sources (new, replaced or unchanged),
 * the sources or lines skipped (clashes included), the clashes alone (so a front end can offer to
 * replace them), and the reindex after (empty when nothing was written, so nothing was reindexed).
 */
public record AddReport(List<Added> added, List<Problem> problems, List<AddOutcome.Conflict> conflicts,
    Optional<IndexReport> index) {
  public AddReport {
    added = List.copyOf(added);
    problems = List.copyOf(problems);
    conflicts = List.copyOf(conflicts);
    Objects.requireNonNull(index, "index");
  }

  /** How an article came to be in the corpus. */
  public enum Change { NEW, REPLACED, UNCHANGED }

  /** One article held by the corpus after the add, with its passages in the index. */
  public record Added(String id, String title, int passages, Change change) {
    public Added {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(title, "title");
      Objects.requireNonNull(change, "change");
    }
  }

  public long count(Change change) {
    return added.stream().filter(a -> a.change() == change).count();
  }
}
