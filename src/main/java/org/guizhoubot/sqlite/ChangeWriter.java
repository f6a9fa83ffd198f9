package org.guizhoubot.sqlite;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.guizhoubot.index.ArticleMeta;
import org.guizhoubot.index.IndexChange;
import org.guizhoubot.index.IndexStoreException;
import org.guizhoubot.index.Passage;
import org.guizhoubot.index.Vectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes one {@link IndexChange} to the index file in one transaction, creating the schema
 * (recreating it for a rebuild) in that same transaction; on any failure nothing is changed.
 */
final class ChangeWriter {
  private static final Logger log = LoggerFactory.getLogger(ChangeWriter.class);

  private final Path file;
  private final Connection writer;

  ChangeWriter(Path file, Connection writer) {
    this.file = file;
    this.writer = writer;
  }

  void apply(IndexChange change, String model, int dimension, boolean rebuild) {
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
        createTables(s);
      }
      step = "deleting replaced articles";
      delete(change);
      step = "inserting articles";
      try (PreparedStatement art = writer.prepareStatement(
              "INSERT INTO articles(id, title, source, published, url, category, content_hash, file, indexed_at)"
                  + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, datetime('now'))");
          PreparedStatement pas = writer.prepareStatement(
              "INSERT INTO passages(article_id, ordinal, start_char, end_char, text, word_pieces, embedding)"
                  + " VALUES (?, ?, ?, ?, ?, ?, ?)")) {
        for (IndexChange.Upsert u : change.upserts()) {
          step = "inserting article " + u.meta().id();
          insert(u, dimension, art, pas);
        }
      }
      step = "writing meta";
      writeMeta(model, dimension);
      step = "COMMIT";
      writer.commit();
    } catch (SQLException | RuntimeException e) {
      rollback();
      if (e instanceof IndexStoreException ise) {
        throw ise;
      }
      if (ReadConnections.isBusy(e)) {
        throw new IndexStoreException.Busy("index update waited " + ReadConnections.BUSY_TIMEOUT_MS / 1000
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

  /** The index's tables, when missing; the old full-text table is dropped. */
  private static void createTables(Statement s) throws SQLException {
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

  /** Deletes the removed articles and those about to be replaced, with their passages. */
  private void delete(IndexChange change) throws SQLException {
    List<String> toDelete = new ArrayList<>(change.removed());
    for (IndexChange.Upsert u : change.upserts()) {
      toDelete.add(u.meta().id());
    }
    try (PreparedStatement pas = writer.prepareStatement("DELETE FROM passages WHERE article_id = ?");
        PreparedStatement art = writer.prepareStatement("DELETE FROM articles WHERE id = ?")) {
      for (String id : toDelete) {
        pas.setString(1, id);
        pas.executeUpdate();
        art.setString(1, id);
        art.executeUpdate();
      }
    }
  }

  private static void insert(IndexChange.Upsert u, int dimension, PreparedStatement art, PreparedStatement pas)
      throws SQLException {
    ArticleMeta m = u.meta();
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

  private void writeMeta(String model, int dimension) throws SQLException {
    try (PreparedStatement s = writer.prepareStatement("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)")) {
      for (var e : Map.of("schema_version", String.valueOf(IndexStore.SCHEMA_VERSION), "model", model,
          "dimension", String.valueOf(dimension)).entrySet()) {
        s.setString(1, e.getKey());
        s.setString(2, e.getValue());
        s.executeUpdate();
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
}
