package org.guizhoubot.telegram.texts;

import java.util.ArrayList;
import java.util.List;
import org.guizhoubot.corpus.Article;
import org.guizhoubot.feed.Feed;
import org.guizhoubot.feed.FeedResult;
import org.guizhoubot.feed.Subscription;
import org.guizhoubot.library.PollReport;

/** What the bot says about feed subscriptions and what a poll brought (plain text). */
public final class FeedTexts {
  public static final String FEED_ADD_HOW = "Give the feed's address: /feed_add https://example.com/rss.xml";
  public static final String FEED_REMOVE_HOW = "Give the feed's address, as /feeds shows it: /feed_remove https://example.com/rss.xml";

  private FeedTexts() {}

  public static String feeds(List<Feed> feeds) {
    if (feeds.isEmpty()) {
      return "No feeds yet. Subscribe with /feed_add URL.";
    }
    StringBuilder s = new StringBuilder(feeds.size() + " feeds:");
    for (Feed f : feeds) {
      s.append("\n• ").append(f.url()).append(f.title() == null ? "" : " (" + f.title() + ")")
          .append(", last polled ").append(f.lastPolled() == null ? "never" : f.lastPolled().toString());
      if (f.failures() > 0) {
        s.append(", failing ").append(f.failures()).append(" times in a row: ").append(f.lastError());
      }
    }
    return s.toString();
  }

  public static String subscription(String url, Subscription s) {
    if (s instanceof Subscription.Subscribed ok) {
      return "Subscribed to " + ok.feed().url() + (ok.feed().title() == null ? "" : " (" + ok.feed().title() + ")")
          + " with " + ok.items() + " items; new items are added at the next poll.";
    }
    if (s instanceof Subscription.AlreadySubscribed a) {
      return "Already subscribed to " + a.feed().url() + ".";
    }
    return "Could not subscribe to " + url + ": " + ((Subscription.Refused) s).problem().message();
  }

  public static String unsubscribed(String url, boolean was) {
    return was ? "Unsubscribed from " + url + "; the articles it brought stay." : url + " is not subscribed (see /feeds).";
  }

  /**
   * What a scheduled feed poll brought, for the admins, with each feed's backlog left for the next
   * polls ("50 of 19,950 new items added; the rest (19,900) on the next polls"); null when nothing
   * arrived and nothing is left.
   */
  public static String feedNews(PollReport r) {
    List<String> backlogs = new ArrayList<>();
    for (FeedResult f : r.feeds()) {
      if (f instanceof FeedResult.Polled p) {
        p.backlog().ifPresent(b -> backlogs.add((p.title() == null ? p.feedUrl() : p.title()) + ": " + b + "."));
      }
    }
    if (r.newArticles() == 0 && backlogs.isEmpty()) {
      return null;
    }
    StringBuilder s = new StringBuilder("New from the feeds: " + r.newArticles() + " articles.");
    for (FeedResult f : r.feeds()) {
      if (f instanceof FeedResult.Polled p) {
        for (Article a : p.added()) {
          s.append("\n• ").append(a.title()).append(" (").append(a.id()).append(")");
        }
      }
    }
    backlogs.forEach(b -> s.append("\n").append(b));
    return s.toString();
  }
}
