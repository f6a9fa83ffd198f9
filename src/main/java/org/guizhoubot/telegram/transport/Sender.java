package org.guizhoubot.telegram.transport;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.guizhoubot.telegram.texts.TelegramHtml;

/**
 * Everything the bot's logic sends, over {@link BotApi} (whose implementation holds the deadlines,
 * the 429 waits and the token redaction): replies split under Telegram's limit and sent again as
 * plain text when Telegram rejects their HTML; non-essential calls that may fail or hang without
 * delaying anything. A failed send is logged with its chat and never thrown.
 */
public final class Sender {
  private static final Logger log = LoggerFactory.getLogger(Sender.class);
  private final BotApi api;
  private final ExecutorService side;
  private final ScheduledExecutorService ticker;

  /** Charges the user a reply was for with the messages beyond the first. */
  public interface Charge {
    void extraMessages(long userId, int messages);
  }

  private Charge charge = (user, n) -> { };

  /** Sets who is charged for long replies (the rate limiter); by default no one. */
  public Sender chargingWith(Charge charge) {
    this.charge = java.util.Objects.requireNonNull(charge, "charge");
    return this;
  }

  private final java.util.concurrent.Executor live;

  /**
   * @param live runs the updates of replies shown while they are written ({@link #live}); it must
   *     run or reject every task, never drop one silently
   */
  public Sender(BotApi api, ExecutorService side, ScheduledExecutorService ticker, java.util.concurrent.Executor live) {
    this.api = api;
    this.side = side;
    this.ticker = ticker;
    this.live = java.util.Objects.requireNonNull(live, "live");
  }

  /** For each chat, the System.nanoTime() before which no draft update or edit may go to it. */
  private final Map<Long, Long> pace = new java.util.concurrent.ConcurrentHashMap<>();

  /** When the next draft update or edit may go to a chat (System.nanoTime()). */
  long paceOf(long chatId) {
    return pace.getOrDefault(chatId, System.nanoTime());
  }

  /** Notes that no draft update or edit may go to a chat before {@code notBefore} (System.nanoTime()). */
  void paced(long chatId, long notBefore) {
    pace.merge(chatId, notBefore, Math::max);
    if (pace.size() > 10_000) {
      long now = System.nanoTime();
      pace.values().removeIf(t -> t - now < 0);
    }
  }

  /**
   * A reply to be shown while it is written: as a draft in a private chat, as a message edited in
   * place in a group; {@code firstShown} runs once the first text is on screen.
   */
  public LiveReply live(Target to, boolean privateChat, Runnable firstShown) {
    return new LiveReply(api, this, to, privateChat, ticker, live, firstShown);
  }

  /** Sends plain text (escaped into HTML). */
  public void say(Target to, String plain) {
    sayHtml(to, TelegramHtml.escape(plain));
  }

  public void sayHtml(Target to, String html) {
    sayHtml(to, html, List.of());
  }

  /**
   * Sends HTML in as many messages as it needs, replying with the first, with the buttons under the
   * last; the ids of the messages sent.
   */
  public List<Integer> sayHtml(Target to, String html, List<BotApi.Button> buttons) {
    List<String> parts = TelegramHtml.split(html);
    charge(to, parts.size() - 1);
    return sendParts(to, parts, buttons);
  }

  /** Charges the user a reply is for with {@code extra} messages. */
  void charge(Target to, int extra) {
    if (to.sentBy() != null) {
      charge.extraMessages(to.sentBy(), extra);
    }
  }

  /** Sends parts of a reply in order, replying with the first, the buttons under the last; the ids sent. */
  List<Integer> sendParts(Target to, List<String> parts, List<BotApi.Button> buttons) {
    List<Integer> sent = new java.util.ArrayList<>(parts.size());
    for (int i = 0; i < parts.size(); i++) {
      BotApi.Outgoing out = BotApi.Outgoing.html(to.chatId(), parts.get(i)).replyingTo(i == 0 ? to.replyTo() : null);
      java.util.OptionalInt id = send(i == parts.size() - 1 ? out.withButtons(buttons) : out);
      if (id.isEmpty()) {
        break;
      }
      sent.add(id.getAsInt());
    }
    return sent;
  }

  /** Sends one message, falling back to plain text if Telegram rejects the HTML; its id, empty when it failed. */
  private java.util.OptionalInt send(BotApi.Outgoing out) {
    try {
      return java.util.OptionalInt.of(api.send(out));
    } catch (BotApiException e) {
      if (e.isParseError() && out.html()) {
        log.warn("Telegram rejected the HTML for chat {}, sending plain text: {}", out.chatId(), e.getMessage());
        try {
          return java.util.OptionalInt.of(api.send(out.asPlain()));
        } catch (BotApiException again) {
          e = again;
        }
      }
      log.error("Sending to chat {} failed: {}", out.chatId(), e.getMessage());
      return java.util.OptionalInt.empty();
    }
  }

  /** Answers a button press with a short notice; a failure is only logged. */
  public void answerPress(String callbackId, String notice) {
    try {
      api.answerCallback(callbackId, notice);
    } catch (BotApiException e) {
      log.warn("Could not answer a callback query: {}", e.getMessage());
    }
  }

  /** Shows "typing..." in a chat now and every 4 s (Telegram clears it after 5 s) until the returned handle is stopped. */
  public Typing typing(long chatId) {
    AtomicBoolean inFlight = new AtomicBoolean();
    try {
      ScheduledFuture<?> ticks = ticker.scheduleAtFixedRate(() -> {
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
      return () -> ticks.cancel(false);
    } catch (RejectedExecutionException e) {
      return () -> { };
    }
  }

  /**
   * Registers command menus one after another in a single side call, so that a hanging call holds
   * one side thread and never the typing indicator; a failure is only logged.
   */
  public void setCommands(Map<BotApi.MenuScope, List<BotApi.CommandInfo>> menus, Runnable done) {
    sideCall(() -> {
      try {
        menus.forEach((scope, menu) -> {
          try {
            api.setCommands(menu, scope);
          } catch (BotApiException e) {
            log.warn("Could not register the command menu for {}: {}", scope, e.getMessage());
          }
        });
      } finally {
        done.run();
      }
    });
  }

  /** Stops a "typing..." indicator. */
  public interface Typing {
    void stop();
  }

  private interface ApiCall {
    void run() throws BotApiException;
  }

  /** A call that may fail or hang without delaying anything else; dropped when too many are waiting. */
  private void sideCall(ApiCall call) {
    try {
      side.execute(() -> {
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
}
