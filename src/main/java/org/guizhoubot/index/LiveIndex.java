package org.guizhoubot.index;

import java.io.IOException;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The index a running program answers from: the current snapshot, swapped for a new one after a
 * commit to the index file, by this process's reindex or by another process (seen by the file's
 * data version, checked before each use). At most one reindex runs at a time in this process.
 */
public final class LiveIndex {
  private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(LiveIndex.class);
  private final Indexer indexer;
  private final IndexStore store;
  private final VectorIndex.Factory vectors;
  private final int dimension;
  private final Consumer<IndexSnapshot> prepare;
  private final AtomicReference<Loaded> current = new AtomicReference<>();

  /** A snapshot and the data version of the file it was read at (or before). */
  private record Loaded(IndexSnapshot snapshot, long version) {}
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

  private Loaded load() {
    long version = store.dataVersion();
    IndexSnapshot s = store.loadSnapshot(vectors, dimension);
    prepare.accept(s);
    return new Loaded(s, version);
  }

  /**
   * The snapshot to answer from, building the index first if there is none yet, and reading it
   * again when the file has had a commit since it was read.
   */
  public IndexSnapshot current() throws IOException {
    Loaded l = current.get();
    if (l != null && l.version() == store.dataVersion()) {
      return l.snapshot();
    }
    synchronized (this) {
      l = current.get();
      if (l == null) {
        if (indexer.rebuildReason().isPresent()) {
          reindex(false, IndexProgress.NONE);
        }
        current.set(load());
      } else if (l.version() != store.dataVersion()) {
        log.info("The index file changed; loading the new index");
        current.set(load());
      }
      return current.get().snapshot();
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
