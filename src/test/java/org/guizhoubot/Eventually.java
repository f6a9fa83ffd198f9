package org.guizhoubot;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/** Waits for a condition up to a deadline, checking it every few milliseconds: how tests wait, instead of a fixed sleep. */
public final class Eventually {
  private static final long PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

  private Eventually() {}

  /**
   * Whether {@code condition} held within {@code limit}; checked at once, then every 20 ms.
   *
   * @throws InterruptedException when the waiting thread is interrupted
   */
  public static boolean within(Duration limit, BooleanSupplier condition) throws InterruptedException {
    long end = System.nanoTime() + limit.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() - end > 0) {
        return false;
      }
      LockSupport.parkNanos(PAUSE_NANOS);
      if (Thread.interrupted()) {
        throw new InterruptedException("interrupted while waiting for a condition");
      }
    }
    return true;
  }
}
