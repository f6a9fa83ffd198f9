package org.guizhoubot.corpus;

import java.util.List;

/**
 * The outcome of a JSON Lines import: one outcome per distinct article the corpus now holds from
 * the file (added, replaced or unchanged), and the lines skipped with the reason (clashes included).
 */
public record JsonlImport(List<AddOutcome> stored, List<Problem> problems) {
  public JsonlImport {
    stored = List.copyOf(stored);
    problems = List.copyOf(problems);
  }

  /** Distinct articles the corpus now holds from this file. */
  public int articles() {
    return stored.size();
  }

  public int added() {
    return count(AddOutcome.Added.class);
  }

  public int replaced() {
    return count(AddOutcome.Replaced.class);
  }

  public int unchanged() {
    return count(AddOutcome.Unchanged.class);
  }

  private int count(Class<? extends AddOutcome> kind) {
    return (int) stored.stream().filter(kind::isInstance).count();
  }
}
