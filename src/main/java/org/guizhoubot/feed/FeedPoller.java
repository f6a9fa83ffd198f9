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
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * safe fetcher and stored as an article, unless its URL or its text was taken before; at most
 * {@value #MAX_ITEMS_PER_POLL} new items a poll, newest first, the rest left for the next polls and
 * counted in the result. A feed or an item that fails is reported and backed off (5 min, doubling,
 * at most 6 h) without stopping the others; an item that fails for good is reported once.
 */
public final class FeedPoller {
  private static final Logger log = LoggerFactory.getLogger(FeedPoller.class);
  /** Largest feed document read. */
  public static final int MAX_FEED_BYTES = 5 << 20;
  /** Most new items taken from one feed in one poll, newest first; the rest come with the next polls. */
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
    List<URI> fresh = freshItems(f, feedUri, feed.getEntries());
    List<URI> taken = fresh.subList(0, Math.min(fresh.size(), MAX_ITEMS_PER_POLL));
    List<Article> added = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    int duplicates = 0;
    for (URI link : taken) {
      CorpusImporter.FetchedArticle page = importer.fetchUrl(link);
      if (page instanceof CorpusImporter.FetchedArticle.Unreadable u) {
        problems.add(itemFailed(f, link, u.problem(), u.lasting()));
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
        problems.add(itemFailed(f, link, outcome.skipped().get(), true));
      } else {
        store.remember(link.toString(), f.url(), hash, article.id(), clock.instant());
        if (!(outcome instanceof AddOutcome.Unchanged)) {
          added.add(article);
        }
      }
    }
    int remaining = fresh.size() - taken.size();
    if (remaining > 0) {
      log.info("Feed {}: {} of {} new items taken, {} left for the next polls", f.url(), taken.size(), fresh.size(),
          remaining);
    }
    store.succeeded(f.url(), blankToNull(feed.getTitle()), clock.instant());
    return new FeedResult.Polled(f.url(), blankToNull(feed.getTitle()), added, duplicates, problems, fresh.size(),
        remaining);
  }

  /**
   * The feed's items not taken before, newest first (by publication or update date; undated items
   * after the dated ones, in the feed's order), without the ones waiting after a failure: those
   * backing off until their next attempt, and those that failed for good.
   */
  private List<URI> freshItems(Feed f, URI feedUri, List<SyndEntry> entries) {
    List<SyndEntry> newestFirst = new ArrayList<>(entries);
    newestFirst.sort(Comparator.comparing(FeedPoller::date, Comparator.nullsLast(Comparator.reverseOrder())));
    Map<String, FeedStore.ItemFailure> failures = store.itemFailures(f.url());
    Instant now = clock.instant();
    Set<String> links = new LinkedHashSet<>();
    List<URI> fresh = new ArrayList<>();
    for (SyndEntry entry : newestFirst) {
      URI link = link(feedUri, entry);
      if (link == null || !links.add(link.toString())) {
        continue;
      }
      FeedStore.ItemFailure failed = failures.get(link.toString());
      if ((failed != null && failed.waiting(now)) || store.seenUrl(link.toString())) {
        continue;
      }
      fresh.add(link);
    }
    return fresh;
  }

  private static Date date(SyndEntry entry) {
    return entry.getPublishedDate() != null ? entry.getPublishedDate() : entry.getUpdatedDate();
  }

  /**
   * Remembers a failing item: one failing for good is left alone from now on; another is fetched
   * again after a back-off (5 min, doubling, at most 6 h). The problem returned says which.
   */
  private Problem itemFailed(Feed f, URI link, Problem problem, boolean lasting) {
    Instant now = clock.instant();
    FeedStore.ItemFailure before = store.itemFailures(f.url()).get(link.toString());
    int failures = before == null ? 1 : before.failures() + 1;
    Instant next = lasting ? null : now.plus(backoff(failures));
    store.itemFailed(f.url(), new FeedStore.ItemFailure(link.toString(), problem.message(), failures, lasting, next),
        now);
    log.warn("Feed {} item {} failed ({} in a row): {}", f.url(), link, failures, problem.message());
    return new Problem(problem.name(), problem.message()
        + (lasting ? "; skipped from now on" : "; tried again after " + next));
  }

  private static Duration backoff(int failures) {
    Duration wait = FIRST_BACKOFF.multipliedBy(1L << Math.min(failures - 1, 16));
    return wait.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : wait;
  }

  private FeedResult failed(Feed f, String problem) {
    int failures = f.failures() + 1;
    Instant now = clock.instant();
    Instant next = now.plus(backoff(failures));
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
