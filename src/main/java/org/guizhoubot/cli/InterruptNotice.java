package org.guizhoubot.cli;

import java.io.PrintWriter;
import org.guizhoubot.index.IndexProgress;
import org.guizhoubot.index.IndexReport;

/**
 * Passes progress on, and when the program is stopped (Ctrl-C, SIGTERM) during indexing, says how
 * much was saved and that the next run goes on from there.
 */
final class InterruptNotice implements IndexProgress {
  private final IndexProgress delegate;
  private final PrintWriter err;
  private volatile int committed;
  private volatile int total;
  private Thread hook;

  InterruptNotice(IndexProgress delegate, PrintWriter err) {
    this.delegate = delegate;
    this.err = err;
  }

  @Override
  public void started(int articles, int passages) {
    total = articles;
    if (articles > 0) {
      hook = new Thread(() -> {
        err.println();
        err.printf("Interrupted: %d of %d changed articles were saved to the index; run index again to go on"
            + " from there.%n", committed, total);
        err.flush();
      }, "index-interrupt-notice");
      Runtime.getRuntime().addShutdownHook(hook);
    }
    delegate.started(articles, passages);
  }

  @Override
  public void embedded(int articlesDone, int passagesDone) {
    delegate.embedded(articlesDone, passagesDone);
  }

  @Override
  public void committed(int articlesDone, int articles) {
    committed = articlesDone;
    delegate.committed(articlesDone, articles);
  }

  @Override
  public void finished(IndexReport report) {
    if (hook != null) {
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException e) {
        // already shutting down: the notice runs
      }
      hook = null;
    }
    delegate.finished(report);
  }
}
