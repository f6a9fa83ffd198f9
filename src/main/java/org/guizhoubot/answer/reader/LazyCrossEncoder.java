package org.guizhoubot.answer.reader;

import java.util.List;
import java.util.function.Supplier;

/** The bundled cross-encoder, loaded on its first question; closes it only if it was loaded. */
public final class LazyCrossEncoder implements CrossEncoder, Supplier<CrossEncoder>, AutoCloseable {
  private final int threads;
  private volatile OnnxCrossEncoder loaded;
  private boolean closed;

  public LazyCrossEncoder(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1, was " + threads);
    }
    this.threads = threads;
  }

  @Override
  public CrossEncoder get() {
    OnnxCrossEncoder e = loaded;
    if (e == null) {
      synchronized (this) {
        if (closed) {
          throw new IllegalStateException("the reader is closed");
        }
        if (loaded == null) {
          loaded = new OnnxCrossEncoder(threads);
        }
        e = loaded;
      }
    }
    return e;
  }

  /** Loads the model now, so that the first question does not wait for it. */
  public void load() {
    get();
  }

  @Override
  public double[] scores(List<String> questions, List<ReaderInput.Candidate> candidates) {
    return get().scores(questions, candidates);
  }

  @Override
  public synchronized void close() {
    closed = true;
    if (loaded != null) {
      loaded.close();
    }
  }
}
