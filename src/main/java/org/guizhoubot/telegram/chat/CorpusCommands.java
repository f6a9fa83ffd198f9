package org.guizhoubot.telegram.chat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.function.Supplier;
import org.guizhoubot.index.ArticleMeta;
import org.guizhoubot.library.Library;
import org.guizhoubot.library.PollReport;
import org.guizhoubot.library.RemoveReport;
import org.guizhoubot.index.LogProgress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.guizhoubot.telegram.transport.Target;
import org.guizhoubot.telegram.transport.BotConfig;
import org.guizhoubot.telegram.transport.Incoming;
import org.guizhoubot.telegram.transport.Sender;
import org.guizhoubot.telegram.texts.FeedTexts;
import org.guizhoubot.telegram.texts.CorpusTexts;
import org.guizhoubot.telegram.texts.ArticleLists;
import org.guizhoubot.telegram.texts.Menu;
import org.guizhoubot.telegram.transport.BotApi;

/**
 * Browsing and keeping the corpus from the chat: /sources for everyone and /articles for admins
 * as pages of {@value Texts#PAGE_SIZE} with buttons; /remove, /feeds, /feed_add and /feed_remove
 * for admins; and the scheduled feed poll, whose new articles are told to the admins.
 */
final class CorpusCommands {
  private static final Logger log = LoggerFactory.getLogger(CorpusCommands.class);
  static final String SOURCES_PAGE = "src:";
  static final String ARTICLES_PAGE = "art:";

  private final Library library;
  private final Sender sender;
  private final OrderedQueues chats;
  private final ExecutorService admin;
  private final BotConfig config;

  CorpusCommands(Library library, Sender sender, OrderedQueues chats, ExecutorService admin, BotConfig config) {
    this.library = library;
    this.sender = sender;
    this.chats = chats;
    this.admin = admin;
    this.config = config;
  }

  List<Command> commands() {
    return List.of(
        Command.forAnyone("sources", new Menu("List the articles I answer from", "列出我回答所依据的文章"),
            r -> sources(r.target(), 0)),
        Command.forAdmins("articles", new Menu("List the articles with the ids /remove takes",
            "列出文章及其 id（供 /remove 使用）"), r -> articles(r.target(), 0)),
        Command.forAdmins("remove", new Menu("Delete an article from the corpus and the index",
            "从文章文件夹和索引中删除文章", "ID"), r -> remove(r.target(), r.args())),
        Command.forAdmins("feeds", new Menu("List the subscribed feeds and how their polls went",
            "列出已订阅的信息源及其抓取情况"), r -> work(r.target(), () -> FeedTexts.feeds(library.feeds()))),
        Command.forAdmins("feed_add", new Menu("Subscribe to an RSS or Atom feed", "订阅 RSS 或 Atom 信息源", "URL"),
            r -> feed(r.target(), r.args(), true)),
        Command.forAdmins("feed_remove", new Menu("End a feed subscription (its articles stay)",
            "取消订阅信息源（已添加的文章保留）", "URL"), r -> feed(r.target(), r.args(), false)));
  }

  List<PressRoute> presses() {
    return List.of(
        new PressRoute(SOURCES_PAGE, Command.Access.ANYONE, p -> page(p, SOURCES_PAGE)),
        new PressRoute(ARTICLES_PAGE, Command.Access.ADMINS, p -> page(p, ARTICLES_PAGE)));
  }

  private void page(Incoming.Press p, String prefix) {
    int page;
    try {
      page = Math.max(0, Integer.parseInt(p.data().substring(prefix.length())));
    } catch (NumberFormatException e) {
      page = 0;
    }
    int shown = page;
    chats.run(() -> sender.answerPress(p.callbackId(), "Page " + (shown + 1)));
    if (prefix.equals(SOURCES_PAGE)) {
      sources(p.replyTarget(), page);
    } else {
      articles(p.replyTarget(), page);
    }
  }

  private void sources(Target to, int page) {
    chats.submit(to.chatId(), () -> {
      List<ArticleMeta> all = articles();
      int p = Math.min(page, ArticleLists.pages(all.size()) - 1);
      sender.sayHtml(to, ArticleLists.sources(all, p), pageButtons(SOURCES_PAGE, all.size(), p));
    });
  }

  private void articles(Target to, int page) {
    chats.submit(to.chatId(), () -> {
      List<ArticleMeta> all = articles();
      int p = Math.min(page, ArticleLists.pages(all.size()) - 1);
      sender.sayHtml(to, ArticleLists.articles(all, p), pageButtons(ARTICLES_PAGE, all.size(), p));
    });
  }

  private List<ArticleMeta> articles() {
    return articlesOrNone(library);
  }

  /** The library's articles, or none when the index cannot be read (logged): a list in a chat never fails. */
  static List<ArticleMeta> articlesOrNone(Library library) {
    try {
      return library.articles();
    } catch (RuntimeException e) {
      log.error("Could not read the index", e);
      return List.of();
    }
  }

  private void remove(Target to, String args) {
    List<String> ids = Arrays.stream(args.strip().split("\\s+")).filter(s -> !s.isEmpty()).toList();
    if (ids.isEmpty()) {
      chats.submit(to.chatId(), () -> sender.say(to, CorpusTexts.REMOVE_HOW));
      return;
    }
    work(to, () -> {
      RemoveReport report = library.remove(ids);
      return CorpusTexts.removed(report);
    });
  }

  private void feed(Target to, String args, boolean add) {
    String url = args.strip();
    if (url.isEmpty()) {
      chats.submit(to.chatId(), () -> sender.say(to, add ? FeedTexts.FEED_ADD_HOW : FeedTexts.FEED_REMOVE_HOW));
      return;
    }
    work(to, () -> add ? FeedTexts.subscription(url, library.subscribe(url))
        : FeedTexts.unsubscribed(url, library.unsubscribe(url)));
  }

  /** Runs admin work off the chat's queue (it may fetch or reindex) and replies with its text. */
  private void work(Target to, Supplier<String> job) {
    admin.execute(() -> {
      String text;
      try {
        text = job.get();
      } catch (RuntimeException e) {
        log.error("Admin work for chat {} failed", to.chatId(), e);
        text = "That failed: " + e.getMessage();
      }
      String reply = text;
      chats.submit(to.chatId(), () -> sender.say(to, reply));
    });
  }

  /** One scheduled poll of the feeds; what arrived is told to each admin in their private chat. */
  void pollFeeds() {
    PollReport report;
    try {
      report = library.pollFeeds(false, LogProgress.every10s());
    } catch (RuntimeException e) {
      log.error("The scheduled feed poll failed", e);
      return;
    }
    String news = FeedTexts.feedNews(report);
    log.info("Feed poll: {} new articles from {} feeds", report.newArticles(), report.feeds().size());
    if (news != null) {
      for (long adminId : config.adminIds()) {
        chats.submit(adminId, () -> sender.say(new Target(adminId, null), news));
      }
    }
  }

  /** The ◀ and ▶ buttons of a paged list whose presses carry {@code prefix} and the page number. */
  static List<BotApi.Button> pageButtons(String prefix, int count, int page) {
    List<BotApi.Button> buttons = new ArrayList<>();
    if (page > 0) {
      buttons.add(new BotApi.Button("◀ Newer", prefix + (page - 1)));
    }
    if (page + 1 < ArticleLists.pages(count)) {
      buttons.add(new BotApi.Button("Older ▶", prefix + (page + 1)));
    }
    return buttons;
  }
}
