package org.guizhoubot.index;

import java.util.List;
import java.util.function.Supplier;

/**
 * An embedder that loads its model on first use, so that commands which embed nothing (a no-op
 * reindex, {@code /sources}) never pay for loading it.
 */
public final class LazyEmbedder implements Embedder {
  private final String modelName;
  private final int dimension;
  private final int maxWordPieces;
  private final Supplier<Embedder> loader;
  private volatile Embedder loaded;
  private boolean closed;

  public LazyEmbedder(String modelName, int dimension, int maxWordPieces, Supplier<Embedder> loader) {
    this.modelName = modelName;
    this.dimension = dimension;
    this.maxWordPieces = maxWordPieces;
    this.loader = loader;
  }

  /** all-MiniLM-L6-v2, loaded on first use. */
  public static LazyEmbedder miniLm() {
    return new LazyEmbedder(MiniLmEmbedder.MODEL_NAME, MiniLmEmbedder.DIMENSION, 128, MiniLmEmbedder::new);
  }

  @Override
  public String modelName() {
    return modelName;
  }

  @Override
  public int dimension() {
    return dimension;
  }

  @Override
  public int maxWordPieces() {
    return maxWordPieces;
  }

  @Override
  public float[] embed(String text) {
    return model().embed(text);
  }

  @Override
  public List<float[]> embedAll(List<String> texts) {
    return texts.isEmpty() ? List.of() : model().embedAll(texts);
  }

  /** Closes the model if it was loaded; a closed embedder loads no model again. */
  @Override
  public synchronized void close() {
    closed = true;
    if (loaded != null) {
      loaded.close();
      loaded = null;
    }
  }

  /** Loads the model now, if it is not loaded yet. */
  public Embedder model() {
    Embedder e = loaded;
    if (e == null) {
      synchronized (this) {
        if (closed) {
          throw new IllegalStateException("the " + modelName + " embedder is closed");
        }
        if (loaded == null) {
          loaded = loader.get();
        }
        e = loaded;
      }
    }
    return e;
  }
}
