package org.guizhoubot.telegram;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.guizhoubot.corpus.Problem;
import org.guizhoubot.index.ArticleMeta;
import org.guizhoubot.index.IndexReport;
import org.guizhoubot.library.AddReport;
import org.guizhoubot.library.Library;

/** What the bot says: the fixed replies, and the texts made from the library's state (plain text unless named HTML). */
final class Texts {
  static final String TOPIC = "Guizhou's big data sector";

  static final String ASK_HOW = "Ask like this: /ask Who founded Baishan Cloud?";
  static final String ADMINS_ONLY = "Sorry, that command is for the bot's admins only.";
  static final String UPLOAD_ADMINS_ONLY = "Sorry, only the bot's admins can add articles.";
  static final String TOO_FAST = "You are asking faster than I can keep up with. Please wait a little, then ask again.";
  static final String ANSWER_FAILED = "Sorry, something went wrong while answering. Please try again later.";
  static final String VOTE_THANKS = "Thanks for the feedback!";
  static final String VOTE_TOO_OLD = "That answer is too old to rate.";
  static final String VOTE_FAILED = "Sorry, I could not record that.";
  static final String REINDEX_STARTED = "Reindexing in the background; I keep answering from the current index meanwhile.";
  static final String REINDEX_RUNNING_HERE = "A reindex is already running; I will report here when it is done.";
  static final String REINDEX_RUNNING_ELSEWHERE = "A reindex is already running (started elsewhere).";
  static final String NEW_CONVERSATION = "Starting afresh: your next question stands on its own.";
  static final String NEW_CONVERSATION_ZH = "好的，重新开始：下一个问题将单独理解。";
  static final String ADD_HOW = "Give the article's web address: /add https://example.com/article";

  private Texts() {}

  static String unknownCommand(String name) {
    return "I don't know /" + name + ". See /help.";
  }

  /** HTML: what the bot knows (topic, article count, publication dates) and how to ask it. */
  static String help(List<ArticleMeta> articles, String botUsername) {
    List<String> dates = articles.stream().map(ArticleMeta::published)
        .filter(d -> d != null && !d.isBlank()).sorted().toList();
    String range = dates.isEmpty() ? "" : dates.get(0).equals(dates.get(dates.size() - 1))
        ? ", published " + dates.get(0) : ", published between " + dates.get(0) + " and " + dates.get(dates.size() - 1);
    return "I answer questions about " + TelegramHtml.escape(TOPIC) + " from " + articles.size()
        + " news articles" + TelegramHtml.escape(range) + ", and I cite the articles I answer from."
        + "\n\nIn a private chat, just send me your question."
        + "\nIn a group, write <code>/ask your question</code>, mention @" + TelegramHtml.escape(botUsername)
        + ", or reply to one of my messages."
        + "\n\nFollow-up questions work: after \"Who founded Baishan Cloud?\" you can ask \"When was it set up?\"."
        + " In a group each person has their own thread, and replying to one of my answers continues it."
        + " /new starts afresh (I also forget after a while)."
        + "\n\nYou may ask in Chinese too (/help zh): I answer with sentences quoted from the English articles."
        + "\n\n/sources lists the articles. Rate my answers with 👍 or 👎.";
  }

  /** HTML: the help in Chinese (the articles, and so the quoted answers, are in English). */
  static String helpChinese(List<ArticleMeta> articles, String botUsername) {
    return "我根据 " + articles.size() + " 篇英文新闻文章回答关于贵州大数据产业的问题，并注明答案出自哪篇文章。"
        + "可以用中文提问：我会把问题转成英文检索，回答引用英文文章的原句。"
        + "\n\n私聊时直接发送问题即可。在群组中请用 <code>/ask 你的问题</code>、提到 @" + TelegramHtml.escape(botUsername)
        + "，或回复我的消息。"
        + "\n\n可以追问：问完“白山云的联合创始人是谁？”后，可以接着问“它是哪一年成立的？”。"
        + "在群组中每个人有自己的对话，回复我的回答即可接着那个对话。/new 重新开始（一段时间后我也会忘记之前的问题）。"
        + "\n\n/sources 列出全部文章。可以用 👍 或 👎 评价我的回答。";
  }

  /** HTML: the articles, oldest first (undated first), each linked when it has a URL. */
  static String sources(List<ArticleMeta> articles) {
    if (articles.isEmpty()) {
      return "I have no articles indexed yet.";
    }
    List<ArticleMeta> list = new ArrayList<>(articles);
    list.sort(Comparator.comparing((ArticleMeta a) -> a.published() == null ? "" : a.published())
        .thenComparing(ArticleMeta::title));
    StringBuilder s = new StringBuilder("<b>").append(list.size()).append(" articles:</b>");
    for (ArticleMeta a : list) {
      s.append("\n• ").append(TelegramHtml.article(a.url(), a.title(), a.source(), a.published()));
    }
    return s.toString();
  }

  static String stats(FeedbackStore.Stats s, Library.Status index) {
    return String.format(Locale.ROOT,
        "Questions answered: %d, declined: %d.\nFeedback: %d 👍, %d 👎.\nIndex: %d articles, %d passages, %.1f MB%s.",
        s.answered(), s.declined(), s.votesUp(), s.votesDown(), index.articles(), index.passages(),
        index.sizeBytes() / 1e6, index.reindexing() ? " (reindex running)" : "");
  }

  static String reindexReport(IndexReport r) {
    StringBuilder s = new StringBuilder(String.format(Locale.ROOT,
        "Reindex done: %d articles, %d passages in %.1f s (%d added, %d updated, %d removed).",
        r.articles(), r.passages(), r.elapsed().toMillis() / 1000.0, r.added(), r.updated(), r.removed()));
    if (r.problems().isEmpty()) {
      s.append("\nNo errors.");
    } else {
      s.append("\nErrors (").append(r.problems().size()).append("):");
      for (Problem p : r.problems()) {
        s.append("\n• ").append(p.name()).append(": ").append(p.message());
      }
    }
    return s.toString();
  }

  static String reindexFailed(String why) {
    return "The reindex failed: " + why;
  }

  static String fetching(String url) {
    return "Fetching " + url + " ...";
  }

  /** The outcome of adding one article named {@code what} (a URL or a file name). */
  static String added(String what, AddReport report) {
    if (!report.added().isEmpty()) {
      AddReport.Added a = report.added().get(0);
      return "Added \"" + a.title() + "\" (" + a.id() + "): " + a.passages() + (a.passages() == 1 ? " passage." : " passages.");
    }
    return report.problems().isEmpty() ? notAdded(what, "nothing was added") : notAdded(what, report.problems().get(0).toString());
  }

  static String notAdded(String what, String why) {
    return "Could not add " + what + ": " + why;
  }

  static String notAFileType(String name) {
    return "I can add .txt, .md and .html files; " + (name.isEmpty() ? "this file" : name) + " is none of those.";
  }

  static String tooLarge(String name) {
    return name + " is larger than 1 MB; I can add files up to 1 MB.";
  }
}
