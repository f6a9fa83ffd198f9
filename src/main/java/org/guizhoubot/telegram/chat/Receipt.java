package org.guizhoubot.telegram.chat;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.guizhoubot.telegram.state.InboxStore;

/**
 * The bot's promise to handle one update: {@link #done()} records it handled (once; later calls do
 * nothing). A stale receipt belongs to an update recovered after a restart too late to be answered.
 */
final class Receipt {
  /** For updates that are not recorded (the tests of the logic). */
  static final Receipt NONE = new Receipt(() -> { }, false);

  private final Runnable onDone;
  private final boolean stale;
  private final Supplier<InboxStore.Handled> mark;
  private final AtomicBoolean done = new AtomicBoolean();

  Receipt(Runnable onDone, boolean stale) {
    this(onDone, stale, () -> null);
  }

  /** A receipt whose {@link #done()} runs {@code onDone}, or whose {@code mark} a caller writes in its own transaction. */
  Receipt(Runnable onDone, boolean stale, Supplier<InboxStore.Handled> mark) {
    this.onDone = Objects.requireNonNull(onDone, "onDone");
    this.stale = stale;
    this.mark = Objects.requireNonNull(mark, "mark");
  }

  boolean stale() {
    return stale;
  }

  /**
   * That the update is handled, now, for a caller to write in the same transaction as its own
   * writes (then {@link #markWritten()}); null when there is no record or it is done already.
   */
  InboxStore.Handled mark() {
    return done.get() ? null : mark.get();
  }

  /** Done, the {@link #mark()} having been written by the caller: writes nothing more. */
  void markWritten() {
    done.set(true);
  }

  void done() {
    if (done.compareAndSet(false, true)) {
      onDone.run();
    }
  }
}
