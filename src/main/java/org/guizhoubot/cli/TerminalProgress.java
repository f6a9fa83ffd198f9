package org.guizhoubot.cli;

import java.io.PrintStream;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.guizhoubot.index.IndexProgress;
import org.guizhoubot.index.IndexReport;

/** Indexing progress on a terminal: a progress bar (me.tongfei progressbar) over the passages to embed. */
final class TerminalProgress implements IndexProgress {
  private final PrintStream err;
  private ProgressBar bar;
  private long firstNanos;
  private long firstPassages;

  TerminalProgress(PrintStream err) {
    this.err = err;
  }

  @Override
  public void started(int articles, int passages) {
    if (passages == 0) {
      return;
    }
    err.printf("Embedding %d passages of %d articles%n", passages, articles);
    bar = new ProgressBarBuilder().setTaskName("Indexing").setInitialMax(passages).setUnit(" passages", 1)
        .setStyle(ProgressBarStyle.ASCII).showSpeed().setSpeedUnit(ChronoUnit.SECONDS)
        .setConsumer(new ConsoleProgressBarConsumer(err)).setUpdateIntervalMillis(250)
        .setEtaFunction(this::eta).build();
  }

  /** Time left from the rate since the first batch, so the model's loading time does not inflate it. */
  private Optional<Duration> eta(me.tongfei.progressbar.ProgressState state) {
    long done = state.getCurrent();
    if (firstNanos == 0 || done <= firstPassages) {
      return Optional.empty();
    }
    double rate = (done - firstPassages) / ((System.nanoTime() - firstNanos) / 1e9);
    return Optional.of(Duration.ofSeconds(Math.round((state.getMax() - done) / rate)));
  }

  @Override
  public void embedded(int articlesDone, int passagesDone) {
    if (bar == null) {
      return;
    }
    if (firstNanos == 0) {
      firstNanos = System.nanoTime();
      firstPassages = passagesDone;
    }
    bar.stepTo(passagesDone);
  }

  @Override
  public void finished(IndexReport report) {
    if (bar != null) {
      bar.close();
      bar = null;
    }
  }
}
