package org.guizhoubot.sqlite;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.slf4j.Logger;
import org.sqlite.SQLiteConfig;
import org.slf4j.LoggerFactory;
import org.guizhoubot.index.Vectors;
import org.guizhoubot.index.ArticleMeta;
import org.guizhoubot.index.Passage;
import org.guizhoubot.index.IndexStoreException;
import org.guizhoubot.index.IndexChange;
import org.guizhoubot.index.PassageStore;
import org.guizhoubot.index.Rebuild;

/**
 * The index in one SQLite file: articles, and passages with their embeddings,
 * and the schema version and model it was built with. Every change is applied in one transaction,
 * so readers see either the old index or the new one, never a mix.
 */
public final class IndexStore implements PassageStore, AutoCloseable {
  public static final int SCHEMA_VERSION = 1;
  private static final Logger log = LoggerFactory.getLogger(IndexStore.class);
  private static final int READERS = 4;

  private final Path file;
  private final Connection writer;
  private final BlockingQueue<Connection> readers = new ArrayBlockingQueue<>(READERS);
  private final List<Connection> allReaders = new ArrayList<>();

  private IndexStore(Path file, Connection writer) {
    this.file = file;
    this.writer = writer;
  }

  /** Opens (creating when missing) the index file. */
  public static IndexStore open(Path file) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
    } catch (IOException e) {
      throw new IndexStoreException("creating the folder of " + file, e);
    }
    Connection w = connect(file, SQLiteConfig.TransactionMode.IMMEDIATE);
    try (Statement s = w.createStatement()) {
      s.execute("PRAGMA journal_mode=WAL");
      s.execute("PRAGMA synchronous=NORMAL");
      s.execute("PRAGMA foreign_keys=ON");
      s.execute("CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL)");
    } catch (SQLException e) {
      close(w);
      throw new IndexStoreException("preparing " + file, e);
    }
    return new IndexStore(file, w);
  }

  /** Write turns of the index files open in this process, by lock file: file locks are per process. */
  private static final java.util.concurrent.ConcurrentMap<Path, java.util.concurrent.locks.ReentrantLock> TURNS =
      new java.util.concurrent.ConcurrentHashMap<>();

  /**
   * Holds {@code index.db.lock} (a lock of this process's threads, then a file lock across
   * processes) while the batch runs, waiting for another run's batch to be committed first.
   */
  @Override
  public boolean inWriteTurn(java.util.function.BooleanSupplier batch) {
    Path lockFile = file.toAbsolutePath().normalize().resolveSibling(file.getFileName() + ".lock");
    java.util.concurrent.locks.ReentrantLock here = TURNS.computeIfAbsent(lockFile,
        f -> new java.util.concurrent.locks.ReentrantLock(true));
    if (!here.tryLock()) {
      log.info("Waiting for another indexing run's batch to be committed to {}", file);
      here.lock();
    }
    try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(lockFile,
        java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.WRITE)) {
      java.nio.channels.FileLock lock = channel.tryLock();
      if (lock == null) {
        log.info("Waiting for another process's indexing batch to be committed to {}", file);
        lock = channel.lock();
      }
      try (java.nio.channels.FileLock held = lock) {
        return batch.getAsBoolean();
      }
    } catch (IOException e) {
      throw new IndexStoreException("taking the write turn " + lockFile, e);
    } finally {
      here.unlock();
    }
  }

  /** How long a statement waits for another connection's lock before SQLITE_BUSY. */
  static final int BUSY_TIMEOUT_MS = 10_000;

  /**
   * A connection that waits up to {@link #BUSY_TIMEOUT_MS} for locks. The writer's transactions
   * begin with {@code BEGIN IMMEDIATE}, so it takes the write lock (waiting for it) before it
   * reads, and never fails on upgrading a read lock; readers' transactions are deferred.
   */
  private static Connection connect(Path file, SQLiteConfig.TransactionMode mode) {
    try {
      SQLiteConfig config = new SQLiteConfig();
      config.setBusyTimeout(BUSY_TIMEOUT_MS);
      config.setTransactionMode(mode);
      return DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath(), config.toProperties());
    } catch (SQLException e) {
      throw new IndexStoreException("opening SQLite file " + file, e);
    }
  }

  public Path file() {
    return file;
  }

  /**
   * Why the stored index cannot be used with this model, or empty when it can. A missing index is
   * reported too, so that the caller builds it.
   */
  @Override
  public synchronized Optional<Rebuild> incompatibility(String model, int dimension) {
    Map<String, String> meta = meta();
    if (meta.get("schema_version") == null) {
      return Optional.of(new Rebuild.NoIndexYet());
    }
    return Rebuild.Incompatible.ifDiffers(meta.get("schema_version"), SCHEMA_VERSION, meta.get("model"), model,
        meta.get("dimension"), dimension);
  }

  public synchronized Map<String, String> meta() {
    String sql = "SELECT key, value FROM meta";
    Map<String, String> out = new LinkedHashMap<>();
    try (Statement s = writer.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        out.put(rs.getString(1), rs.getString(2));
      }
    } catch (SQLException e) {
      throw new IndexStoreException(sql, e);
    }
    return out;
  }

  /**
   * SQLite's {@code data_version} as seen by this store's writer: it changes when another
   * connection, of this or another process, commits to the file.
   */
  public synchronized long dataVersion() {
    try (Statement s = writer.createStatement(); ResultSet rs = s.executeQuery("PRAGMA data_version")) {
      return rs.next() ? rs.getLong(1) : 0;
    } catch (SQLException e) {
      throw new IndexStoreException("PRAGMA data_version on " + file, e);
    }
  }

  /** An indexing run in progress, as recorded in the index by {@link #markIndexing}. */
  public record Indexing(int corpusArticles, long pid) {
    /** Whether the process that recorded it is still running (false after a crash or kill). */
    public boolean running() {
      return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }
  }

  /** Records that a run indexing a corpus of {@code corpusArticles} is going on in process {@code pid}. */
  public synchronized void markIndexing(int corpusArticles, long pid) {
    setMeta("indexing", corpusArticles + " " + pid);
  }

  public synchronized void clearIndexing() {
    setMeta("indexing", null);
  }

  /** The indexing run recorded in the index, if any (it may have died: see {@link Indexing#running()}). */
  public synchronized Optional<Indexing> indexing() {
    String v = meta().get("indexing");
    if (v == null) {
      return Optional.empty();
    }
    String[] parts = v.split(" ");
    try {
      return Optional.of(new Indexing(Integer.parseInt(parts[0]), Long.parseLong(parts[1])));
    } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
      return Optional.empty();
    }
  }

  private void setMeta(String key, String value) {
    String sql = value == null ? "DELETE FROM meta WHERE key = ?" : "INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)";
    try (PreparedStatement s = writer.prepareStatement(sql)) {
      s.setString(1, key);
      if (value != null) {
        s.setString(2, value);
      }
      s.executeUpdate();
    } catch (SQLException e) {
      throw new IndexStoreException(sql + " [" + key + "] in " + file, e);
    }
  }

  /** The indexed articles by id; empty when there is no index yet. */
  @Override
  public synchronized Map<String, ArticleMeta> articles() {
    try {
      return articles(writer);
    } catch (SQLException e) {
      throw new IndexStoreException("reading the articles of " + file, e);
    }
  }

  /**
   * Applies a change in one transaction: removes articles, then inserts or replaces others with
   * their passages and vectors. With {@code rebuild} all tables are dropped and recreated inside
   * the same transaction. On any failure nothing is changed.
   */
  @Override
  public synchronized void apply(IndexChange change, String model, int dimension, boolean rebuild) {
    String step = "BEGIN";
    try {
      writer.setAutoCommit(false);
      try (Statement s = writer.createStatement()) {
        if (rebuild) {
          step = "dropping the old tables";
          s.execute("DROP TABLE IF EXISTS passages");
          s.execute("DROP TABLE IF EXISTS articles");
        }
        step = "creating the tables";
        s.execute("DROP TABLE IF EXISTS passages_fts");
        s.execute("CREATE TABLE IF NOT EXISTS articles(id TEXT PRIMARY KEY, title TEXT NOT NULL,"
            + " source TEXT, published TEXT, url TEXT, category TEXT, content_hash TEXT NOT NULL,"
            + " file TEXT NOT NULL, indexed_at TEXT NOT NULL)");
        s.execute("CREATE TABLE IF NOT EXISTS passages(id INTEGER PRIMARY KEY, article_id TEXT NOT NULL"
            + " REFERENCES articles(id) ON DELETE CASCADE, ordinal INTEGER NOT NULL, start_char INTEGER"
            + " NOT NULL, end_char INTEGER NOT NULL, text TEXT NOT NULL, word_pieces INTEGER NOT NULL,"
            + " embedding BLOB NOT NULL)");
        s.execute("CREATE INDEX IF NOT EXISTS passages_article ON passages(article_id, ordinal)");
      }
      List<String> toDelete = new ArrayList<>(change.removed());
      for (IndexChange.Upsert u : change.upserts()) {
        toDelete.add(u.meta().id());
      }
      step = "deleting replaced articles";
      try (PreparedStatement pas = writer.prepareStatement("DELETE FROM passages WHERE article_id = ?");
          PreparedStatement art = writer.prepareStatement("DELETE FROM articles WHERE id = ?")) {
        for (String id : toDelete) {
          pas.setString(1, id);
          pas.executeUpdate();
          art.setString(1, id);
          art.executeUpdate();
        }
      }
      step = "inserting articles";
      try (PreparedStatement art = writer.prepareStatement(
              "INSERT INTO articles(id, title, source, published, url, category, content_hash, file, indexed_at)"
                  + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, datetime('now'))");
          PreparedStatement pas = writer.prepareStatement(
              "INSERT INTO passages(article_id, ordinal, start_char, end_char, text, word_pieces, embedding)"
                  + " VALUES (?, ?, ?, ?, ?, ?, ?)")) {
        for (IndexChange.Upsert u : change.upserts()) {
          ArticleMeta m = u.meta();
          step = "inserting article " + m.id();
          art.setString(1, m.id());
          art.setString(2, m.title());
          art.setString(3, m.source());
          art.setString(4, m.published());
          art.setString(5, m.url());
          art.setString(6, m.category());
          art.setString(7, m.contentHash());
          art.setString(8, u.fileName());
          art.executeUpdate();
          for (int i = 0; i < u.passages().size(); i++) {
            Passage p = u.passages().get(i);
            float[] v = u.vectors().get(i);
            if (v.length != dimension) {
              throw new IndexStoreException("passage " + i + " of article " + m.id() + " has "
                  + v.length + " dimensions, expected " + dimension);
            }
            pas.setString(1, m.id());
            pas.setInt(2, p.ordinal());
            pas.setInt(3, p.start());
            pas.setInt(4, p.end());
            pas.setString(5, p.text());
            pas.setInt(6, p.wordPieces());
            pas.setBytes(7, Vectors.toBytes(v));
            pas.executeUpdate();
          }
        }
      }
      step = "writing meta";
      try (PreparedStatement s = writer.prepareStatement("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)")) {
        for (var e : Map.of("schema_version", String.valueOf(SCHEMA_VERSION), "model", model,
            "dimension", String.valueOf(dimension)).entrySet()) {
          s.setString(1, e.getKey());
          s.setString(2, e.getValue());
          s.executeUpdate();
        }
      }
      step = "COMMIT";
      writer.commit();
    } catch (SQLException | RuntimeException e) {
      rollback();
      if (e instanceof IndexStoreException ise) {
        throw ise;
      }
      if (isBusy(e)) {
        throw new IndexStoreException.Busy("index update waited " + BUSY_TIMEOUT_MS / 1000
            + " s for another process's lock while " + step + " in " + file, e);
      }
      throw new IndexStoreException("index update failed while " + step + " in " + file, e);
    } finally {
      try {
        writer.setAutoCommit(true);
      } catch (SQLException e) {
        log.warn("Could not restore auto-commit on {}: {}", file, e.getMessage());
      }
    }
  }

  private void rollback() {
    try {
      writer.rollback();
    } catch (SQLException e) {
      log.error("Rollback of {} failed: {}", file, e.getMessage());
    }
  }

  /** Reads the committed index into memory. */
  public IndexSnapshot loadSnapshot(VectorIndex.Factory factory, int dimension) {
    return inReadTransaction("loading the index", c -> {
      Map<String, ArticleMeta> articles = articles(c);
      List<IndexSnapshot.StoredPassage> passages = new ArrayList<>();
      float[] data = articles.isEmpty() ? new float[0] : readPassages(c, dimension, passages);
      return new IndexSnapshot(articles, passages, factory.build(data, passages.size(), dimension));
    });
  }

  /**
   * Reads every passage's vector, in article and ordinal order, into one array, and adds the
   * passages themselves to {@code passages} in the same order.
   */
  private static float[] readPassages(Connection c, int dimension, List<IndexSnapshot.StoredPassage> passages)
      throws SQLException {
    int count;
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM passages")) {
      rs.next();
      count = rs.getInt(1);
    }
    float[] data = new float[Math.multiplyExact(count, dimension)];
    String sql = "SELECT id, embedding, article_id, ordinal, start_char, end_char, text, word_pieces"
        + " FROM passages ORDER BY article_id, ordinal";
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      int i = 0;
      while (rs.next() && i < count) {
        byte[] blob = rs.getBytes(2);
        if (blob.length != dimension * 4) {
          throw new IndexStoreException("passage " + rs.getLong(1) + " has a vector of "
              + blob.length / 4 + " dimensions, expected " + dimension);
        }
        Vectors.fromBytes(blob, data, i * dimension);
        passages.add(new IndexSnapshot.StoredPassage(rs.getLong(1), new Passage(rs.getString(3),
            rs.getInt(4), rs.getInt(5), rs.getInt(6), rs.getString(7), rs.getInt(8))));
        i++;
      }
    }
    return data;
  }

  /** A read of several statements that must see one committed state. */
  @FunctionalInterface
  private interface ReadWork<T> {
    T run(Connection c) throws SQLException;
  }

  private <T> T inReadTransaction(String what, ReadWork<T> work) {
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

  private static Map<String, ArticleMeta> articles(Connection c) throws SQLException {
    Map<String, ArticleMeta> out = new LinkedHashMap<>();
    try (Statement s = c.createStatement();
        ResultSet t = s.executeQuery("SELECT 1 FROM sqlite_master WHERE type='table' AND name='articles'")) {
      if (!t.next()) {
        return out;
      }
    }
    String sql = "SELECT a.id, a.title, a.source, a.published, a.url, a.category, a.content_hash,"
        + " (SELECT COUNT(*) FROM passages p WHERE p.article_id = a.id) FROM articles a ORDER BY a.id";
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        out.put(rs.getString(1), new ArticleMeta(rs.getString(1), rs.getString(2), rs.getString(3),
            rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getInt(8)));
      }
    }
    return out;
  }

  /** Size of the index file in bytes (the WAL included). */
  public long sizeBytes() {
    long size = 0;
    for (String suffix : List.of("", "-wal")) {
      try {
        Path p = Path.of(file + suffix);
        if (Files.exists(p)) {
          size += Files.size(p);
        }
      } catch (IOException e) {
        log.debug("Cannot size {}{}: {}", file, suffix, e.getMessage());
      }
    }
    return size;
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
      allReaders.forEach(IndexStore::close);
      allReaders.clear();
      readers.clear();
    }
    close(writer);
  }

  private static void close(Connection c) {
    try {
      c.close();
    } catch (SQLException e) {
      log.debug("Closing a connection failed: {}", e.getMessage());
    }
  }

  /** Whether SQLite answered that the database was locked by someone else (SQLITE_BUSY). */
  private static boolean isBusy(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof org.sqlite.SQLiteException s
          && (s.getResultCode().code & 0xff) == org.sqlite.SQLiteErrorCode.SQLITE_BUSY.code) {
        return true;
      }
    }
    return false;
  }
}
