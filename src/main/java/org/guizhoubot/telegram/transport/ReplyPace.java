package org.guizhoubot.telegram.transport;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * When the next update of one reply being written may go out: a {@link #GAP} after the last one,
 * or a 429's {@code retry_after} later; each step is told to the {@link Sender}, which paces the chat.
 */
final class ReplyPace {
  /** The least time between two updates of one reply. */
  static final Duration GAP = Duration.ofSeconds(1);

  private final Sender sender;
  private final long chatId;
  /** {@link System#nanoTime()} before which no update goes out. */
  private long notBefore;

  ReplyPace(Sender sender, long chatId) {
    this.sender = Objects.requireNonNull(sender, "sender");
    this.chatId = chatId;
    this.notBefore = sender.paceOf(chatId);
  }

  /** How long from now until the next update may go out (zero or less: now). */
  synchronized long waitNanos() {
    return notBefore - System.nanoTime();
  }

  /** After an update went out, or was answered 429 with {@code retryAfter} seconds (else null). */
  synchronized void updated(Integer retryAfter) {
    long wait = retryAfter == null ? GAP.toNanos() : TimeUnit.SECONDS.toNanos(retrySeconds(retryAfter));
    notBefore = Math.max(notBefore, System.nanoTime() + wait);
    sender.paced(chatId, notBefore);
  }

  /** After a 429 on the final edit: nothing goes out for {@code seconds}. */
  synchronized void retryAfter(int seconds) {
    notBefore = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    sender.paced(chatId, notBefore);
  }

  /** After the final edit went out: the chat's next message waits the gap. */
  void finished() {
    sender.paced(chatId, System.nanoTime() + GAP.toNanos());
  }

  /** A 429's {@code retry_after} as waited out: at least one second, at most {@link TelegramBotApi#MAX_RETRY_AFTER_SECONDS}. */
  static int retrySeconds(int retryAfter) {
    return Math.min(Math.max(retryAfter, 1), TelegramBotApi.MAX_RETRY_AFTER_SECONDS);
  }
}
