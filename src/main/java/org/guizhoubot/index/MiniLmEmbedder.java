package org.guizhoubot.index;

import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;

/**
 * all-MiniLM-L6-v2 run in-process by langchain4j's ONNX runtime. Texts are embedded one call at
 * a time: ONNX already spreads one call over the cores, and langchain4j's own batch pool ran
 * slower than that on a small machine.
 */
public final class MiniLmEmbedder implements Embedder {
  public static final String MODEL_NAME = "all-MiniLM-L6-v2";
  public static final int DIMENSION = 384;

  private static final java.util.concurrent.atomic.AtomicInteger LOADS = new java.util.concurrent.atomic.AtomicInteger();

  private final AllMiniLmL6V2EmbeddingModel model;

  public MiniLmEmbedder() {
    model = new AllMiniLmL6V2EmbeddingModel();
    LOADS.incrementAndGet();
  }

  /** How many times this JVM has loaded the model. */
  public static int loads() {
    return LOADS.get();
  }

  @Override
  public String modelName() {
    return MODEL_NAME;
  }

  @Override
  public int dimension() {
    return DIMENSION;
  }

  @Override
  public int maxWordPieces() {
    return 128;
  }

  @Override
  public float[] embed(String text) {
    return Vectors.normalize(model.embed(text).content().vector());
  }
}
