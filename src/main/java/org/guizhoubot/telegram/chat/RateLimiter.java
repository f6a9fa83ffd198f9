package org.guizhoubot.telegram.chat;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * A token bucket per user: {@code perMinute} requests at once, refilled evenly over a minute.
 * A user who runs out is told once, then ignored until tokens are back.
 */
final class RateLimiter {
  enum Decision { ALLOW, LIMIT_AND_NOTIFY, LIMIT_SILENTLY }

  private final double capacity;
  private final double perNano;
  private final LongSupplier nanoClock;
  private final Map<Long, Bucket> buckets = new ConcurrentHashMap<>();

  RateLimiter(int perMinute, LongSupplier nanoClock) {
    if (perMinute < 1) {
      throw new IllegalArgumentException("perMinute must be >= 1, was " + perMinute);
    }
    this.capacity = perMinute;
    this.perNano = perMinute / 60e9;
    this.nanoClock = nanoClock;
  }

  /** Buckets kept before full ones (users quiet for a minute) are dropped. */
  static final int PRUNE_ABOVE = 10_000;

  Decision acquire(long userId) {
    long now = nanoClock.getAsLong();
    if (buckets.size() > PRUNE_ABOVE) {
      buckets.values().removeIf(b -> now - b.updated > 60_000_000_000L);
    }
    Bucket b = buckets.computeIfAbsent(userId, id -> new Bucket(capacity, now));
    synchronized (b) {
      b.tokens = Math.min(capacity, b.tokens + (now - b.updated) * perNano);
      b.updated = now;
      if (b.tokens >= 1) {
        b.tokens -= 1;
        b.notified = false;
        return Decision.ALLOW;
      }
      if (b.notified) {
        return Decision.LIMIT_SILENTLY;
      }
      b.notified = true;
      return Decision.LIMIT_AND_NOTIFY;
    }
  }

  /**
   * Charges a user for {@code messages} more messages than the one request paid for (a reply sent
   * in several parts), so that the next requests wait longer; tokens go down to minus one
   * minute's worth at most.
   */
  void charge(long userId, int messages) {
    if (messages <= 0) {
      return;
    }
    long now = nanoClock.getAsLong();
    Bucket b = buckets.computeIfAbsent(userId, id -> new Bucket(capacity, now));
    synchronized (b) {
      b.tokens = Math.max(-capacity, b.tokens - messages);
    }
  }

  private static final class Bucket {
    double tokens;
    long updated;
    boolean notified;

    Bucket(double tokens, long updated) {
      this.tokens = tokens;
      this.updated = updated;
    }
  }
}
