package org.guizhoubot.telegram.texts;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.guizhoubot.conversation.Greetings;
import org.guizhoubot.corpus.AddOutcome;
import org.guizhoubot.corpus.Article;
import org.guizhoubot.corpus.Problem;
import org.guizhoubot.corpus.PublishedDates;
import org.guizhoubot.feed.Feed;
import org.guizhoubot.feed.FeedPoller;
import org.guizhoubot.feed.FeedResult;
import org.guizhoubot.index.ArticleMeta;
import org.guizhoubot.index.IndexReport;
import org.guizhoubot.language.Language;
import org.guizhoubot.library.AddReport;
import org.guizhoubot.library.Library;
import org.guizhoubot.library.PollReport;
import org.guizhoubot.library.RemoveReport;
import org.guizhoubot.telegram.state.BotDb;
import org.guizhoubot.telegram.state.AnswerStore;

/** What the bot says: the fixed replies, and the texts made from the library's state (plain text unless named HTML). */
public final class Texts {
  public static final String TOPIC = "Guizhou's big data sector";

  public static final String ASK_HOW = "Ask like this: /ask Who founded Baishan Cloud?";
  public static final String ADMINS_ONLY = "Sorry, that command is for the bot's admins only.";
  public static final String UPLOAD_ADMINS_ONLY = "Sorry, only the bot's admins can add articles.";
  public static final String TOO_FAST = "You are asking faster than I can keep up with. Please wait a little, then ask again.";
  /** Above an offline answer that replaced one the language model was writing. */
  public static final String LLM_UNAVAILABLE = "The language model was unavailable, so this is the offline answer.";
  public static final String LLM_UNAVAILABLE_ZH = "语言模型暂时不可用，以下是离线答案。";
  public static final String ANSWER_FAILED = "Sorry, something went wrong while answering. Please try again later.";
  public static final String VOTE_THANKS = "Thanks for the feedback!";
  public static final String VOTE_TOO_OLD = "That answer is too old to rate.";
  public static final String VOTE_FAILED = "Sorry, I could not record that.";
  public static final String REINDEX_STARTED = "Reindexing in the background; I keep answering from the current index meanwhile.";
  public static final String REINDEX_RUNNING_HERE = "A reindex is already running; I will report here when it is done.";
  public static final String REINDEX_RUNNING_ELSEWHERE = "A reindex is already running (started elsewhere).";
  public static final String MISSED_WHILE_RESTARTING =
      "Sorry, I was restarting when you asked this and it is too long ago now to answer. Please ask again.";
  public static final String NEW_CONVERSATION = "Starting afresh: your next question stands on its own.";
  public static final String NEW_CONVERSATION_ZH = "好的，重新开始：下一个问题将单独理解。";
  public static final String ADD_HOW = "Give the article's web address: /add https://example.com/article";

  private Texts() {}

  public static String unknownCommand(String name) {
    return "I don't know /" + name + ". See /help.";
  }

  /** The years the articles were published in: "from 2017 to 2022", "in 2019", or "" when none is dated. */
  static String years(List<ArticleMeta> articles) {
    String range = PublishedDates.yearRange(articles.stream().map(ArticleMeta::published).toList());
    return range.isEmpty() ? "" : range.contains(" to ") ? "from " + range : "in " + range;
  }

  /** The years in Chinese: "2017 至 2022 年", "2019 年", or "". */
  static String yearsChinese(List<ArticleMeta> articles) {
    String range = PublishedDates.yearRange(articles.stream().map(ArticleMeta::published).toList());
    return range.isEmpty() ? "" : range.replace(" to ", " 至 ") + " 年";
  }

  /** An example question, as the help and the welcome give it. */
  static final String EXAMPLE = "Who founded Baishan Cloud?";
  static final String EXAMPLE_ZH = "白山云的联合创始人是谁？";

