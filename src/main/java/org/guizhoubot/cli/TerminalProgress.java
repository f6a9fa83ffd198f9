package org.guizhoubot.cli;

import java.io.PrintWriter;
import java.util.Locale;
import org.guizhoubot.index.IndexProgress;
import org.guizhoubot.index.IndexReport;

/** Shows indexing progress on one rewritten line: articles, passages, rate and time left. */
final class TerminalProgress implements IndexProgress {
  private final PrintWriter err;
  private long start;
  private long lastPrint;
  private int articles;
  private int passages;

  TerminalProgress(PrintWriter err) {
    this.err = err;
  }

  @Override
  public void started(int articles, int passages) {
    this.articles = articles;
    this.passages = passages;
    this.start = System.nanoTime();
    if (passages > 0) {
      err.printf(Locale.ROOT, "Embedding %d passages of %d articles...%n", passages, articles);
    }
  }

  @Override
  public void embedded(int articlesDone, int passagesDone) {
    long now = System.nanoTime();
    if (now - lastPrint < 250_000_000L && articlesDone < articles) {
      return;
    }
    lastPrint = now;
    double secs = (now - start) / 1e9;
    double rate = secs > 0 ? passagesDone / secs : 0;
    double left = rate > 0 ? (passages - passagesDone) / rate : 0;
    err.printf(Locale.ROOT, "\r%d/%d articles, %d/%d passages, %.0f passages/s, %s left   ",
        articlesDone, articles, passagesDone, passages, rate, duration(left));
    err.flush();
  }

  @Override
  public void finished(IndexReport report) {
    if (passages > 0) {
      err.println();
    }
  }

  private static String duration(double secs) {
    long s = Math.round(secs);
    return s >= 60 ? (s / 60) + " min " + (s % 60) + " s" : s + " s";
  }
}
