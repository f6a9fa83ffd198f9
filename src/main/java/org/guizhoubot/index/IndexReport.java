package org.guizhoubot.index;

import java.time.Duration;
import java.util.List;
import org.guizhoubot.corpus.Problem;

/** What one indexing run did, and which inputs it skipped and why. */
public record IndexReport(
    int articles,
    int passages,
    int added,
    int updated,
    int removed,
    int unchanged,
    int passagesEmbedded,
    long wordPiecesEmbedded,
    List<Problem> problems,
    Duration elapsed,
    Rebuild rebuildReason) {
  /** {@code rebuildReason} is null when the run was incremental. */
  public IndexReport {
    problems = List.copyOf(problems);
  }

  /** One line for an admin: counts, time and the number of skipped inputs. */
  public String summary() {
    return String.format(java.util.Locale.ROOT,
        "%d articles, %d passages (%d added, %d updated, %d removed, %d unchanged; %d passages embedded)"
            + " in %.1f s%s",
        articles, passages, added, updated, removed, unchanged, passagesEmbedded,
        elapsed.toMillis() / 1000.0, problems.isEmpty() ? "" : "; " + problems.size() + " skipped");
  }
}
