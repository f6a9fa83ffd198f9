package org.guizhoubot.sqlite;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import org.guizhoubot.index.IndexStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Indexing runs taking turns on one index file: {@code index.db.lock}, held by a lock of this
 * process's threads and then a file lock across processes.
 */
final class WriteTurn {
  private static final Logger log = LoggerFactory.getLogger(WriteTurn.class);
  /** Write turns of the index files open in this process, by lock file: file locks are per process. */
  private static final ConcurrentMap<Path, ReentrantLock> TURNS = new ConcurrentHashMap<>();

  private WriteTurn() {}

  /** Runs the batch while holding the write turn of {@code file}, waiting for another run's batch to be committed first. */
  static boolean run(Path file, BooleanSupplier batch) {
    Path lockFile = file.toAbsolutePath().normalize().resolveSibling(file.getFileName() + ".lock");
    ReentrantLock here = TURNS.computeIfAbsent(lockFile, f -> new ReentrantLock(true));
    if (!here.tryLock()) {
      log.info("Waiting for another indexing run's batch to be committed to {}", file);
      here.lock();
    }
    try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
      FileLock lock = channel.tryLock();
      if (lock == null) {
        log.info("Waiting for another process's indexing batch to be committed to {}", file);
        lock = channel.lock();
      }
      try (FileLock held = lock) {
        return batch.getAsBoolean();
      }
    } catch (IOException e) {
      throw new IndexStoreException("taking the write turn " + lockFile, e);
    } finally {
      here.unlock();
    }
  }
}
