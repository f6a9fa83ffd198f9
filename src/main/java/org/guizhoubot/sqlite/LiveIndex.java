package org.guizhoubot.sqlite;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.attribute.FileTime;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.guizhoubot.index.ArticleMeta;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import org.guizhoubot.index.IndexProgress;
import org.guizhoubot.index.IndexReport;
import org.guizhoubot.index.LogProgress;
import org.guizhoubot.index.Indexer;

/**
 * The index a running program answers from: the current snapshot, swapped for a new one only
 * after a reindex has committed. At most one reindex runs at a time.
 */
public final class LiveIndex {
  private static final Logger log = LoggerFactory.getLogger(LiveIndex.class);
  private final Indexer indexer;
  private final IndexStore store;
  private final VectorIndex.Factory vectors;
  private final int dimension;
  private final AtomicReference<SnapshotView> current = new AtomicReference<>();
  private final ReentrantLock reindexing = new ReentrantLock();
  private final AtomicBoolean refreshing = new AtomicBoolean();
  private final Executor refreshes;
  private volatile long seenDataVersion = Long.MIN_VALUE;
  private volatile FileTime seenCorpusTime;
  /** Whether the index has been read (a snapshot, or its articles by SQL): refreshes start after that. */
  private volatile boolean read;

  /** @param refreshes runs the background refreshes of {@link #refreshIfChanged} (the caller owns it) */
  public LiveIndex(Indexer indexer, IndexStore store, VectorIndex.Factory vectors, int dimension, Executor refreshes) {
    this.indexer = Objects.requireNonNull(indexer, "indexer");
    this.store = Objects.requireNonNull(store, "store");
    this.vectors = Objects.requireNonNull(vectors, "vectors");
    this.dimension = dimension;
    this.refreshes = Objects.requireNonNull(refreshes, "refreshes");
  }

  /** Loads the committed snapshot with what readers derive from it, before it is served. */
  private SnapshotView load() {
    seenDataVersion = store.dataVersion();
    return new SnapshotView(store.loadSnapshot(vectors, dimension));
  }

  /** The snapshot to answer from, building the index first if there is none yet. */
  public IndexSnapshot current() throws IOException {
    return view().snapshot();
  }

  /** The view of {@link #current()}, with its keyword index and term statistics. */
  public SnapshotView view() throws IOException {
    SnapshotView s = current.get();
    if (s != null) {
      return s;
    }
    synchronized (this) {
      if (current.get() == null) {
        seenCorpusTime = corpusTime();
        if (indexer.rebuildReason().isPresent()) {
          reindex(false, LogProgress.every10s());
        }
        current.set(load());
        read = true;
      }
      return current.get();
    }
  }

  /**
   * The articles served, with their passage counts: the loaded snapshot's, or, before one is loaded,
   * read by SQL without loading one (building the index first when it needs building, as
   * {@link #view()} does).
   */
  public Map<String, ArticleMeta> articles() throws IOException {
    SnapshotView loaded = current.get();
    if (loaded != null) {
      return loaded.snapshot().articles();
    }
    synchronized (this) {
      if (current.get() == null && !read) {
        seenCorpusTime = corpusTime();
        if (indexer.rebuildReason().isPresent()) {
          reindex(false, LogProgress.every10s());
        }
        seenDataVersion = store.dataVersion();
        read = true;
      }
    }
    return store.articles();
  }

  /**
   * Runs a reindex and swaps in its result once committed; blocks while another reindex runs. A
   * program that has not loaded a snapshot yet loads it lazily on first use instead.
   */
  public IndexReport reindex(boolean full, IndexProgress progress) throws IOException {
    reindexing.lock();
    try {
      seenCorpusTime = corpusTime();
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

  /**
   * Notices changes made by another process, cheaply (one stat of the corpus folder and one
   * {@code PRAGMA data_version}): when another process committed to the index the snapshot is
   * reloaded, and when files were added to or removed from the corpus folder a reindex runs, both
   * in the background (on the executor given) while answers keep coming from the current snapshot.
   * Does nothing before the index is first read or while a reindex or refresh runs.
   */
  public void refreshIfChanged() {
    if (!read || reindexing.isLocked() || refreshing.get()) {
      return;
    }
    FileTime corpusTime = corpusTime();
    boolean corpusChanged = corpusTime != null && !corpusTime.equals(seenCorpusTime);
    boolean indexChanged = store.dataVersion() != seenDataVersion;
    if ((corpusChanged || indexChanged) && refreshing.compareAndSet(false, true)) {
      try {
        refreshes.execute(() -> refresh(corpusChanged));
      } catch (RejectedExecutionException e) {
        refreshing.set(false);
        log.debug("Not refreshing the index: the app is closing");
      }
    }
  }

  private void refresh(boolean corpusChanged) {
    try {
      if (corpusChanged) {
        tryReindex(false, IndexProgress.NONE);
      } else if (current.get() != null) {
        current.set(load());
      } else {
        seenDataVersion = store.dataVersion();
      }
    } catch (IOException | RuntimeException e) {
      log.warn("Refreshing the index after a change by another process failed: {}", e.toString());
    } finally {
      refreshing.set(false);
    }
  }

  /** Whether a snapshot is loaded (the articles read by SQL load none). */
  boolean loaded() {
    return current.get() != null;
  }

  /** Whether a background refresh started by {@link #refreshIfChanged} is running. */
  public boolean isRefreshing() {
    return refreshing.get();
  }

  private FileTime corpusTime() {
    try {
      return Files.getLastModifiedTime(indexer.corpusDir());
    } catch (IOException e) {
      return null;
    }
  }

  public boolean isReindexing() {
    return reindexing.isLocked();
  }

  /** The corpus folder the index is built from. */
  public java.nio.file.Path corpusDir() {
    return indexer.corpusDir();
  }

  public IndexStore store() {
    return store;
  }
}
