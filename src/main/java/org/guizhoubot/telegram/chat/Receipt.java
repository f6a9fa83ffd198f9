package org.guizhoubot.telegram.chat;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The bot's promise to handle one update: {@link #done()} records it handled (once; later calls do
 * nothing). A stale receipt belongs to an update recovered after a restart too late to be answered.
 */
final class Receipt {
  /** For updates that are not recorded (the tests of the logic). */
  static final Receipt NONE = new Receipt(() -> { }, false);

  private final Runnable onDone;
  private final boolean stale;
  private final AtomicBoolean done = new AtomicBoolean();

  Receipt(Runnable onDone, boolean stale) {
    this.onDone = onDone;
    this.stale = stale;
  }

  boolean stale() {
    return stale;
  }

  void done() {
    if (done.compareAndSet(false, true)) {
      onDone.run();
    }
  }
}
