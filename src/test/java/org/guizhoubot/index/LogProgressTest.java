package org.guizhoubot.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class LogProgressTest {
  @Test
  void should_estimate_time_left_from_the_rate_since_the_first_batch() {
    AtomicLong now = new AtomicLong(0);
    LogProgress p = new LogProgress(10_000_000_000L, now::get);
    p.started(100, 1000);
    now.set(5_000_000_000L); // the model loaded for 5 s before the first batch came back
    p.embedded(1, 10);
    now.set(65_000_000_000L);

    String line = p.line(40, 610, now.get());

    // 600 passages in 60 s: 10 passages/s, 390 left: 39 s
    assertThat(line).isEqualTo("Indexing: 40/100 articles, 610/1000 passages, 10.0 passages/s, about 39 s left");
  }

  @Test
  void should_write_durations_readably() {
    assertThat(LogProgress.duration(42)).isEqualTo("42 s");
    assertThat(LogProgress.duration(125)).isEqualTo("2 min 05 s");
    assertThat(LogProgress.duration(3720)).isEqualTo("1 h 02 min");
  }
}
