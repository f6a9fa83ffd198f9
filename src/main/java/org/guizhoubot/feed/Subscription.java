package org.guizhoubot.feed;

import java.util.Objects;
import org.guizhoubot.corpus.Problem;

/** What subscribing to a feed did: subscribed (with the items the feed holds now), already subscribed, or refused. */
public sealed interface Subscription {
  /** Subscribed to {@code feed}, which held {@code items} items; they come with the next poll. */
  record Subscribed(Feed feed, int items) implements Subscription {
    public Subscribed {
      Objects.requireNonNull(feed, "feed");
      if (items < 0) {
        throw new IllegalArgumentException("items must not be negative, was " + items + " for " + feed.url());
      }
    }
  }

  /** The feed was subscribed already; nothing changed. */
  record AlreadySubscribed(Feed feed) implements Subscription {
    public AlreadySubscribed {
      Objects.requireNonNull(feed, "feed");
    }
  }

  /** Not subscribed, for the reason in {@code problem}. */
  record Refused(Problem problem) implements Subscription {
    public Refused {
      Objects.requireNonNull(problem, "problem");
    }
  }
}
