package org.guizhoubot.sqlite;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.guizhoubot.index.IndexStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;

/**
 * The connections to one index file: opening them with a busy timeout, and a small pool of
 * reader connections whose reads of several statements see one committed state.
 */
final class ReadConnections implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ReadConnections.class);
  private static final int READERS = 4;

  /** How long a statement waits for another connection's lock before SQLITE_BUSY. */
  static final int BUSY_TIMEOUT_MS = 10_000;

  private final Path file;
  private final BlockingQueue<Connection> readers = new ArrayBlockingQueue<>(READERS);
  private final List<Connection> allReaders = new ArrayList<>();

  ReadConnections(Path file) {
    this.file = file;
  }

  /** A read of several statements that must see one committed state. */
  @FunctionalInterface
  interface ReadWork<T> {
    T run(Connection c) throws SQLException;
  }

  /**
   * A connection that waits up to {@link #BUSY_TIMEOUT_MS} for locks. The writer's transactions
   * begin with {@code BEGIN IMMEDIATE}, so it takes the write lock (waiting for it) before it
   * reads, and never fails on upgrading a read lock; readers' transactions are deferred.
   */
  static Connection connect(Path file, SQLiteConfig.TransactionMode mode) {
    try {
      SQLiteConfig config = new SQLiteConfig();
      config.setBusyTimeout(BUSY_TIMEOUT_MS);
      config.setTransactionMode(mode);
      return DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath(), config.toProperties());
    } catch (SQLException e) {
      throw new IndexStoreException("opening SQLite file " + file, e);
    }
  }

  <T> T inReadTransaction(String what, ReadWork<T> work) {
    Connection c = borrow();
    try {
      c.setAutoCommit(false);
      try {
        return work.run(c);
      } finally {
        c.commit();
        c.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw new IndexStoreException(what + " from " + file, e);
    } finally {
      release(c);
    }
  }

  private Connection borrow() {
    Connection c = readers.poll();
    if (c != null) {
      return c;
    }
    synchronized (allReaders) {
      if (allReaders.size() < READERS) {
        Connection fresh = connect(file, SQLiteConfig.TransactionMode.DEFERRED);
        allReaders.add(fresh);
        return fresh;
      }
    }
    try {
      return readers.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IndexStoreException("interrupted while waiting for a connection to " + file);
    }
  }

  private void release(Connection c) {
    readers.offer(c);
  }

  @Override
  public void close() {
    synchronized (allReaders) {
      allReaders.forEach(ReadConnections::close);
      allReaders.clear();
      readers.clear();
    }
  }

  static void close(Connection c) {
    try {
      c.close();
    } catch (SQLException e) {
      log.debug("Closing a connection failed: {}", e.getMessage());
    }
  }

  /** Whether SQLite answered that the database was locked by someone else (SQLITE_BUSY). */
  static boolean isBusy(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof org.sqlite.SQLiteException s
          && (s.getResultCode().code & 0xff) == org.sqlite.SQLiteErrorCode.SQLITE_BUSY.code) {
        return true;
      }
    }
    return false;
  }
}
