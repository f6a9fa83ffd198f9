package org.guizhoubot.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.guizhoubot.LoopbackServer;
import org.guizhoubot.corpus.Article;
import org.guizhoubot.corpus.ArticleReader;
import org.guizhoubot.corpus.Corpus;
import org.guizhoubot.corpus.CorpusImporter;
import org.guizhoubot.corpus.Problem;
import org.guizhoubot.fetch.SafeFetcher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The feed poller over feeds and pages served on loopback, with a real feed store and corpus folder. */
class FeedPollerTest {
  private static final Instant START = Instant.parse("2025-03-01T08:00:00Z");

  @TempDir Path dir;
  private LoopbackServer server;
  private String base;
  private final Map<String, Page> pages = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();
  private final MutableClock clock = new MutableClock(START);
  private FeedStore store;
  private FeedPoller poller;

  record Page(int status, String type, byte[] body) {}

  @BeforeEach
  void setUp() throws Exception {
    server = LoopbackServer.start(ex -> {
      String path = ex.getRequestURI().getPath();
      requests.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
      Page page = pages.getOrDefault(path, new Page(404, "text/plain", "missing".getBytes(StandardCharsets.UTF_8)));
      ex.getResponseHeaders().add("Content-Type", page.type());
      ex.sendResponseHeaders(page.status(), 0);
      try (OutputStream o = ex.getResponseBody()) {
        o.write(page.body());
      } catch (java.io.IOException closedByTheFetcher) {
        // the fetcher stops reading at its cap
      }
    });
    base = server.base();
    store = FeedStore.open(dir.resolve("data").resolve("feeds.db"));
    SafeFetcher fetcher = SafeFetcher.of(true);
    poller = new FeedPoller(store, fetcher, new CorpusImporter(new Corpus(dir.resolve("corpus")), new ArticleReader(),
        fetcher), clock);
  }

  @AfterEach
  void tearDown() {
    server.close();
    store.close();
  }

  private void story(int n) {
    html("/story-" + n + ".html", "Story " + n, "Guizhou data centre number " + n + " opened in Gui'an with "
        + (n * 7 + 3) + " server halls and " + (n * 11) + " engineers.");
  }

  private void html(String path, String title, String text) {
    pages.put(path, new Page(200, "text/html; charset=utf-8", ("<html><head><title>" + title + "</title></head><body>"
        + "<article><p>" + text + "</p></article></body></html>").getBytes(StandardCharsets.UTF_8)));
  }

  /** A feed of items listed oldest first, each dated a minute after the one before. */
  private String feed(String path, List<String> links) {
    DateTimeFormatter rfc822 = DateTimeFormatter.RFC_1123_DATE_TIME;
    StringBuilder items = new StringBuilder();
    for (int i = 0; i < links.size(); i++) {
      items.append("<item><title>").append(links.get(i)).append("</title><link>").append(base).append(links.get(i))
          .append("</link><pubDate>")
          .append(rfc822.format(ZonedDateTime.ofInstant(START.minus(Duration.ofDays(30)).plusSeconds(60L * i),
              ZoneOffset.UTC)))
          .append("</pubDate></item>");
    }
    pages.put(path, new Page(200, "application/rss+xml", ("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel>"
        + "<title>Guizhou wire</title><link>" + base + "</link><description>d</description>" + items
        + "</channel></rss>").getBytes(StandardCharsets.UTF_8)));
    return base + path;
  }

  private FeedResult.Polled pollOnly() {
    List<FeedResult> results = poller.poll(false);
    assertThat(results).hasSize(1);
    return (FeedResult.Polled) results.get(0);
  }

  private int requested(String path) {
    return requests.getOrDefault(path, new AtomicInteger()).get();
  }

