package org.guizhoubot.telegram.transport;

import java.time.Duration;
import org.telegram.telegrambots.longpolling.interfaces.BackOff;

/**
 * The wait between failed polls: doubles from {@code initial} up to {@code max} and never stops
 * (telegrambots' default grows to 15 minutes, so the bot would stay away that long after an outage).
 */
public final class CappedBackOff implements BackOff {
  private final long initialMillis;
  private final long maxMillis;
  private long next;

  public CappedBackOff(Duration initial, Duration max) {
    if (initial.isNegative() || initial.isZero()) {
      throw new IllegalArgumentException("initial must be positive, was " + initial);
    }
    if (max.compareTo(initial) < 0) {
      throw new IllegalArgumentException("max (" + max + ") must be >= initial (" + initial + ")");
    }
    this.initialMillis = initial.toMillis();
    this.maxMillis = max.toMillis();
    this.next = initialMillis;
  }

  @Override
  public synchronized void reset() {
    next = initialMillis;
  }

  @Override
  public synchronized long nextBackOffMillis() {
    long now = next;
    next = Math.min(maxMillis, next * 2);
    return now;
  }
}
