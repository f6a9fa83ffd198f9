package org.guizhoubot.telegram.chat;

import java.net.URI;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import org.guizhoubot.index.IndexProgress;
import org.guizhoubot.index.IndexReport;
import org.guizhoubot.library.AddReport;
import org.guizhoubot.library.ArticleSource;
import org.guizhoubot.library.Library;
import org.guizhoubot.web.Urls;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.guizhoubot.telegram.transport.Target;
import org.guizhoubot.telegram.transport.BotApi;
import org.guizhoubot.telegram.transport.Incoming;
import org.guizhoubot.telegram.transport.BotApiException;
import org.guizhoubot.telegram.transport.Sender;
import org.guizhoubot.telegram.state.BotDb;
import org.guizhoubot.telegram.texts.TelegramHtml;
import org.guizhoubot.telegram.texts.CorpusTexts;
import org.guizhoubot.telegram.texts.AdminTexts;
import org.guizhoubot.telegram.texts.Menu;
import org.guizhoubot.telegram.state.AnswerStore;

/**
 * What admins can do: reindex, add an article by URL or as an uploaded file, and see statistics.
 * Imports and reindexes run in the background, so the bot keeps answering; their outcome is
 * reported in the chat that asked. Whether a reindex runs is the library's decision
 * ({@link Library#reindexIfIdle}); requests are put to it one at a time, in the order they came.
 */
final class AdminCommands {
  private static final Logger log = LoggerFactory.getLogger(AdminCommands.class);
  /** Keys of {@link #background}: imports run one after another, and reindex requests are decided one after another. */
  private static final long IMPORTS = 1;
  private static final long REINDEX_REQUESTS = 2;

  private final Library library;
  private final BotDb feedback;
  private final Sender sender;
  private final OrderedQueues chats;
  private final ExecutorService admin;
  private final OrderedQueues background;
  private final Downloads downloads;
  private final PendingReplacements pending = new PendingReplacements(20);
  static final String REPLACE = "rpl:";
  /** The chat a reindex started here reports to while it runs; only words the reply to another request. */
  private volatile Long reportingChat;

  /** Fetches a file a user sent, failing when it is larger than {@code maxBytes}. */
  interface Downloads {
    byte[] download(String fileId, int maxBytes) throws BotApiException;
  }

  AdminCommands(Library library, BotDb feedback, Sender sender, OrderedQueues chats, ExecutorService admin,
      Downloads downloads) {
    this.library = library;
    this.feedback = feedback;
    this.sender = sender;
    this.chats = chats;
    this.admin = admin;
    this.background = new OrderedQueues(admin);
    this.downloads = downloads;
  }

  List<Command> commands() {
    return List.of(
        Command.forAdmins("add", new Menu(
            "Add an article from its web address (or send me a .txt, .md, .html, .pdf or .docx file)",
            "从网址添加文章（也可以直接发送 .txt、.md、.html、.pdf 或 .docx 文件）", "URL"),
            r -> addUrl(r.target(), r.args())),
        Command.forAdmins("reindex", new Menu("Bring the index up to date with the corpus folder",
            "按文章文件夹更新索引"), r -> reindex(r.target())),
        Command.forAdmins("stats", new Menu("Questions answered and declined, feedback, index size",
            "回答和拒答的问题数、评价、索引大小"),
            r -> chats.submit(r.target().chatId(), () -> sender.say(r.target(), stats()))));
  }

  private String stats() {
    AnswerStore.Stats votes = feedback.answers().stats();
    Library.Status index;
    try {
      index = library.status();
    } catch (RuntimeException e) {
      log.error("Could not read the index for /stats", e);
      index = new Library.Status(0, 0, 0, false, null);
    }
    return AdminTexts.stats(votes, index);
  }

  // ---- reindex

