package org.guizhoubot.telegram.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimiterTest {
  private final AtomicLong now = new AtomicLong();
  private final RateLimiter limiter = new RateLimiter(3, now::get);

  @Test
  void should_make_a_user_wait_longer_after_a_reply_of_several_messages() {
    assertThat(limiter.acquire(7)).isEqualTo(RateLimiter.Decision.ALLOW);
    limiter.charge(7, 4);

    assertThat(limiter.acquire(7)).isEqualTo(RateLimiter.Decision.LIMIT_AND_NOTIFY);
    now.addAndGet(40_000_000_000L);
    assertThat(limiter.acquire(7)).as("two tokens back after 40 s, still below one").isEqualTo(RateLimiter.Decision.LIMIT_SILENTLY);
    now.addAndGet(20_000_000_000L);
    assertThat(limiter.acquire(7)).isEqualTo(RateLimiter.Decision.ALLOW);
    assertThat(limiter.acquire(8)).as("another user is not charged").isEqualTo(RateLimiter.Decision.ALLOW);
  }
}
