package org.guizhoubot.sqlite;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.sqlite.SQLiteConfig;
import org.slf4j.LoggerFactory;
import org.guizhoubot.index.ArticleMeta;
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

  private final Path file;
  private final ReadConnections readers;
  /** Opened on first use, so that a store nobody writes to or reads from creates no file. */
  private Connection writer;

  private IndexStore(Path file) {
    this.file = Objects.requireNonNull(file, "file");
    this.readers = new ReadConnections(file);
  }

  /** Opens (creating when missing) the index file. */
  public static IndexStore open(Path file) {
    IndexStore store = new IndexStore(file);
    store.writer();
    return store;
  }

  /**
   * The store of the index file, opened (and the file created when missing) on first use rather
   * than here, so that only asking whether there is an index ({@link #exists}) creates nothing.
   */
  public static IndexStore at(Path file) {
    return new IndexStore(file);
  }

  /** Whether the index file exists (without opening or creating it). */
  public boolean exists() {
    return Files.isRegularFile(file);
  }

  private synchronized Connection writer() {
    if (writer == null) {
      writer = openWriter(file);
    }
    return writer;
  }

  private static Connection openWriter(Path file) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
    } catch (IOException e) {
      throw new IndexStoreException("creating the folder of " + file, e);
    }
    Connection w = ReadConnections.connect(file, SQLiteConfig.TransactionMode.IMMEDIATE);
    try (Statement s = w.createStatement()) {
      s.execute("PRAGMA journal_mode=WAL");
      s.execute("PRAGMA synchronous=NORMAL");
      s.execute("PRAGMA foreign_keys=ON");
      s.execute("CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL)");
    } catch (SQLException e) {
      ReadConnections.close(w);
      throw new IndexStoreException("preparing " + file, e);
    }
    return w;
  }

  /**
   * Holds {@code index.db.lock} (a lock of this process's threads, then a file lock across
   * processes) while the batch runs, waiting for another run's batch to be committed first.
   */
  @Override
  public boolean inWriteTurn(BooleanSupplier batch) {
    return WriteTurn.run(file, batch);
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
    try (Statement s = writer().createStatement(); ResultSet rs = s.executeQuery(sql)) {
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
    try (Statement s = writer().createStatement(); ResultSet rs = s.executeQuery("PRAGMA data_version")) {
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
    try (PreparedStatement s = writer().prepareStatement(sql)) {
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
      return StoredIndexReader.articles(writer());
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
    new ChangeWriter(file, writer()).apply(change, model, dimension, rebuild);
  }

  /** Reads the committed index into memory. */
  public IndexSnapshot loadSnapshot(VectorIndex.Factory factory, int dimension) {
    return readers.inReadTransaction("loading the index", c -> StoredIndexReader.snapshot(c, factory, dimension));
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

  @Override
  public void close() {
    readers.close();
    synchronized (this) {
      if (writer != null) {
        ReadConnections.close(writer);
        writer = null;
      }
    }
  }
}
