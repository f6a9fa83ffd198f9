package org.guizhoubot.index;

import java.util.Locale;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Indexing progress as a log line every interval (done/total, rate, time left), and the summary
 * at the end of a run that logged progress, for when
 * there is no terminal: under a pipe, systemd or a container. The logger
 * {@code org.guizhoubot.progress} logs at INFO even when the rest logs only warnings.
 */
public final class LogProgress implements IndexProgress {
  private static final Logger log = LoggerFactory.getLogger("org.guizhoubot.progress");

  private final long intervalNanos;
  private final LongSupplier clock;
  private int articles;
  private int passages;
  private long firstEmbedded;
  private int passagesAtFirst;
  private long lastLine;
  private boolean logged;

  /** @param clock nanoseconds, {@link System#nanoTime} outside tests */
  public LogProgress(long intervalNanos, LongSupplier clock) {
    if (intervalNanos <= 0) {
      throw new IllegalArgumentException("intervalNanos must be positive, was " + intervalNanos);
    }
    this.intervalNanos = intervalNanos;
    this.clock = clock;
  }

  /** A log line every 10 seconds. */
  public static LogProgress every10s() {
    return new LogProgress(10_000_000_000L, System::nanoTime);
  }

  @Override
  public void started(int articles, int passages) {
    this.articles = articles;
    this.passages = passages;
    this.lastLine = clock.getAsLong();
    this.firstEmbedded = 0;
    this.logged = false;
  }

  @Override
  public void embedded(int articlesDone, int passagesDone) {
    long now = clock.getAsLong();
    if (firstEmbedded == 0) {
      // the rate is measured from the first batch on, so loading the model does not skew it
      firstEmbedded = now;
      passagesAtFirst = passagesDone;
    }
    if (now - lastLine < intervalNanos || articlesDone >= articles) {
      return;
    }
    lastLine = now;
    logged = true;
    log.info(line(articlesDone, passagesDone, now));
  }

  String line(int articlesDone, int passagesDone, long now) {
    double secs = (now - firstEmbedded) / 1e9;
    double rate = secs > 0 ? (passagesDone - passagesAtFirst) / secs : 0;
    String left = rate > 0 ? duration((passages - passagesDone) / rate) : "unknown";
    return String.format(Locale.ROOT, "Indexing: %d/%d articles, %d/%d passages, %.1f passages/s, about %s left",
        articlesDone, articles, passagesDone, passages, rate, left);
  }

  @Override
  public void finished(IndexReport report) {
    if (logged) {
      log.info("Indexed {}", report.summary());
    }
  }

  static String duration(double secs) {
    long s = Math.round(secs);
    return s >= 3600 ? String.format(Locale.ROOT, "%d h %02d min", s / 3600, (s % 3600) / 60)
        : s >= 60 ? String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60) : s + " s";
  }
}