  /**
   * The one reply to a greeting or a thanks, in its language: what the bot covers (article count,
   * publication years) and an example question.
   */
  public static String welcome(Greetings.Greeting g, List<ArticleMeta> articles) {
    if (g.language() == Language.CHINESE) {
      String years = yearsChinese(articles).isEmpty() ? "" : "（发表于 " + yearsChinese(articles) + "）";
      return (g.kind() == Greetings.Kind.THANKS ? "不客气！" : "你好！") + "我根据 " + articles.size() + " 篇英文新闻文章"
          + years + "回答关于贵州大数据产业的问题。可以这样问：" + EXAMPLE_ZH;
    }
    String years = years(articles).isEmpty() ? "" : " published " + years(articles);
    return (g.kind() == Greetings.Kind.THANKS ? "You're welcome! " : "Hello! ") + "I answer questions about " + TOPIC
        + " from " + articles.size() + " news articles" + years + ". Try asking: " + EXAMPLE;
  }

  /** HTML: what the bot knows (topic, article count, publication years) and how to ask it. */
  public static String help(List<ArticleMeta> articles, String botUsername) {
    return help(articles, botUsername, Map.of());
  }

  /** HTML: the help, and then, for an admin, the admin commands with what each is for. */
  public static String help(List<ArticleMeta> articles, String botUsername, Map<String, Menu> adminCommands) {
    String range = years(articles).isEmpty() ? "" : ", published " + years(articles);
    return "I answer questions about " + TelegramHtml.escape(TOPIC) + " from " + articles.size()
        + " news articles" + TelegramHtml.escape(range) + ", and I cite the articles I answer from."
        + "\n\nIn a private chat, just send me your question."
        + "\nIn a group, write <code>/ask your question</code>, mention @" + TelegramHtml.escape(botUsername)
        + ", or reply to one of my messages."
        + "\n\nFollow-up questions work: after \"Who founded Baishan Cloud?\" you can ask \"When was it set up?\"."
        + " In a group each person has their own thread, and replying to one of my answers continues it."
        + " /new starts afresh (I also forget after a while)."
        + "\n\nYou may ask in Chinese too (/help zh): I answer with sentences quoted from the English articles."
        + "\n\n/sources lists the articles, newest first. Rate my answers with 👍 or 👎."
        + adminHelp("Admin commands (you are an admin):", adminCommands, false);
  }

  /** HTML: the admin commands, one a line with its arguments and use; empty for none. */
  private static String adminHelp(String heading, Map<String, Menu> adminCommands, boolean chinese) {
    if (adminCommands.isEmpty()) {
      return "";
    }
    StringBuilder s = new StringBuilder("\n\n<b>").append(TelegramHtml.escape(heading)).append("</b>");
    for (Map.Entry<String, Menu> c : adminCommands.entrySet()) {
      s.append("\n/").append(c.getKey()).append(c.getValue().args().isEmpty() ? "" : " " + c.getValue().args())
          .append(" – ").append(TelegramHtml.escape(chinese ? c.getValue().chinese() : c.getValue().english()));
    }
    return s.toString();
  }

  /** HTML: the help in Chinese (the articles, and so the quoted answers, are in English). */
  public static String helpChinese(List<ArticleMeta> articles, String botUsername) {
    return helpChinese(articles, botUsername, Map.of());
  }

  /** HTML: the Chinese help, and then, for an admin, the admin commands. */
  public static String helpChinese(List<ArticleMeta> articles, String botUsername, Map<String, Menu> adminCommands) {
    String years = yearsChinese(articles).isEmpty() ? "" : "（发表于 " + yearsChinese(articles) + "）";
    return "我根据 " + articles.size() + " 篇英文新闻文章" + years + "回答关于贵州大数据产业的问题，并注明答案出自哪篇文章。"
        + "可以用中文提问：我会把问题转成英文检索，回答引用英文文章的原句。"
        + "\n\n私聊时直接发送问题即可。在群组中请用 <code>/ask 你的问题</code>、提到 @" + TelegramHtml.escape(botUsername)
        + "，或回复我的消息。"
        + "\n\n可以追问：问完“白山云的联合创始人是谁？”后，可以接着问“它是哪一年成立的？”。"
        + "在群组中每个人有自己的对话，回复我的回答即可接着那个对话。/new 重新开始（一段时间后我也会忘记之前的问题）。"
        + "\n\n/sources 列出全部文章。可以用 👍 或 👎 评价我的回答。"
        + adminHelp("管理员命令（你是管理员）：", adminCommands, true);
  }

