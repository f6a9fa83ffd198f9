package org.guizhoubot.index;

import java.io.IOException;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The index a running program answers from: the current snapshot, swapped for a new one only
 * after a reindex has committed. At most one reindex runs at a time.
 */
public final class LiveIndex {
  private final Indexer indexer;
  private final IndexStore store;
  private final VectorIndex.Factory vectors;
  private final int dimension;
  private final Consumer<IndexSnapshot> prepare;
  private final AtomicReference<IndexSnapshot> current = new AtomicReference<>();
  private final ReentrantLock reindexing = new ReentrantLock();

  /**
   * @param prepare builds what readers derive from a snapshot, before the snapshot is served, so
   *     that no question waits for it
   */
  public LiveIndex(Indexer indexer, IndexStore store, VectorIndex.Factory vectors, int dimension,
      Consumer<IndexSnapshot> prepare) {
    this.indexer = indexer;
    this.store = store;
    this.vectors = vectors;
    this.dimension = dimension;
    this.prepare = prepare;
  }

  private IndexSnapshot load() {
    IndexSnapshot s = store.loadSnapshot(vectors, dimension);
    prepare.accept(s);
    return s;
  }

  /** The snapshot to answer from, building the index first if there is none yet. */
  public IndexSnapshot current() throws IOException {
    IndexSnapshot s = current.get();
    if (s != null) {
      return s;
    }
    synchronized (this) {
      if (current.get() == null) {
        if (indexer.rebuildReason().isPresent()) {
          reindex(false, LogProgress.every10s());
        }
        current.set(load());
      }
      return current.get();
    }
  }

  /**
   * Runs a reindex and swaps in its result once committed; blocks while another reindex runs. A
   * program that has not loaded a snapshot yet loads it lazily on first use instead.
   */
  public IndexReport reindex(boolean full, IndexProgress progress) throws IOException {
    reindexing.lock();
    try {
      IndexReport report = indexer.run(full, progress);
      if (current.get() != null) {
        current.set(load());
      }
      return report;
    } finally {
      reindexing.unlock();
    }
  }

  /** Runs a reindex unless one is already running, in which case nothing is done. */
  public Optional<IndexReport> tryReindex(boolean full, IndexProgress progress) throws IOException {
    if (!reindexing.tryLock()) {
      return Optional.empty();
    }
    try {
      return Optional.of(reindex(full, progress));
    } finally {
      reindexing.unlock();
    }
  }

  public boolean isReindexing() {
    return reindexing.isLocked();
  }

  public IndexStore store() {
    return store;
  }
}