  private void reindex(Target to) {
    CompletableFuture<String> ack = new CompletableFuture<>();
    chats.submit(to.chatId(), ack, text -> sender.say(to, text == null ? AdminTexts.REINDEX_STARTED : text));
    background.submit(REINDEX_REQUESTS, () -> {
      admin.execute(() -> runReindex(to, ack));
      try {
        ack.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (ExecutionException e) {
        throw new IllegalStateException("the reindex acknowledgement failed", e);
      }
    });
  }

  /** Runs a reindex unless one is running; {@code ack} gets the first reply as soon as it is known which. */
  private void runReindex(Target to, CompletableFuture<String> ack) {
    AtomicBoolean mine = new AtomicBoolean();
    String reply;
    try {
      Library.Reindex outcome = library.reindexIfIdle(false, new IndexProgress() {
        @Override
        public void started(int articles, int passages) {
          mine.set(true);
          reportingChat = to.chatId();
          ack.complete(AdminTexts.REINDEX_STARTED);
        }
      });
      if (outcome instanceof Library.Reindex.Done done) {
        reply = AdminTexts.reindexReport(done.report());
      } else {
        Long running = reportingChat;
        ack.complete(running != null && running == to.chatId()
            ? AdminTexts.REINDEX_RUNNING_HERE : AdminTexts.REINDEX_RUNNING_ELSEWHERE);
        return;
      }
    } catch (RuntimeException e) {
      log.error("Reindex asked from chat {} failed", to.chatId(), e);
      reply = AdminTexts.reindexFailed(e.getMessage());
    } finally {
      if (mine.get()) {
        reportingChat = null;
      }
      ack.complete(AdminTexts.REINDEX_STARTED);
    }
    report(to, reply);
  }

  // ---- adding articles

  private void addUrl(Target to, String arg) {
    String url = arg.strip();
    if (!Urls.isWeb(url)) {
      report(to, CorpusTexts.ADD_HOW);
      return;
    }
    report(to, CorpusTexts.fetching(url));
    background.submit(IMPORTS, () -> {
      URI uri;
      try {
        uri = URI.create(url);
      } catch (IllegalArgumentException e) {
        log.info("Not adding {}: {}", url, e.getMessage());
        report(to, CorpusTexts.notAdded(url, e.getMessage()));
        return;
      }
      add(to, url, new ArticleSource.Url(uri));
    });
  }

  /** A file sent by an admin: checked for type and size here, downloaded and added in the background. */
  void upload(Incoming.Upload file) {
    Target to = file.replyTarget();
    String name = file.fileName();
    OptionalInt limit = library.uploadLimit(name);
    if (limit.isEmpty()) {
      sender.say(to, CorpusTexts.notAFileType(name));
      return;
    }
    int cap = limit.getAsInt();
    if (file.fileSize() != null && file.fileSize() > cap) {
      sender.say(to, CorpusTexts.tooLarge(name, cap));
      return;
    }
    background.submit(IMPORTS, () -> {
      byte[] bytes;
      try {
        bytes = downloads.download(file.fileId(), cap);
      } catch (BotApiException e) {
        log.warn("Downloading {} from chat {} failed: {}", name, to.chatId(), e.getMessage());
        report(to, CorpusTexts.notAdded(name, name + ": could not be downloaded (" + e.getMessage() + ")"));
        return;
      }
      add(to, name, new ArticleSource.Upload(name, bytes));
    });
  }

  private void add(Target to, String what, ArticleSource source) {
    add(to, what, source, false);
  }

  /** Adds; when the id is taken by a different article, asks with a button whether to replace it. */
  private void add(Target to, String what, ArticleSource source, boolean replace) {
    String text;
    try {
      AddReport report = library.add(List.of(source), replace, IndexProgress.NONE);
      if (!report.conflicts().isEmpty()) {
        String token = pending.offer(source);
        String ask = CorpusTexts.conflict(report.conflicts().get(0));
        chats.submit(to.chatId(), () -> sender.sayHtml(to, TelegramHtml.escape(ask),
            List.of(new BotApi.Button("Replace it", REPLACE + token))));
        return;
      }
      text = CorpusTexts.added(what, report);
    } catch (RuntimeException e) {
      log.error("Adding {} asked from chat {} failed", what, to.chatId(), e);
      text = CorpusTexts.notAdded(what, String.valueOf(e.getMessage()));
    }
    report(to, text);
  }

  /** Presses on "Replace it": the article offered is added again, replacing the one that had its id. */
  List<PressRoute> presses() {
    return List.of(new PressRoute(REPLACE, Command.Access.ADMINS, p -> {
      ArticleSource source = pending.take(p.data().substring(REPLACE.length()));
      chats.run(() -> sender.answerPress(p.callbackId(), source == null ? CorpusTexts.REPLACE_GONE : "Replacing..."));
      if (source != null) {
        background.submit(IMPORTS, () -> add(p.replyTarget(), source.name(), source, true));
      }
    }));
  }

  private void report(Target to, String text) {
    chats.submit(to.chatId(), () -> sender.say(to, text));
  }
}
