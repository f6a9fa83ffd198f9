package org.guizhoubot.telegram;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import org.guizhoubot.App;
import org.guizhoubot.answer.AnswerResult;
import org.guizhoubot.answer.Citation;
import org.guizhoubot.answer.Outcome;
import org.guizhoubot.corpus.Article;
import org.guizhoubot.corpus.AddOutcome;
import org.guizhoubot.corpus.ArticleReader;
import org.guizhoubot.corpus.CorpusImporter;
import org.guizhoubot.corpus.Problem;
import org.guizhoubot.index.ArticleMeta;
import org.guizhoubot.index.IndexProgress;
import org.guizhoubot.index.IndexReport;
import org.guizhoubot.index.IndexSnapshot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.longpolling.interfaces.LongPollingUpdateConsumer;
import org.telegram.telegrambots.meta.api.objects.CallbackQuery;
import org.telegram.telegrambots.meta.api.objects.Document;
import org.telegram.telegrambots.meta.api.objects.MessageEntity;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.message.Message;

/**
 * What the bot does with each update: questions answered with citations on a bounded pool (one
 * chat at a time, in order), commands, admin work in the background, feedback votes. Nothing
 * thrown while handling an update escapes, so polling never stops.
 */
public final class GuizhouBot implements LongPollingUpdateConsumer, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(GuizhouBot.class);
  static final String TOPIC = "Guizhou's big data sector";
  static final String UP = "fb:u:";
  static final String DOWN = "fb:d:";
  /** The commands shown in Telegram's menu. */
  static final List<BotApi.CommandInfo> MENU = List.of(
      new BotApi.CommandInfo("ask", "Ask a question about Guizhou's big data sector"),
      new BotApi.CommandInfo("sources", "List the articles I answer from"),
      new BotApi.CommandInfo("help", "What I know and how to ask"));

  private final App app;
  private final BotApi api;
  private final BotConfig config;
  private final FeedbackStore feedback;
  private final BotApi.Identity me;
  private final ChatQueues chats;
  private final RateLimiter limiter;
  /** Non-essential calls (typing, the command menu): few threads, and dropped rather than queued when they pile up. */
  private final ExecutorService sideCalls = new ThreadPoolExecutor(2, 4, 30, TimeUnit.SECONDS,
      new ArrayBlockingQueue<>(64), BotThreads.daemon("bot-side"), new ThreadPoolExecutor.DiscardPolicy());
  private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(BotThreads.daemon("bot-typing"));
  private final ExecutorService adminWork = Executors.newSingleThreadExecutor(BotThreads.daemon("bot-admin"));
  private final AtomicBoolean reindexing = new AtomicBoolean();
  private volatile boolean closed;

  public GuizhouBot(App app, BotApi api, BotConfig config, FeedbackStore feedback, BotApi.Identity me) {
    this.app = app;
    this.api = api;
    this.config = config;
    this.feedback = feedback;
    this.me = me;
    this.chats = new ChatQueues(config.workers());
    this.limiter = new RateLimiter(config.rateLimitPerMinute(), System::nanoTime);
  }

  /** Registers the command menu without waiting for it: a slow or failing call delays nothing. */
  public CompletableFuture<Void> registerCommands() {
    CompletableFuture<Void> done = new CompletableFuture<>();
    sideCall(() -> {
      try {
        api.setCommands(MENU);
      } catch (BotApiException e) {
        log.warn("Could not register the command menu: {}", e.getMessage());
      } finally {
        done.complete(null);
      }
    });
    return done;
  }

  @Override
  public void consume(List<Update> updates) {
    if (closed) {
      return;
    }
    for (Update update : updates) {
      try {
        handle(update);
      } catch (Throwable t) {
        log.error("Update {} could not be handled", update == null ? null : update.getUpdateId(), t);
      }
    }
  }

  private void handle(Update update) {
    if (update.hasCallbackQuery()) {
      CallbackQuery q = update.getCallbackQuery();
      long userId = q.getFrom().getId();
      chats.run(() -> onCallback(q, userId));
    } else if (update.hasMessage()) {
      onMessage(update.getMessage());
    }
  }

  private void onMessage(Message m) {
    User from = m.getFrom();
    if (from == null || m.getChat() == null || Boolean.TRUE.equals(from.getIsBot())) {
      return;
    }
    long chatId = m.getChatId();
    boolean isPrivate = "private".equals(m.getChat().getType());
    Integer replyTo = isPrivate ? null : m.getMessageId();
    if (m.getDocument() != null) {
      if (config.isAdmin(from.getId())) {
        chats.submit(chatId, () -> onDocument(chatId, replyTo, m.getDocument()));
      } else if (isPrivate) {
        chats.submit(chatId, () -> say(chatId, replyTo, "Sorry, only the bot's admins can add articles."));
      }
      return;
    }
    String text = m.getText();
    if (text == null || text.isBlank()) {
      return;
    }
    Command cmd = Command.parse(text, me.username());
    if (cmd != null) {
      if (cmd.forOtherBot()) {
        return;
      }
      onCommand(m, cmd, chatId, replyTo, isPrivate);
      return;
    }
    if (isPrivate) {
      ask(m, text, replyTo);
    } else if (mentionsMe(m)) {
      ask(m, withoutMention(text), replyTo);
    } else if (repliesToMe(m)) {
      ask(m, text, replyTo);
    }
  }

  private void onCommand(Message m, Command cmd, long chatId, Integer replyTo, boolean isPrivate) {
    long userId = m.getFrom().getId();
    switch (cmd.name()) {
      case "start", "help" -> chats.submit(chatId, () -> sayHtml(chatId, replyTo, helpText()));
      case "sources" -> chats.submit(chatId, () -> sayHtml(chatId, replyTo, sourcesText()));
      case "ask" -> {
        if (cmd.args().isBlank()) {
          chats.submit(chatId, () -> say(chatId, replyTo, "Ask like this: /ask Who founded Baishan Cloud?"));
        } else {
          ask(m, cmd.args(), replyTo);
        }
      }
      case "reindex" -> adminOnly(userId, chatId, replyTo, () -> reindex(chatId, replyTo));
      case "add" -> adminOnly(userId, chatId, replyTo, () -> addUrl(chatId, replyTo, cmd.args()));
      case "stats" -> adminOnly(userId, chatId, replyTo, () -> chats.submit(chatId, () -> say(chatId, replyTo, statsText())));
      default -> {
        if (isPrivate) {
          chats.submit(chatId, () -> say(chatId, replyTo, "I don't know /" + cmd.name() + ". See /help."));
        }
      }
    }
  }

  private void adminOnly(long userId, long chatId, Integer replyTo, Runnable action) {
    if (config.isAdmin(userId)) {
      action.run();
    } else {
      chats.submit(chatId, () -> say(chatId, replyTo, "Sorry, that command is for the bot's admins only."));
    }
  }

  // ---- questions

  private void ask(Message m, String question, Integer replyTo) {
    long chatId = m.getChatId();
    switch (limiter.acquire(m.getFrom().getId())) {
      case LIMIT_SILENTLY -> {
        return;
      }
      case LIMIT_AND_NOTIFY -> {
        chats.submit(chatId, () -> say(chatId, replyTo,
            "You are asking faster than I can keep up with. Please wait a little, then ask again."));
        return;
      }
      case ALLOW -> { }
    }
    ScheduledFuture<?> typing = showTyping(chatId);
    chats.submit(chatId, () -> {
      try {
        answer(chatId, replyTo, question.strip());
      } finally {
        if (typing != null) {
          typing.cancel(false);
        }
      }
    });
  }

  /** Shows "typing..." now and every 4 s (Telegram clears it after 5 s) until cancelled; one call at a time per question. */
  private ScheduledFuture<?> showTyping(long chatId) {
    AtomicBoolean inFlight = new AtomicBoolean();
    try {
      return ticker.scheduleAtFixedRate(() -> {
        if (inFlight.compareAndSet(false, true)) {
          sideCall(() -> {
            try {
              api.typing(chatId);
            } finally {
              inFlight.set(false);
            }
          });
        }
      }, 0, 4, TimeUnit.SECONDS);
    } catch (RejectedExecutionException e) {
      return null;
    }
  }

  private void answer(long chatId, Integer replyTo, String question) {
    AnswerResult result;
    try {
      result = app.answerer().answer(question);
    } catch (RuntimeException e) {
      log.error("Answering a question in chat {} failed", chatId, e);
      say(chatId, replyTo, "Sorry, something went wrong while answering. Please try again later.");
      return;
    }
    Outcome outcome = result.outcome();
    List<String> articleIds = new ArrayList<>();
    if (outcome instanceof Outcome.Answered a) {
      for (Citation c : a.citations()) {
        if (!articleIds.contains(c.articleId())) {
          articleIds.add(c.articleId());
        }
      }
    }
    List<BotApi.Button> buttons = List.of();
    try {
      feedback.count(outcome instanceof Outcome.Answered ? "answered" : "declined");
      String key = feedback.remember(outcome.question(), articleIds,
          outcome instanceof Outcome.Answered ? "answered" : "declined");
      buttons = List.of(new BotApi.Button("👍", UP + key), new BotApi.Button("👎", DOWN + key));
    } catch (FeedbackStore.FeedbackStoreException e) {
      log.error("Could not record the answer for chat {}: {}", chatId, e.getMessage());
    }
    List<String> parts = TelegramHtml.split(TelegramHtml.render(outcome));
    for (int i = 0; i < parts.size(); i++) {
      BotApi.Outgoing out = BotApi.Outgoing.html(chatId, parts.get(i)).replyingTo(i == 0 ? replyTo : null);
      if (!send(i == parts.size() - 1 ? out.withButtons(buttons) : out)) {
        return;
      }
    }
  }

  // ---- feedback

  private void onCallback(CallbackQuery q, long userId) {
    String notice = "Sorry, I could not record that.";
    try {
      String data = q.getData() == null ? "" : q.getData();
      boolean up = data.startsWith(UP);
      if (up || data.startsWith(DOWN)) {
        String key = data.substring(UP.length());
        notice = feedback.vote(key, userId, up).isPresent()
            ? "Thanks for the feedback!" : "That answer is too old to rate.";
      }
    } catch (RuntimeException e) {
      log.error("Recording feedback failed", e);
    } finally {
      try {
        api.answerCallback(q.getId(), notice);
      } catch (BotApiException e) {
        log.warn("Could not answer a callback query: {}", e.getMessage());
      }
    }
  }

  // ---- admin work

  private void reindex(long chatId, Integer replyTo) {
    if (!reindexing.compareAndSet(false, true)) {
      chats.submit(chatId, () -> say(chatId, replyTo, "A reindex is already running; I will report here when it is done."));
      return;
    }
    chats.submit(chatId, () -> say(chatId, replyTo, "Reindexing in the background; I keep answering from the current index meanwhile."));
    adminWork.submit(() -> {
      try {
        var report = app.index().tryReindex(false, IndexProgress.NONE);
        if (report.isEmpty()) {
          chats.submit(chatId, () -> say(chatId, replyTo, "A reindex is already running (started elsewhere)."));
        } else {
          String text = reportText(report.get());
          chats.submit(chatId, () -> say(chatId, replyTo, text));
        }
      } catch (IOException | RuntimeException e) {
        log.error("Reindex asked from chat {} failed", chatId, e);
        chats.submit(chatId, () -> say(chatId, replyTo, "The reindex failed: " + e.getMessage()));
      } finally {
        reindexing.set(false);
      }
    });
  }

  static String reportText(IndexReport r) {
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

  private void addUrl(long chatId, Integer replyTo, String arg) {
    String url = arg.strip();
    if (!url.startsWith("http://") && !url.startsWith("https://")) {
      chats.submit(chatId, () -> say(chatId, replyTo, "Give the article's web address: /add https://example.com/article"));
      return;
    }
    chats.submit(chatId, () -> say(chatId, replyTo, "Fetching " + url + " ..."));
    adminWork.submit(() -> addAndReport(chatId, replyTo, url, () -> app.importer().addUrl(URI.create(url), false)));
  }

  private void onDocument(long chatId, Integer replyTo, Document doc) {
    String name = doc.getFileName() == null ? "" : doc.getFileName();
    String lower = name.toLowerCase(Locale.ROOT);
    if (!ArticleReader.isSupported(lower)) {
      say(chatId, replyTo, "I can add .txt, .md, .html, .pdf and .docx files; " + (name.isEmpty() ? "this file" : name)
          + " is none of those.");
      return;
    }
    int cap = CorpusImporter.maxBytes(lower);
    if (doc.getFileSize() != null && doc.getFileSize() > cap) {
      say(chatId, replyTo, name + " is larger than " + (cap >> 20) + " MB; I can add such files up to "
          + (cap >> 20) + " MB.");
      return;
    }
    adminWork.submit(() -> addAndReport(chatId, replyTo, name, () -> {
      byte[] bytes;
      try {
        bytes = api.download(doc.getFileId(), cap);
      } catch (BotApiException e) {
        return new AddOutcome.Failed(new Problem(name, "could not be downloaded (" + e.getMessage() + ")"));
      }
      return app.importer().addBytes(name, bytes, false);
    }));
  }

  private interface ArticleSource {
    AddOutcome get();
  }

  private void addAndReport(long chatId, Integer replyTo, String what, ArticleSource source) {
    String text;
    try {
      AddOutcome outcome = source.get();
      if (outcome.storedArticle().isEmpty()) {
        String reply = "Could not add " + what + ": " + outcome.describe();
        chats.submit(chatId, () -> say(chatId, replyTo, reply));
        return;
      }
      Article a = outcome.storedArticle().get();
      app.index().reindex(false, IndexProgress.NONE);
      ArticleMeta meta = app.index().store().articles().get(a.id());
      int passages = meta == null ? 0 : meta.passageCount();
      text = "Added \"" + a.title() + "\" (" + a.id() + "): " + passages + (passages == 1 ? " passage." : " passages.");
    } catch (IOException | RuntimeException e) {
      log.error("Adding {} asked from chat {} failed", what, chatId, e);
      text = "Could not add " + what + ": " + e.getMessage();
    }
    String reply = text;
    chats.submit(chatId, () -> say(chatId, replyTo, reply));
  }

  private String statsText() {
    FeedbackStore.Stats s = feedback.stats();
    int articles = 0;
    int passages = 0;
    try {
      IndexSnapshot snap = app.index().current();
      articles = snap.articles().size();
      passages = snap.passages().size();
    } catch (IOException e) {
      log.error("Could not read the index for /stats", e);
    }
    return String.format(Locale.ROOT,
        "Questions answered: %d, declined: %d.\nFeedback: %d 👍, %d 👎.\nIndex: %d articles, %d passages, %.1f MB%s.",
        s.answered(), s.declined(), s.votesUp(), s.votesDown(), articles, passages,
        app.index().store().sizeBytes() / 1e6, app.index().isReindexing() ? " (reindex running)" : "");
  }

  // ---- help and sources

  private String helpText() {
    Map<String, ArticleMeta> articles = articles();
    List<String> dates = articles.values().stream().map(ArticleMeta::published)
        .filter(d -> d != null && !d.isBlank()).sorted().toList();
    String range = dates.isEmpty() ? "" : dates.get(0).equals(dates.get(dates.size() - 1))
        ? ", published " + dates.get(0) : ", published between " + dates.get(0) + " and " + dates.get(dates.size() - 1);
    return "I answer questions about " + TelegramHtml.escape(TOPIC) + " from " + articles.size()
        + " news articles" + TelegramHtml.escape(range) + ", and I cite the articles I answer from."
        + "\n\nIn a private chat, just send me your question."
        + "\nIn a group, write <code>/ask your question</code>, mention @" + TelegramHtml.escape(me.username())
        + ", or reply to one of my messages."
        + "\n\n/sources lists the articles. Rate my answers with 👍 or 👎.";
  }

  private String sourcesText() {
    List<ArticleMeta> list = new ArrayList<>(articles().values());
    if (list.isEmpty()) {
      return "I have no articles indexed yet.";
    }
    list.sort(Comparator.comparing((ArticleMeta a) -> a.published() == null ? "" : a.published())
        .thenComparing(ArticleMeta::title));
    StringBuilder s = new StringBuilder("<b>").append(list.size()).append(" articles:</b>");
    for (ArticleMeta a : list) {
      s.append("\n• ").append(TelegramHtml.article(a.url(), a.title(), a.source(), a.published()));
    }
    return s.toString();
  }

  private Map<String, ArticleMeta> articles() {
    try {
      return app.index().current().articles();
    } catch (IOException e) {
      log.error("Could not read the index", e);
      return Map.of();
    }
  }

  // ---- group addressing

  private boolean mentionsMe(Message m) {
    String handle = "@" + me.username().toLowerCase(Locale.ROOT);
    if (m.getEntities() != null) {
      for (MessageEntity e : m.getEntities()) {
        if ("mention".equals(e.getType()) && e.getOffset() != null && e.getLength() != null
            && e.getOffset() + e.getLength() <= m.getText().length()
            && m.getText().substring(e.getOffset(), e.getOffset() + e.getLength()).equalsIgnoreCase(handle)) {
          return true;
        }
        if ("text_mention".equals(e.getType()) && e.getUser() != null && e.getUser().getId() == me.id()) {
          return true;
        }
      }
    }
    return !me.username().isEmpty() && containsHandle(m.getText(), handle);
  }

  private static boolean containsHandle(String text, String handle) {
    String lower = text.toLowerCase(Locale.ROOT);
    int i = lower.indexOf(handle);
    while (i >= 0) {
      int end = i + handle.length();
      boolean startOk = i == 0 || !isHandleChar(lower.charAt(i - 1));
      boolean endOk = end == lower.length() || !isHandleChar(lower.charAt(end));
      if (startOk && endOk) {
        return true;
      }
      i = lower.indexOf(handle, i + 1);
    }
    return false;
  }

  private static boolean isHandleChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_';
  }

  private String withoutMention(String text) {
    String stripped = text.replaceAll("(?i)@" + Pattern.quote(me.username()) + "\\b", " ").strip();
    return stripped.replaceAll("^[,:\\s]+", "");
  }

  private boolean repliesToMe(Message m) {
    Message r = m.getReplyToMessage();
    return r != null && r.getFrom() != null && r.getFrom().getId() != null && r.getFrom().getId() == me.id();
  }

  // ---- sending

  private void say(long chatId, Integer replyTo, String plain) {
    sayHtml(chatId, replyTo, TelegramHtml.escape(plain));
  }

  private void sayHtml(long chatId, Integer replyTo, String html) {
    List<String> parts = TelegramHtml.split(html);
    for (int i = 0; i < parts.size(); i++) {
      if (!send(BotApi.Outgoing.html(chatId, parts.get(i)).replyingTo(i == 0 ? replyTo : null))) {
        return;
      }
    }
  }

  /** Sends one message, falling back to plain text if Telegram rejects the HTML; false when it failed. */
  private boolean send(BotApi.Outgoing out) {
    try {
      api.send(out);
      return true;
    } catch (BotApiException e) {
      if (e.isParseError() && out.html()) {
        log.warn("Telegram rejected the HTML for chat {}, sending plain text: {}", out.chatId(), e.getMessage());
        try {
          api.send(out.asPlain());
          return true;
        } catch (BotApiException again) {
          e = again;
        }
      }
      log.error("Sending to chat {} failed: {}", out.chatId(), e.getMessage());
      return false;
    }
  }

  private interface ApiCall {
    void run() throws BotApiException;
  }

  /** A call that may fail or hang without delaying anything else; dropped when too many are waiting. */
  private void sideCall(ApiCall call) {
    try {
      sideCalls.execute(() -> {
        try {
          call.run();
        } catch (BotApiException | RuntimeException e) {
          log.debug("Side call failed: {}", e.getMessage());
        }
      });
    } catch (RejectedExecutionException e) {
      log.debug("Side call dropped: {}", e.getMessage());
    }
  }

  /** Waits for queued work to finish (up to about two seconds), then stops the bot's threads. */
  @Override
  public void close() {
    closed = true;
    ticker.shutdownNow();
    chats.close();
    BotThreads.stop(adminWork, 500);
    BotThreads.stop(sideCalls, 200);
  }

  /** A command in a message: {@code /name@bot args}. */
  record Command(String name, String args, boolean forOtherBot) {
    static Command parse(String text, String botUsername) {
      String t = text.stripLeading();
      if (!t.startsWith("/") || t.length() < 2) {
        return null;
      }
      int end = 1;
      while (end < t.length() && !Character.isWhitespace(t.charAt(end))) {
        end++;
      }
      String head = t.substring(1, end);
      String args = t.substring(end).strip();
      boolean other = false;
      int at = head.indexOf('@');
      if (at >= 0) {
        other = !head.substring(at + 1).equalsIgnoreCase(botUsername);
        head = head.substring(0, at);
      }
      if (head.isEmpty() || !head.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '_')) {
        return null;
      }
      return new Command(head.toLowerCase(Locale.ROOT), args, other);
    }
  }
}
