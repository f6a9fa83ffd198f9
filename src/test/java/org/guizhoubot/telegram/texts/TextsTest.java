package org.guizhoubot.telegram.texts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.guizhoubot.corpus.Problem;
import org.guizhoubot.index.ArticleMeta;
import org.guizhoubot.index.IndexReport;
import org.guizhoubot.library.AddReport;
import org.guizhoubot.library.Library;
import org.junit.jupiter.api.Test;
import org.guizhoubot.telegram.state.BotDb;
import org.guizhoubot.telegram.state.AnswerStore;

class TextsTest {
  private static ArticleMeta article(String id, String title, String published, String url) {
    return new ArticleMeta(id, title, "Desk & Co", published, url, null, "h-" + id, 3);
  }

  private static final List<ArticleMeta> ARTICLES = List.of(
      article("b", "Beta <news>", "2019-05-01", "https://example.org/b?x=1&y=2"),
      article("a", "Alpha", "2016-01-02", null),
      article("u", "Undated", null, null));

  @Test
  void should_tell_the_admins_how_many_feed_items_wait_for_the_next_polls() {
    List<org.guizhoubot.corpus.Article> fifty = new java.util.ArrayList<>();
    for (int i = 0; i < 50; i++) {
      fifty.add(new org.guizhoubot.corpus.Article("story-" + i, "Story " + i, "Wire", null, null, null, "Text " + i));
    }
    var backlog = new org.guizhoubot.feed.FeedResult.Polled("https://wire.example.org/rss", "Guizhou wire", fifty, 0,
        List.of(), 19_950, 19_900);
    var caughtUp = new org.guizhoubot.feed.FeedResult.Polled("https://other.example.org/rss", null, List.of(), 2,
        List.of(), 2, 0);

    String news = FeedTexts.feedNews(new org.guizhoubot.library.PollReport(List.of(backlog, caughtUp), null));
    String onlyBacklog = FeedTexts.feedNews(new org.guizhoubot.library.PollReport(List.of(
        new org.guizhoubot.feed.FeedResult.Polled("https://wire.example.org/rss", null, List.of(), 50, List.of(), 70,
            20)), null));

    assertThat(news).startsWith("New from the feeds: 50 articles.\n• Story 0 (story-0)")
        .endsWith("\nGuizhou wire: 50 of 19,950 new items added; the rest (19,900) on the next polls.")
        .doesNotContain("other.example.org");
    assertThat(onlyBacklog).isEqualTo("New from the feeds: 0 articles.\nhttps://wire.example.org/rss: 50 of 70 new"
        + " items added; the rest (20) on the next polls.");
    assertThat(FeedTexts.feedNews(new org.guizhoubot.library.PollReport(List.of(caughtUp), null))).isNull();
  }

  @Test
  void should_page_long_lists_by_ten_with_buttons_to_move() {
    List<ArticleMeta> many = new java.util.ArrayList<>();
    for (int i = 0; i < 23; i++) {
      many.add(article("id-" + i, "Title " + i, null, null));
    }

    String last = ArticleLists.sources(many, 2);

    assertThat(ArticleLists.sources(many, 0)).startsWith("<b>23 articles</b>, newest first (page 1 of 3):")
        .contains("Title 9").doesNotContain("Title 10");
    assertThat(last.lines().count()).isEqualTo(4);
    assertThat(ArticleLists.articles(many, 0)).contains("<code>id-0</code> Title 0").endsWith("Remove one with /remove ID.");
  }

  @Test
  void should_tell_the_topic_count_date_range_and_how_to_ask() {
    String help = HelpTexts.help(ARTICLES, "Some_Bot");

    assertThat(help).startsWith("I answer questions about Guizhou's big data sector from 3 news articles,"
        + " published from 2016 to 2019, and I cite");
    assertThat(help).contains("<code>/ask your question</code>, mention @Some_Bot,");
    assertThat(HelpTexts.help(ARTICLES.subList(0, 1), "B")).contains("from 1 news articles, published in 2019,");
    assertThat(HelpTexts.help(List.of(article("x", "X", "2017", null), article("y", "Y", "2022-01-07", null)), "B"))
        .contains("published from 2017 to 2022,");
    assertThat(HelpTexts.help(List.of(), "B")).contains("from 0 news articles, and I cite");
  }

  @Test
  void should_list_a_page_of_sources_in_the_order_given_with_escaped_titles_and_links() {
    assertThat(ArticleLists.sources(ARTICLES, 0)).isEqualTo("<b>3 articles</b>, newest first:"
        + "\n• <a href=\"https://example.org/b?x=1&amp;y=2\">Beta &lt;news&gt;</a>, Desk &amp; Co, 2019-05-01"
        + "\n• Alpha, Desk &amp; Co, 2016-01-02"
        + "\n• Undated, Desk &amp; Co");
    assertThat(ArticleLists.sources(List.of(), 0)).isEqualTo("I have no articles indexed yet.");
  }

  @Test
  void should_report_a_reindex_with_its_errors() {
    IndexReport ok = new IndexReport(10, 80, 5, 1, 2, 3, 40, 900, List.of(), Duration.ofMillis(2345), null);
    IndexReport bad = new IndexReport(10, 80, 5, 0, 0, 5, 40, 900,
        List.of(new Problem("broken.md", "front matter is not closed; skipped")), Duration.ofMillis(100), null);

    assertThat(AdminTexts.reindexReport(ok))
        .isEqualTo("Reindex done: 10 articles, 80 passages in 2.3 s (5 added, 1 updated, 2 removed).\nNo errors.");
    assertThat(AdminTexts.reindexReport(bad)).endsWith("\nErrors (1):\n• broken.md: front matter is not closed; skipped");
  }

  @Test
  void should_show_stats_and_the_outcome_of_an_add() {
    assertThat(AdminTexts.stats(new AnswerStore.Stats(7, 2, 3, 1), new Library.Status(5, 40, 2_500_000, true, null)))
        .isEqualTo("Questions answered: 7, declined: 2.\nFeedback: 3 👍, 1 👎.\nIndex: 5 articles, 40 passages, 2.5 MB (reindex running).");
    IndexReport index = new IndexReport(1, 1, 1, 0, 0, 0, 1, 10, List.of(), Duration.ZERO, null);

    assertThat(CorpusTexts.added("x", new AddReport(List.of(new AddReport.Added("id1", "Title", 1, AddReport.Change.NEW)), List.of(),
        List.of(), Optional.of(index))))
        .isEqualTo("Added \"Title\" (id1): 1 passage.");
    assertThat(CorpusTexts.added("https://x", new AddReport(List.of(), List.of(new Problem("https://x", "answered HTTP 404")),
        List.of(), Optional.empty())))
        .isEqualTo("Could not add https://x: https://x: answered HTTP 404");
  }
}
