package org.guizhoubot.telegram.texts;

import java.util.Locale;
import org.guizhoubot.corpus.Problem;
import org.guizhoubot.index.IndexReport;
import org.guizhoubot.library.Library;
import org.guizhoubot.telegram.state.AnswerStore;

/** What the bot tells admins about the index: the counters, and how a reindex went (plain text). */
public final class AdminTexts {
  public static final String REINDEX_STARTED = "Reindexing in the background; I keep answering from the current index meanwhile.";
  public static final String REINDEX_RUNNING_HERE = "A reindex is already running; I will report here when it is done.";
  public static final String REINDEX_RUNNING_ELSEWHERE = "A reindex is already running (started elsewhere).";

  private AdminTexts() {}

  public static String stats(AnswerStore.Stats s, Library.Status index) {
    return String.format(Locale.ROOT,
        "Questions answered: %d, declined: %d.\nFeedback: %d 👍, %d 👎.\nIndex: %d articles, %d passages, %.1f MB%s.",
        s.answered(), s.declined(), s.votesUp(), s.votesDown(), index.articles(), index.passages(),
        index.sizeBytes() / 1e6, index.reindexing() ? " (reindex running)" : "");
  }

  public static String reindexReport(IndexReport r) {
    StringBuilder s = new StringBuilder(String.format(Locale.ROOT,
        "Reindex done: %d articles, %d passages in %.1f s (%d added, %d updated, %d removed).",
        r.articles(), r.passages(), r.elapsed().toMillis() / 1000.0, r.added(), r.updated(), r.removed()));
    if (r.problems().isEmpty()) {
      s.append("\nNo errors.");
    } else {
      s.append("\nErrors (").append(r.problems().size()).append("):");
      for (Problem p : r.problems()) {
        s.append("\n• ").append(p.name()).append(": ").append(p.message());
      }
    }
    return s.toString();
  }

  public static String reindexFailed(String why) {
    return "The reindex failed: " + why;
  }
}