  @Test
  void should_deliver_a_feed_of_120_items_in_three_polls_of_50_newest_first_saying_how_many_remain() {
    List<String> links = new ArrayList<>();
    for (int n = 1; n <= 120; n++) {
      story(n);
      links.add("/story-" + n + ".html");
    }
    String url = feed("/wire.xml", links);
    assertThat(poller.subscribe(url)).isInstanceOf(Subscription.Subscribed.class);

    FeedResult.Polled first = pollOnly();
    FeedResult.Polled second = pollOnly();
    FeedResult.Polled third = pollOnly();
    FeedResult.Polled fourth = pollOnly();

    assertThat(titles(first)).hasSize(50).startsWith("Story 120", "Story 119").endsWith("Story 71");
    assertThat(first.backlog()).contains("50 of 120 new items added; the rest (70) on the next polls");
    assertThat(titles(second)).hasSize(50).startsWith("Story 70").endsWith("Story 21");
    assertThat(second.backlog()).contains("50 of 70 new items added; the rest (20) on the next polls");
    assertThat(titles(third)).hasSize(20).startsWith("Story 20").endsWith("Story 1");
    assertThat(third.remaining()).isZero();
    assertThat(third.backlog()).isEmpty();
    assertThat(fourth.added()).isEmpty();
    assertThat(fourth.newItems()).isZero();
    for (int n = 1; n <= 120; n++) {
      assertThat(requested("/story-" + n + ".html")).as("story %s fetched", n).isEqualTo(1);
    }
  }

  @Test
  void should_skip_items_already_seen_before_applying_the_cap() {
    List<String> links = new ArrayList<>();
    for (int n = 1; n <= 60; n++) {
      story(n);
      links.add("/story-" + n + ".html");
    }
    String url = feed("/wire.xml", links.subList(0, 10));
    poller.subscribe(url);
    assertThat(pollOnly().added()).hasSize(10);

    feed("/wire.xml", links);

    FeedResult.Polled next = pollOnly();
    assertThat(next.newItems()).isEqualTo(50);
    assertThat(titles(next)).hasSize(50).startsWith("Story 60").endsWith("Story 11");
    assertThat(next.backlog()).isEmpty();
  }

  @Test
  void should_fetch_an_item_over_the_size_cap_once_and_report_it_once() {
    byte[] huge = new byte[CorpusImporter.MAX_DOCUMENT_BYTES + (1 << 20)];
    java.util.Arrays.fill(huge, (byte) 'a');
    pages.put("/huge.html", new Page(200, "text/html", huge));
    story(1);
    poller.subscribe(feed("/wire.xml", List.of("/huge.html", "/story-1.html")));

    FeedResult.Polled first = pollOnly();
    List<FeedResult.Polled> later = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      clock.advance(Duration.ofDays(1));
      later.add(pollOnly());
    }

