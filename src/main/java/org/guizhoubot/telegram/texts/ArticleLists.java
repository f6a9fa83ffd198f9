package org.guizhoubot.telegram.texts;

import java.util.List;
import org.guizhoubot.corpus.PublishedDates;
import org.guizhoubot.index.ArticleMeta;

/** HTML: the article lists of /sources and /articles, a page at a time, newest first. */
public final class ArticleLists {
  /** Articles shown on one page of /sources and /articles. */
  static final int PAGE_SIZE = 10;

  private ArticleLists() {}

  /** The number of pages a list of {@code count} items takes (at least one). */
  public static int pages(int count) {
    return Math.max(1, (count + PAGE_SIZE - 1) / PAGE_SIZE);
  }

  private static <T> List<T> page(List<T> all, int page) {
    int from = Math.min(all.size(), page * PAGE_SIZE);
    return all.subList(from, Math.min(all.size(), from + PAGE_SIZE));
  }

  private static String pageHeader(int count, int page) {
    return "<b>" + count + " articles</b>, newest first" + (pages(count) > 1 ? " (page " + (page + 1) + " of "
        + pages(count) + ")" : "") + ":";
  }

  /** HTML: one page of the articles (newest first), each linked when it has a URL. */
  public static String sources(List<ArticleMeta> newestFirst, int page) {
    if (newestFirst.isEmpty()) {
      return "I have no articles indexed yet.";
    }
    StringBuilder s = new StringBuilder(pageHeader(newestFirst.size(), page));
    for (ArticleMeta a : page(newestFirst, page)) {
      s.append("\n• ").append(TelegramHtml.article(a.url(), a.title(), a.source(), a.published()));
    }
    return s.toString();
  }

  /** HTML: one page of the articles for admins, with the ids that /remove takes. */
  public static String articles(List<ArticleMeta> newestFirst, int page) {
    if (newestFirst.isEmpty()) {
      return "I have no articles indexed yet.";
    }
    StringBuilder s = new StringBuilder(pageHeader(newestFirst.size(), page));
    for (ArticleMeta a : page(newestFirst, page)) {
      s.append("\n• ").append(a.published() == null ? "" : TelegramHtml.escape(PublishedDates.calendarDate(a.published())) + " ")
          .append("<code>").append(TelegramHtml.escape(a.id())).append("</code> ")
          .append(TelegramHtml.escape(a.title()));
    }
    return s.append("\n\nRemove one with /remove ID.").toString();
  }
}
