package org.guizhoubot.feed;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.guizhoubot.corpus.Article;
import org.guizhoubot.corpus.Problem;

/** What polling one feed did. */
public sealed interface FeedResult {
  String feedUrl();

  /**
   * The feed was read: the new articles stored, items skipped as duplicates, items that failed;
   * {@code newItems} not taken before (nor waiting after a failure), of which {@code remaining} are
   * left for the next polls by the per-poll cap.
   */
  record Polled(String feedUrl, String title, List<Article> added, int duplicates, List<Problem> itemProblems,
      int newItems, int remaining) implements FeedResult {
    public Polled {
      Objects.requireNonNull(feedUrl, "feedUrl");
      added = List.copyOf(added);
      itemProblems = List.copyOf(itemProblems);
      if (remaining < 0 || remaining > newItems) {
        throw new IllegalArgumentException("remaining must be 0 to newItems (" + newItems + "), was " + remaining);
      }
    }

    /** The new items this poll took (added, duplicates and failed). */
    public int taken() {
      return newItems - remaining;
    }

    /** Says how many new items were left for the next polls ("50 of 19,950 new items added; ..."), or empty when none. */
    public java.util.Optional<String> backlog() {
      if (remaining == 0) {
        return java.util.Optional.empty();
      }
      return java.util.Optional.of(String.format(java.util.Locale.ROOT,
          "%,d of %,d new items added; the rest (%,d) on the next polls", taken(), newItems, remaining));
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
