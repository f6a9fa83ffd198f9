package org.guizhoubot.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.guizhoubot.index.ArticleMeta;
import org.guizhoubot.index.IndexChange;
import org.guizhoubot.index.Passage;
import org.guizhoubot.sqlite.IndexStore;
import org.guizhoubot.index.IndexStoreException;
import org.guizhoubot.index.Vectors;

/**
 * Writes an index file of generated passages for benchmarks: random unit vectors and text made of
 * random words, written through {@link IndexStore} in batches of articles. The same seed and size
 * give the same passages and vectors.
 */
public final class SyntheticIndex {
  /** Passages per generated article. */
  public static final int PASSAGES_PER_ARTICLE = 10;
  /** Articles written per transaction. */
  private static final int ARTICLES_PER_BATCH = 1_000;
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
    SplittableRandom random = new SplittableRandom(seed);
    try (IndexStore store = IndexStore.open(file)) {
      store.apply(new IndexChange(List.of(), List.of()), model, dimension, true);
      int articles = (passages + PASSAGES_PER_ARTICLE - 1) / PASSAGES_PER_ARTICLE;
      int written = 0;
      List<IndexChange.Upsert> batch = new ArrayList<>();
      for (int a = 0; a < articles; a++) {
        String id = String.format(Locale.ROOT, "synthetic-%08d", a);
        String hash = Long.toHexString(random.nextLong());
        List<Passage> texts = new ArrayList<>();
        List<float[]> vectors = new ArrayList<>();
        int start = 0;
        for (int o = 0; o < PASSAGES_PER_ARTICLE && written < passages; o++, written++) {
          String text = sentence(random, 40);
          texts.add(new Passage(id, o, start, start + text.length(), text, 48));
          vectors.add(randomUnitVector(random, dimension));
          start += text.length() + 1;
        }
        ArticleMeta meta = new ArticleMeta(id, "Synthetic article " + a, "synthetic", "2024-01-01", null, null,
            hash, texts.size());
        batch.add(new IndexChange.Upsert(meta, id + ".md", texts, vectors));
        if (batch.size() == ARTICLES_PER_BATCH || a == articles - 1) {
          store.apply(new IndexChange(List.of(), batch), model, dimension, false);
          batch.clear();
        }
      }
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
