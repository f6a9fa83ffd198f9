package org.guizhoubot.telegram.transport;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.guizhoubot.telegram.texts.TelegramHtml;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A reply shown while it is written, then replaced by the final one. In a private chat the text so
 * far is a draft ({@code sendMessageDraft}) and the final reply a new message; in a group a first
 * message goes out once the text holds a whole sentence, and is edited in place, the final reply
 * included. At most one draft update or edit a second per chat, none before a 429's
 * {@code retry_after} has passed; updates in between are skipped, the newest text wins.
 */
public final class LiveReply {
  private static final Logger log = LoggerFactory.getLogger(LiveReply.class);
  /** How long {@link #finish} waits for an update in flight. */
  private static final Duration FLUSH_WAIT = Duration.ofSeconds(30);
  private static final Pattern SENTENCE_END = Pattern.compile("[.!?](?=\\s|\\[|$)|[。！？]");
  private static final AtomicInteger DRAFT_IDS = new AtomicInteger();

  private final BotApi api;
  private final Sender sender;
  private final Target to;
  private final boolean privateChat;
  private final ScheduledExecutorService ticker;
  private final Executor calls;
  private final Runnable firstShown;
  private final int draftId;
  private final ReplyPace pace;

  private final Object lock = new Object();
  /** The HTML to show next, or null. */
  private String wanted;
  /** The HTML on screen, or null. */
  private String onScreen;
  /** In a group, the message shown and edited; null until it is sent. */
  private Integer messageId;
  /** An update is scheduled or running. */
  private boolean pending;
  private ScheduledFuture<?> scheduled;
  private boolean finished;
  /** Updates stopped after a failure other than a 429. */
  private boolean broken;
  private boolean shownOnce;

  LiveReply(BotApi api, Sender sender, Target to, boolean privateChat, ScheduledExecutorService ticker, Executor calls,
      Runnable firstShown) {
    this.api = Objects.requireNonNull(api, "api");
    this.sender = Objects.requireNonNull(sender, "sender");
    this.to = Objects.requireNonNull(to, "to");
    this.privateChat = privateChat;
    this.ticker = Objects.requireNonNull(ticker, "ticker");
    this.calls = Objects.requireNonNull(calls, "calls");
    this.firstShown = Objects.requireNonNull(firstShown, "firstShown");
    this.pace = new ReplyPace(sender, to.chatId());
    int id = DRAFT_IDS.incrementAndGet() & Integer.MAX_VALUE;
    this.draftId = id == 0 ? 1 : id;
  }

  /**
   * The reply so far, plain text, each call extending the one before; shown when the pace allows,
   * in a group only once it holds a whole sentence. Never blocks.
   */
  public void show(String plain) {
    String html = TelegramHtml.escape(plain);
    synchronized (lock) {
      if (finished || broken || html.isEmpty() || html.length() > TelegramHtml.MAX_MESSAGE) {
        return;
      }
      if (!privateChat && messageId == null && !SENTENCE_END.matcher(plain).find()) {
        return;
      }
      wanted = html;
      scheduleLocked();
    }
  }

  private void scheduleLocked() {
    if (pending || finished || broken) {
      return;
    }
    pending = true;
    long delay = Math.max(0, pace.waitNanos());
    try {
      scheduled = ticker.schedule(() -> {
        try {
          calls.execute(this::flush);
        } catch (RejectedExecutionException e) {
          done(false);
        }
      }, delay, TimeUnit.NANOSECONDS);
    } catch (RejectedExecutionException e) {
      pending = false;
    }
  }

  private void done(boolean again) {
    synchronized (lock) {
      pending = false;
      lock.notifyAll();
      if (again && wanted != null && !wanted.equals(onScreen)) {
        scheduleLocked();
      }
    }
  }

  private void flush() {
    String html;
    Integer id;
    synchronized (lock) {
      if (finished || broken || wanted == null || wanted.equals(onScreen)) {
        pending = false;
        lock.notifyAll();
        return;
      }
      html = wanted;
      id = messageId;
    }
    Integer sent = null;
    boolean shown = false;
    Integer retryAfter = null;
    boolean failed = false;
    try {
      if (privateChat) {
        api.draft(to.chatId(), draftId, html);
      } else if (id == null) {
        sent = api.send(BotApi.Outgoing.html(to.chatId(), html).replyingTo(to.replyTo()));
      } else {
        api.edit(to.chatId(), id, html, List.of());
      }
      shown = true;
    } catch (BotApiException e) {
      retryAfter = e.retryAfter();
      failed = retryAfter == null;
      if (failed) {
        log.warn("Showing the reply being written in chat {} stopped: {}", to.chatId(), e.getMessage());
      } else {
        log.info("Telegram asked to slow down updates in chat {}: waiting {} s", to.chatId(), retryAfter);
      }
    } catch (RuntimeException e) {
      failed = true;
      log.warn("Showing the reply being written in chat {} failed", to.chatId(), e);
    }
    boolean first = false;
    synchronized (lock) {
      if (sent != null) {
        messageId = sent;
      }
      if (shown) {
        onScreen = html;
        first = !shownOnce;
        shownOnce = true;
      }
      broken |= failed;
      pace.updated(retryAfter);
    }
    if (first) {
      firstShown.run();
    }
    done(true);
  }

  /**
   * Replaces what was shown with the final reply (HTML, split under Telegram's limit, buttons under
   * the last part) and returns the ids of its messages. In a private chat it is sent as new
   * messages; in a group the message shown is edited into its first part, pace and 429s waited
   * out, and if it cannot be edited the reply is sent anew.
   */
  public List<Integer> finish(String html, List<BotApi.Button> buttons) {
    Integer id;
    synchronized (lock) {
      finished = true;
      if (scheduled != null && scheduled.cancel(false)) {
        pending = false;
      }
      long end = System.nanoTime() + FLUSH_WAIT.toNanos();
      while (pending && System.nanoTime() < end) {
        try {
          lock.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(end - System.nanoTime())));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
      }
      id = messageId;
    }
    if (privateChat || id == null) {
      return sender.sayHtml(to, html, buttons);
    }
    List<String> parts = TelegramHtml.split(html);
    if (!FinalEdit.edit(api, to, pace, id, parts.get(0), parts.size() == 1 ? buttons : List.of())) {
      return sender.sayHtml(to, html, buttons);
    }
    sender.charge(to, parts.size() - 1);
    List<Integer> ids = new ArrayList<>();
    ids.add(id);
    ids.addAll(sender.sendParts(new Target(to.chatId(), null, to.sentBy()), parts.subList(1, parts.size()), buttons));
    return ids;
  }

  /** Whether anything was shown before the final reply. */
  public boolean shownAny() {
    synchronized (lock) {
      return shownOnce;
    }
  }
}
