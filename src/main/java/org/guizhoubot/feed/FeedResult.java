package org.guizhoubot.feed;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.guizhoubot.corpus.Article;
import org.guizhoubot.corpus.Problem;

/** What polling one feed did. */
public sealed interface FeedResult {
  String feedUrl();

  /** The feed was read: the new articles stored, items skipped as duplicates, items that failed. */
  record Polled(String feedUrl, String title, List<Article> added, int duplicates, List<Problem> itemProblems)
      implements FeedResult {
    public Polled {
      Objects.requireNonNull(feedUrl, "feedUrl");
      added = List.copyOf(added);
      itemProblems = List.copyOf(itemProblems);
    }
  }

  /** The feed could not be fetched or read; a scheduled poll tries again after {@code nextAttempt}. */
  record Failed(String feedUrl, Problem problem, int failures, Instant nextAttempt) implements FeedResult {
    public Failed {
      Objects.requireNonNull(feedUrl, "feedUrl");
      Objects.requireNonNull(problem, "problem");
      Objects.requireNonNull(nextAttempt, "nextAttempt");
    }
  }

  /** The feed failed before and its back-off has not run out; it was not fetched. */
  record Deferred(String feedUrl, Instant nextAttempt, String lastError) implements FeedResult {
    public Deferred {
      Objects.requireNonNull(feedUrl, "feedUrl");
      Objects.requireNonNull(nextAttempt, "nextAttempt");
    }
  }
}
