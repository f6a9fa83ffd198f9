package org.guizhoubot.sqlite;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.guizhoubot.index.ArticleMeta;
import org.guizhoubot.index.IndexStoreException;
import org.guizhoubot.index.Passage;
import org.guizhoubot.index.Vectors;

/**
 * Reads the committed index over one connection: the articles with their passage counts (by SQL),
 * and the whole snapshot a reindex swaps in.
 */
final class StoredIndexReader {
  private StoredIndexReader() {}

  /** The index in memory: articles, passages and their vectors in one {@link VectorIndex}. */
  static IndexSnapshot snapshot(Connection c, VectorIndex.Factory factory, int dimension) throws SQLException {
    Map<String, ArticleMeta> articles = articles(c);
    List<IndexSnapshot.StoredPassage> passages = new ArrayList<>();
    float[] data = articles.isEmpty() ? new float[0] : readPassages(c, dimension, passages);
    return new IndexSnapshot(articles, passages, factory.build(data, passages.size(), dimension));
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

  /** The indexed articles by id, each with its passage count; empty when there is no index yet. */
  static Map<String, ArticleMeta> articles(Connection c) throws SQLException {
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
}