  /** Articles shown on one page of /sources and /articles. */
  static final int PAGE_SIZE = 10;

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

  public static String removed(RemoveReport r) {
    if (r.removed().isEmpty()) {
      return (r.problems().size() == 1 ? "No article has the id " : "No article has these ids: ")
          + String.join(", ", r.notRemoved()) + ". Nothing was removed and the index is unchanged; /articles shows the ids.";
    }
    StringBuilder s = new StringBuilder();
    for (RemoveReport.Removed a : r.removed()) {
      s.append("Removed \"").append(a.title()).append("\" (").append(a.id()).append(").\n");
    }
    for (Problem p : r.problems()) {
      s.append("Not removed ").append(p).append(".\n");
    }
    r.index().ifPresent(i -> s.append(String.format(Locale.ROOT, "The index now holds %d articles.", i.articles())));
    return s.toString().strip();
  }

  public static final String REMOVE_HOW = "Give the article's id, as /articles shows it: /remove some-article-id";
  public static final String FEED_ADD_HOW = "Give the feed's address: /feed_add https://example.com/rss.xml";
  public static final String FEED_REMOVE_HOW = "Give the feed's address, as /feeds shows it: /feed_remove https://example.com/rss.xml";
  public static final String REPLACE_GONE = "That offer to replace has expired; add the article again.";

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

  public static String subscription(String url, FeedPoller.Subscription s) {
    if (s instanceof FeedPoller.Subscription.Subscribed ok) {
      return "Subscribed to " + ok.feed().url() + (ok.feed().title() == null ? "" : " (" + ok.feed().title() + ")")
          + " with " + ok.items() + " items; new items are added at the next poll.";
    }
    if (s instanceof FeedPoller.Subscription.AlreadySubscribed a) {
      return "Already subscribed to " + a.feed().url() + ".";
    }
    return "Could not subscribe to " + url + ": " + ((FeedPoller.Subscription.Refused) s).problem().message();
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

  /** The id of an article being added is taken by another: asks whether to replace it. */
  public static String conflict(AddOutcome.Conflict c) {
    return "Not added: the id " + c.incoming().id() + " (\"" + c.incoming().title() + "\") is already taken by "
        + c.existingFile() + " (\"" + c.existingTitle() + "\"), a different article. Replace it?";
  }

  public static String stats(AnswerStore.Stats s, Library.Status index) {
    return String.format(Locale.ROOT,
        "Questions answered: %d, declined: %d.\nFeedback: %d 👍, %d 👎.\nIndex: %d articles, %d passages, %.1f MB%s.",
        s.answered(), s.declined(), s.votesUp(), s.votesDown(), index.articles(), index.passages(),
        index.sizeBytes() / 1e6, index.reindexing() ? " (reindex running)" : "");
  }

  public static String reindexReport(IndexReport r) {
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

  public static String reindexFailed(String why) {
    return "The reindex failed: " + why;
  }

  public static String fetching(String url) {
    return "Fetching " + url + " ...";
  }

  /** The outcome of adding one article named {@code what} (a URL or a file name). */
  public static String added(String what, AddReport report) {
    if (!report.added().isEmpty()) {
      AddReport.Added a = report.added().get(0);
      return "Added \"" + a.title() + "\" (" + a.id() + "): " + a.passages() + (a.passages() == 1 ? " passage." : " passages.");
    }
    return report.problems().isEmpty() ? notAdded(what, "nothing was added") : notAdded(what, report.problems().get(0).toString());
  }

  public static String notAdded(String what, String why) {
    return "Could not add " + what + ": " + why;
  }

  public static String notAFileType(String name) {
    return "I can add .txt, .md, .html, .pdf and .docx files; " + (name.isEmpty() ? "this file" : name)
        + " is none of those.";
  }

  public static String tooLarge(String name, int maxBytes) {
    return name + " is larger than " + (maxBytes >> 20) + " MB; I can add such files up to " + (maxBytes >> 20) + " MB.";
  }
}