    assertThat(requested("/huge.html")).isEqualTo(1);
    assertThat(first.itemProblems()).extracting(Problem::name).containsExactly(base + "/huge.html");
    assertThat(first.itemProblems().get(0).message()).contains("skipped from now on");
    assertThat(titles(first)).containsExactly("Story 1");
    assertThat(later).allSatisfy(p -> {
      assertThat(p.itemProblems()).isEmpty();
      assertThat(p.newItems()).isZero();
    });
  }

  @Test
  void should_back_off_before_fetching_a_missing_item_again_and_take_it_once_it_is_there() {
    story(1);
    Page two = new Page(200, "text/html; charset=utf-8", ("<html><head><title>Story 2</title></head><body><article>"
        + "<p>Zunyi opens a quantum computing lab with 40 researchers.</p></article></body></html>")
        .getBytes(StandardCharsets.UTF_8));
    poller.subscribe(feed("/wire.xml", List.of("/story-1.html", "/story-2.html")));

    FeedResult.Polled first = pollOnly();
    FeedResult.Polled soon = pollOnly();
    clock.advance(Duration.ofMinutes(4));
    FeedResult.Polled withinBackoff = pollOnly();
    clock.advance(Duration.ofMinutes(2));
    FeedResult.Polled afterBackoff = pollOnly();
    clock.advance(Duration.ofMinutes(9));
    FeedResult.Polled withinDoubled = pollOnly();
    pages.put("/story-2.html", two);
    clock.advance(Duration.ofMinutes(2));
    FeedResult.Polled recovered = pollOnly();

    assertThat(first.itemProblems()).singleElement().satisfies(p -> {
      assertThat(p.name()).isEqualTo(base + "/story-2.html");
      assertThat(p.message()).contains("404", "tried again after");
    });
    assertThat(soon.itemProblems()).isEmpty();
    assertThat(withinBackoff.itemProblems()).isEmpty();
    assertThat(afterBackoff.itemProblems()).hasSize(1);
    assertThat(withinDoubled.itemProblems()).isEmpty();
    assertThat(requested("/story-2.html")).isEqualTo(3);
    assertThat(titles(recovered)).containsExactly("Story 2");
    assertThat(store.itemFailures(base + "/wire.xml")).isEmpty();
  }

  @Test
  void should_take_an_item_whose_text_came_before_under_another_url_as_a_duplicate() {
    story(1);
    pages.put("/copy-of-1.html", pages.get("/story-1.html"));
    poller.subscribe(feed("/wire.xml", List.of("/story-1.html")));
    assertThat(titles(pollOnly())).containsExactly("Story 1");

    feed("/wire.xml", List.of("/story-1.html", "/copy-of-1.html"));
    FeedResult.Polled next = pollOnly();
    FeedResult.Polled after = pollOnly();

    assertThat(next.added()).isEmpty();
    assertThat(next.duplicates()).isEqualTo(1);
    assertThat(after.newItems()).as("a duplicate is remembered, not fetched again").isZero();
    assertThat(requested("/copy-of-1.html")).isEqualTo(1);
    assertThat(dir.resolve("corpus").toFile().list()).hasSize(1);
  }

  @Test
  void should_defer_a_failing_feed_until_its_back_off_ends_unless_forced() {
    story(1);
    String url = feed("/wire.xml", List.of("/story-1.html"));
    poller.subscribe(url);
    Page wire = pages.remove("/wire.xml");

    List<FeedResult> failed = poller.poll(false);
    clock.advance(Duration.ofMinutes(4));
    List<FeedResult> deferred = poller.poll(false);
    List<FeedResult> forced = poller.poll(true);
    pages.put("/wire.xml", wire);
    clock.advance(Duration.ofMinutes(11));
    List<FeedResult> recovered = poller.poll(false);

    assertThat(failed).singleElement().isInstanceOfSatisfying(FeedResult.Failed.class, f -> {
      assertThat(f.failures()).isEqualTo(1);
      assertThat(f.nextAttempt()).isEqualTo(START.plus(Duration.ofMinutes(5)));
    });
    assertThat(deferred).singleElement().isInstanceOf(FeedResult.Deferred.class);
    assertThat(forced).singleElement().isInstanceOfSatisfying(FeedResult.Failed.class,
        f -> assertThat(f.failures()).as("the back-off doubles").isEqualTo(2));
    assertThat(recovered).singleElement().isInstanceOfSatisfying(FeedResult.Polled.class,
        p -> assertThat(titles(p)).containsExactly("Story 1"));
    assertThat(poller.feeds()).singleElement().satisfies(f -> {
      assertThat(f.failures()).isZero();
      assertThat(f.nextAttempt()).isNull();
    });
  }

  @Test
  void should_subscribe_only_to_a_feed_and_each_url_once() {
    story(1);
    String url = feed("/wire.xml", List.of("/story-1.html"));

    Subscription first = poller.subscribe(url);
    Subscription again = poller.subscribe(url);
    html("/about.html", "About", "A page, not a feed.");
    Subscription page = poller.subscribe(base + "/about.html");
    Subscription notWeb = poller.subscribe("ftp://news.example/wire.xml");

    assertThat(first).isInstanceOfSatisfying(Subscription.Subscribed.class, s -> {
      assertThat(s.items()).isEqualTo(1);
      assertThat(s.feed().title()).isEqualTo("Guizhou wire");
    });
    assertThat(again).isInstanceOf(Subscription.AlreadySubscribed.class);
    assertThat(page).isInstanceOf(Subscription.Refused.class);
    assertThat(notWeb).isInstanceOfSatisfying(Subscription.Refused.class,
        r -> assertThat(r.problem().message()).contains("http"));
    assertThat(poller.feeds()).extracting(Feed::url).containsExactly(url);
    assertThat(requested("/story-1.html")).as("subscribing takes no item").isZero();
    assertThat(poller.unsubscribe(url)).isTrue();
    assertThat(poller.unsubscribe(url)).isFalse();
    assertThat(poller.feeds()).isEmpty();
  }

  private static List<String> titles(FeedResult.Polled p) {
    return p.added().stream().map(Article::title).toList();
  }

  /** A clock that moves only when told. */
  static final class MutableClock extends Clock {
    private volatile Instant now;

    MutableClock(Instant start) {
      this.now = start;
    }

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
