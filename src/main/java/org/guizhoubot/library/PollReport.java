package org.guizhoubot.library;

import java.util.List;
import org.guizhoubot.feed.FeedResult;
import org.guizhoubot.index.IndexReport;

/** What one poll of all feeds did, and the reindex after it (null when nothing new arrived). */
public record PollReport(List<FeedResult> feeds, IndexReport index) {
  public PollReport {
    feeds = List.copyOf(feeds);
  }

  public int newArticles() {
    return feeds.stream().mapToInt(f -> f instanceof FeedResult.Polled p ? p.added().size() : 0).sum();
  }
}
