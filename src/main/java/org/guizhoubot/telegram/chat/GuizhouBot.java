package org.guizhoubot.telegram.chat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.guizhoubot.library.Library;
import org.guizhoubot.telegram.transport.BotApi;
import org.guizhoubot.telegram.transport.BotConfig;
import org.guizhoubot.telegram.transport.Incoming;
import org.guizhoubot.telegram.transport.Sender;
import org.guizhoubot.telegram.state.BotDb;

/**
 * The bot's logic, wired: the {@link Router} and the handlers it sends work to, over one
 * {@link Sender} and the threads of {@link BotExecutors}. It takes {@link Incoming} updates, so it
 * runs without HTTP given any {@link BotApi}. Closing stops its threads.
 */
final class GuizhouBot implements AutoCloseable {
  private final BotExecutors executors;
  private final Sender sender;
  private final Router router;
  private final CorpusCommands corpus;
  private final OrderedQueues chats;
  private final java.util.Set<Long> adminIds;
  private volatile boolean closed;

  GuizhouBot(Library library, BotApi api, BotConfig config, BotDb feedback, BotApi.Identity me) {
    this.executors = new BotExecutors(config.workers());
    RateLimiter limiter = new RateLimiter(config.rateLimitPerMinute(), System::nanoTime);
    this.sender = new Sender(api, executors.side, executors.ticker, executors.live).chargingWith(limiter::charge);
    OrderedQueues chats = new OrderedQueues(executors.workers);
    this.chats = chats;
    ConversationIds conversations = new ConversationIds();
    Questions questions = new Questions(library, feedback, sender, chats, limiter, conversations);
    AdminCommands admin = new AdminCommands(library, feedback, sender, chats, executors.admin, api::download);
    this.corpus = new CorpusCommands(library, sender, chats, executors.admin, config);
    List<Command> adminCommands = new ArrayList<>(corpus.commands());
    adminCommands.addAll(admin.commands());
    adminCommands.removeIf(c -> c.access() != Command.Access.ADMINS);
    List<Command> commands = new ArrayList<>();
    commands.addAll(questions.commands());
    commands.addAll(corpus.commands());
    commands.addAll(new InfoCommands(library, sender, chats, me.username(), conversations, config::isAdmin,
        adminCommands).commands());
    commands.addAll(admin.commands());
    List<PressRoute> presses = new ArrayList<>(corpus.presses());
    presses.addAll(admin.presses());
    this.adminIds = config.adminIds();
    this.router = new Router(me, config, commands, presses, questions, admin, new Feedback(feedback, sender), sender,
        chats, conversations, limiter);
  }

  /** Polls the subscribed feeds every {@code interval}, the first time one interval from now. */
  void pollFeedsEvery(Duration interval) {
    long ms = interval.toMillis();
    executors.ticker.scheduleWithFixedDelay(() -> {
      try {
        executors.admin.execute(corpus::pollFeeds);
      } catch (RejectedExecutionException e) {
        // shutting down
      }
    }, ms, ms, TimeUnit.MILLISECONDS);
  }

  /** Routes one update that is not recorded; work is queued, so this returns at once. */
  void handle(Incoming update) {
    handle(update, Receipt.NONE);
  }

  /** Routes one update and marks its receipt done once handled; work is queued, so this returns at once. */
  void handle(Incoming update, Receipt receipt) {
    if (!closed) {
      router.route(update, receipt);
    }
  }

  boolean isClosed() {
    return closed;
  }

  /** Whether no chat has work queued, waiting for an answer or running, so that no reply is on its way. */
  boolean isIdle() {
    return chats.isIdle() && executors.workersIdle();
  }

  /**
   * Registers the command menus without waiting for them (a slow or failing call delays nothing):
   * everyone's, and in each admin's private chat the admins', each in English and in Chinese.
   */
  CompletableFuture<Void> registerCommands() {
    Map<BotApi.MenuScope, List<BotApi.CommandInfo>> menus = new LinkedHashMap<>();
    for (boolean chinese : new boolean[] {false, true}) {
      String language = chinese ? "zh" : null;
      menus.put(new BotApi.MenuScope(null, language), router.menu(false, chinese));
      for (long adminId : adminIds) {
        menus.put(new BotApi.MenuScope(adminId, language), router.menu(true, chinese));
      }
    }
    CompletableFuture<Void> done = new CompletableFuture<>();
    sender.setCommands(menus, () -> done.complete(null));
    return done;
  }

  /** Lets queued replies go out (up to about two seconds), then stops the bot's threads. */
  @Override
  public void close() {
    closed = true;
    executors.close();
  }
}
