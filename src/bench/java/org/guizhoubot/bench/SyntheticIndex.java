package org.guizhoubot.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.SplittableRandom;
import org.guizhoubot.index.IndexChange;
import org.guizhoubot.sqlite.IndexStore;
import org.guizhoubot.index.IndexStoreException;
import org.guizhoubot.index.Vectors;

/**
 * Writes an index file of generated passages for benchmarks: random unit vectors and text made of
 * random words, in the schema of {@link IndexStore} (the FTS5 table is left empty). The same
 * seed and size give the same file.
 */
public final class SyntheticIndex {
  /** Passages per generated article. */
  public static final int PASSAGES_PER_ARTICLE = 10;
  private static final String[] WORDS = {
    "data", "cloud", "Guiyang", "centre", "server", "province", "company", "market", "network",
    "investment", "industry", "growth", "platform", "digital", "computing", "storage", "energy",
    "government", "policy", "expo", "valley", "mountain", "river", "city", "region", "project",
    "service", "internet", "security", "exchange", "trade", "research", "university", "talent"
  };

  private SyntheticIndex() {}

  /** A random unit vector (Gaussian components, normalised) drawn from {@code random}. */
  public static float[] randomUnitVector(SplittableRandom random, int dimension) {
    float[] v = new float[dimension];
    for (int d = 0; d < dimension; d++) {
      v[d] = (float) gaussian(random);
    }
    return Vectors.normalize(v);
  }

  private static double gaussian(SplittableRandom r) {
    double u = r.nextDouble();
    double w = r.nextDouble();
    return Math.sqrt(-2 * Math.log(1 - u)) * Math.cos(2 * Math.PI * w);
  }

  /**
   * Creates {@code file} (which must not exist) holding {@code passages} generated passages.
   *
   * @throws IndexStoreException when the file exists or cannot be written
   */
  public static void write(Path file, int passages, int dimension, String model, long seed) {
    if (Files.exists(file)) {
      throw new IndexStoreException("refusing to overwrite " + file);
    }
    try (IndexStore store = IndexStore.open(file)) {
      store.apply(new IndexChange(List.of(), List.of()), model, dimension, true);
    }
    SplittableRandom random = new SplittableRandom(seed);
    String step = "opening";
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath())) {
      try (Statement s = c.createStatement()) {
        s.execute("PRAGMA synchronous=OFF");
      }
      c.setAutoCommit(false);
      try (PreparedStatement art = c.prepareStatement(
              "INSERT INTO articles(id, title, source, published, url, category, content_hash, file, indexed_at)"
                  + " VALUES (?, ?, 'synthetic', '2024-01-01', NULL, NULL, ?, ?, datetime('now'))");
          PreparedStatement pas = c.prepareStatement(
              "INSERT INTO passages(article_id, ordinal, start_char, end_char, text, word_pieces, embedding)"
                  + " VALUES (?, ?, ?, ?, ?, ?, ?)")) {
        int articles = (passages + PASSAGES_PER_ARTICLE - 1) / PASSAGES_PER_ARTICLE;
        int written = 0;
        for (int a = 0; a < articles; a++) {
          String id = String.format(java.util.Locale.ROOT, "synthetic-%08d", a);
          step = "inserting article " + id;
          art.setString(1, id);
          art.setString(2, "Synthetic article " + a);
          art.setString(3, Long.toHexString(random.nextLong()));
          art.setString(4, id + ".md");
          art.executeUpdate();
          int start = 0;
          for (int o = 0; o < PASSAGES_PER_ARTICLE && written < passages; o++, written++) {
            String text = sentence(random, 40);
            pas.setString(1, id);
            pas.setInt(2, o);
            pas.setInt(3, start);
            pas.setInt(4, start + text.length());
            pas.setString(5, text);
            pas.setInt(6, 48);
            pas.setBytes(7, Vectors.toBytes(randomUnitVector(random, dimension)));
            pas.addBatch();
            start += text.length() + 1;
          }
          if (a % 100 == 99) {
            pas.executeBatch();
          }
        }
        pas.executeBatch();
      }
      step = "COMMIT";
      c.commit();
    } catch (SQLException e) {
      throw new IndexStoreException("writing synthetic index " + file + " while " + step, e);
    }
  }

  private static String sentence(SplittableRandom random, int words) {
    StringBuilder b = new StringBuilder(words * 8);
    for (int w = 0; w < words; w++) {
      if (w > 0) {
        b.append(' ');
      }
      b.append(WORDS[random.nextInt(WORDS.length)]);
    }
    return b.append('.').toString();
  }
}
