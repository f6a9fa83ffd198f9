package org.guizhoubot.feed;

import java.time.Instant;
import java.util.Objects;

/**
 * A subscribed RSS or Atom feed and its polling state: consecutive failures, the last error, and the
 * earliest time a scheduled poll tries it again (back-off after failures).
 */
public record Feed(String url, String title, Instant added, Instant lastPolled, int failures, String lastError,
    Instant nextAttempt) {
  public Feed {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(added, "added");
    if (failures < 0) {
      throw new IllegalArgumentException("failures must be >= 0, was " + failures);
    }
  }
}
