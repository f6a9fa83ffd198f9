package org.guizhoubot.library;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.guizhoubot.TestFixtures;
import org.guizhoubot.index.Embedder;

/** The real MiniLM model, remembering each text's vector so that tests can reindex often. */
public final class CachedModel implements Embedder {
  private static final Map<String, float[]> VECTORS = new ConcurrentHashMap<>();
  private final String name;

  public CachedModel() {
    this(TestFixtures.model().modelName());
  }

  /** The same vectors under another model name (to test rebuilds on a change of model). */
  public CachedModel(String name) {
    this.name = name;
  }

  @Override
  public String modelName() {
    return name;
  }

  @Override
  public int dimension() {
    return TestFixtures.model().dimension();
  }

  @Override
  public int maxWordPieces() {
    return TestFixtures.model().maxWordPieces();
  }

  @Override
  public float[] embed(String text) {
    return VECTORS.computeIfAbsent(text, t -> TestFixtures.model().embed(t)).clone();
  }
}
