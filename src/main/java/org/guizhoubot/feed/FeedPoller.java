package org.guizhoubot.feed;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.guizhoubot.corpus.AddOutcome;
import org.guizhoubot.corpus.Article;
import org.guizhoubot.corpus.Corpus;
import org.guizhoubot.corpus.CorpusImporter;
import org.guizhoubot.corpus.Problem;
import org.guizhoubot.fetch.FetchException;
import org.guizhoubot.fetch.SafeFetcher;
import org.guizhoubot.web.Urls;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls subscribed RSS and Atom feeds (read by Rome): each new item's page is fetched through the
 * safe fetcher and stored as an article, unless its URL or its text was taken before. A feed that
 * fails is reported and backed off (5 min, doubling, at most 6 h) without stopping the others.
 */
public final class FeedPoller {
  private static final Logger log = LoggerFactory.getLogger(FeedPoller.class);
  /** Largest feed document read. */
  public static final int MAX_FEED_BYTES = 5 << 20;
  /** Most items taken from one feed in one poll (the newest come first in nearly every feed). */
  public static final int MAX_ITEMS_PER_POLL = 50;
  private static final Duration FIRST_BACKOFF = Duration.ofMinutes(5);
  private static final Duration MAX_BACKOFF = Duration.ofHours(6);

  private final FeedStore store;
  private final SafeFetcher fetcher;
  private final CorpusImporter importer;
  private final Clock clock;

  public FeedPoller(FeedStore store, SafeFetcher fetcher, CorpusImporter importer, Clock clock) {
    this.store = Objects.requireNonNull(store, "store");
    this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
    this.importer = Objects.requireNonNull(importer, "importer");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** What subscribing did. */
  public sealed interface Subscription {
    record Subscribed(Feed feed, int items) implements Subscription {}

    record AlreadySubscribed(Feed feed) implements Subscription {}

    record Refused(Problem problem) implements Subscription {}
  }

  /** Subscribes to a feed after fetching it once to check that it is one; its items come with the next poll. */
  public Subscription subscribe(String url) {
    URI uri = Urls.parse(url).orElse(null);
    if (uri == null) {
      return new Subscription.Refused(new Problem(url, "is not an http:// or https:// address"));
    }
    var existing = store.feed(uri.toString());
    if (existing.isPresent()) {
      return new Subscription.AlreadySubscribed(existing.get());
    }
    SyndFeed feed;
    try {
      feed = read(uri);
    } catch (FetchException e) {
      return new Subscription.Refused(new Problem(url, e.problem()));
    } catch (UnreadableFeed e) {
      return new Subscription.Refused(new Problem(url, e.getMessage()));
    }
    store.add(uri.toString(), blankToNull(feed.getTitle()), clock.instant());
    return new Subscription.Subscribed(store.feed(uri.toString()).orElseThrow(), feed.getEntries().size());
  }

  /** Ends a subscription; false when the URL was not subscribed. */
  public boolean unsubscribe(String url) {
    return store.remove(url.strip());
  }

  public List<Feed> feeds() {
    return store.feeds();
  }

  /**
   * Polls every feed once. With {@code force} feeds in back-off are polled too (a poll asked for by
   * an admin); otherwise they are reported as deferred.
   */
  public List<FeedResult> poll(boolean force) {
    List<FeedResult> results = new ArrayList<>();
    for (Feed f : store.feeds()) {
      Instant now = clock.instant();
      if (!force && f.nextAttempt() != null && now.isBefore(f.nextAttempt())) {
        results.add(new FeedResult.Deferred(f.url(), f.nextAttempt(), f.lastError()));
        continue;
      }
      try {
        results.add(pollOne(f));
      } catch (RuntimeException e) {
        log.error("Polling feed {} failed", f.url(), e);
        results.add(failed(f, "failed unexpectedly (" + e + ")"));
      }
    }
    return results;
  }

  private FeedResult pollOne(Feed f) {
    SyndFeed feed;
    URI feedUri = URI.create(f.url());
    try {
      feed = read(feedUri);
    } catch (FetchException e) {
      return failed(f, e.problem());
    } catch (UnreadableFeed e) {
      return failed(f, e.getMessage());
    }
    List<Article> added = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    int duplicates = 0;
    List<SyndEntry> entries = feed.getEntries();
    for (SyndEntry entry : entries.subList(0, Math.min(entries.size(), MAX_ITEMS_PER_POLL))) {
      URI link = link(feedUri, entry);
      if (link == null || store.seenUrl(link.toString())) {
        continue;
      }
      CorpusImporter.FetchedArticle page = importer.fetchUrl(link);
      if (page instanceof CorpusImporter.FetchedArticle.Unreadable u) {
        problems.add(u.problem());
        continue;
      }
      Article article = ((CorpusImporter.FetchedArticle.Read) page).article();
      String hash = Corpus.sha256(article.body().getBytes(StandardCharsets.UTF_8));
      if (store.seenHash(hash)) {
        store.remember(link.toString(), f.url(), hash, null, clock.instant());
        duplicates++;
        continue;
      }
      AddOutcome outcome = importer.storeFetched(article, false);
      if (outcome.skipped().isPresent()) {
        problems.add(outcome.skipped().get());
      } else {
        store.remember(link.toString(), f.url(), hash, article.id(), clock.instant());
        if (!(outcome instanceof AddOutcome.Unchanged)) {
          added.add(article);
        }
      }
    }
    store.succeeded(f.url(), blankToNull(feed.getTitle()), clock.instant());
    return new FeedResult.Polled(f.url(), blankToNull(feed.getTitle()), added, duplicates, problems);
  }

  private FeedResult failed(Feed f, String problem) {
    int failures = f.failures() + 1;
    Duration wait = FIRST_BACKOFF.multipliedBy(1L << Math.min(failures - 1, 16));
    Instant now = clock.instant();
    Instant next = now.plus(wait.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : wait);
    store.failed(f.url(), failures, problem, now, next);
    log.warn("Feed {} failed ({} in a row): {}", f.url(), failures, problem);
    return new FeedResult.Failed(f.url(), new Problem(f.url(), problem), failures, next);
  }

  private SyndFeed read(URI url) throws FetchException, UnreadableFeed {
    byte[] body = fetcher.fetch(url, SafeFetcher.FEED_TYPES, MAX_FEED_BYTES).body();
    try {
      return new SyndFeedInput().build(new XmlReader(new ByteArrayInputStream(body)));
    } catch (FeedException | IOException | IllegalArgumentException e) {
      throw new UnreadableFeed("is not a readable RSS or Atom feed (" + e.getMessage() + ")", e);
    }
  }

  private static URI link(URI feed, SyndEntry entry) {
    String link = blankToNull(entry.getLink());
    if (link == null) {
      link = blankToNull(entry.getUri());
    }
    if (link == null) {
      return null;
    }
    try {
      URI resolved = feed.resolve(new URI(link.strip()));
      return Urls.isWeb(resolved) ? resolved : null;
    } catch (URISyntaxException | IllegalArgumentException e) {
      return null;
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  /** A fetched document that Rome cannot read as a feed. */
  private static final class UnreadableFeed extends Exception {
    private static final long serialVersionUID = 1L;

    UnreadableFeed(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
