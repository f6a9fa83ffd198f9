package org.guizhoubot.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.guizhoubot.index.IndexStoreException;
import org.guizhoubot.index.Vectors;

/**
 * Reads only the passage vectors of an index file, in the order the product's snapshot uses
 * (article, then ordinal), into one array of {@code count x dimension} floats.
 */
final class VectorFile {
  private VectorFile() {}

  static float[] load(Path file, int dimension) {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
        Statement s = c.createStatement()) {
      int count;
      try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM passages")) {
        rs.next();
        count = rs.getInt(1);
      }
      float[] data = new float[Math.multiplyExact(count, dimension)];
      try (ResultSet rs = s.executeQuery("SELECT id, embedding FROM passages ORDER BY article_id, ordinal")) {
        for (int i = 0; rs.next() && i < count; i++) {
          byte[] blob = rs.getBytes(2);
          if (blob.length != dimension * 4) {
            throw new IndexStoreException("passage " + rs.getLong(1) + " has a vector of "
                + blob.length / 4 + " dimensions, expected " + dimension);
          }
          Vectors.fromBytes(blob, data, i * dimension);
        }
      }
      return data;
    } catch (SQLException e) {
      throw new IndexStoreException("reading the vectors of " + file, e);
    }
  }
}
