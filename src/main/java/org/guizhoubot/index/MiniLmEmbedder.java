package org.guizhoubot.index;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.guizhoubot.concurrent.DaemonThreads;

/**
 * all-MiniLM-L6-v2 run in-process through langchain4j's ONNX encoder (same tokenizer, mean
 * pooling and normalisation as {@code AllMiniLmL6V2EmbeddingModel}). The ONNX session runs each
 * text on one thread, and {@link #embedAll} embeds texts in parallel, one per core: on a small
 * machine that keeps every core busy, where one multi-threaded call per text left them half idle.
 */
public final class MiniLmEmbedder implements Embedder, AutoCloseable {
  public static final String MODEL_NAME = "all-MiniLM-L6-v2";
  public static final int DIMENSION = 384;
  private static final String MODEL_RESOURCE = "/all-minilm-l6-v2.onnx";
  private static final String TOKENIZER_RESOURCE = "/all-minilm-l6-v2-tokenizer.json";

  private static final AtomicInteger LOADS = new AtomicInteger();

  private final OrtSession session;
  private final Model model;
  private final int threads;
  private final ExecutorService pool;

  public MiniLmEmbedder() {
    this(Runtime.getRuntime().availableProcessors());
  }

  /** @param threads texts embedded at once by {@link #embedAll}, each on one core */
  public MiniLmEmbedder(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1, was " + threads);
    }
    this.threads = threads;
    OrtEnvironment env = OrtEnvironment.getEnvironment();
    try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
      options.setIntraOpNumThreads(1);
      options.setInterOpNumThreads(1);
      this.session = OnnxResources.session(env, MiniLmEmbedder.class, MODEL_RESOURCE, options);
    } catch (OrtException e) {
      throw new IllegalStateException("cannot start the ONNX session for " + MODEL_NAME, e);
    }
    try (InputStream tokenizer = resource(TOKENIZER_RESOURCE)) {
      this.pool = Executors.newFixedThreadPool(threads, DaemonThreads.factory("minilm"));
      this.model = new Model(new OnnxBertBiEncoder(env, session, tokenizer, PoolingMode.MEAN), pool);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + TOKENIZER_RESOURCE, e);
    }
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

  /** Embeds the texts in parallel (one per core); the result is in the order given. */
  @Override
  public List<float[]> embedAll(List<String> texts) {
    if (texts.isEmpty()) {
      return List.of();
    }
    if (texts.size() == 1 || threads == 1) {
      List<float[]> out = new ArrayList<>(texts.size());
      for (String t : texts) {
        out.add(embed(t));
      }
      return out;
    }
    List<TextSegment> segments = new ArrayList<>(texts.size());
    for (String t : texts) {
      segments.add(TextSegment.from(t));
    }
    List<Embedding> embeddings = model.embedAll(segments).content();
    List<float[]> out = new ArrayList<>(embeddings.size());
    for (Embedding e : embeddings) {
      out.add(Vectors.normalize(e.vector()));
    }
    return out;
  }

  @Override
  public void close() {
    pool.shutdownNow();
    try {
      session.close();
    } catch (OrtException e) {
      throw new IllegalStateException("closing the ONNX session for " + MODEL_NAME, e);
    }
  }

  private static InputStream resource(String name) {
    InputStream in = MiniLmEmbedder.class.getResourceAsStream(name);
    if (in == null) {
      throw new IllegalStateException("model resource " + name + " is missing from the classpath");
    }
    return in;
  }

  /** langchain4j's in-process model over our own session, parallel over our own pool. */
  private static final class Model extends AbstractInProcessEmbeddingModel {
    private final OnnxBertBiEncoder encoder;

    Model(OnnxBertBiEncoder encoder, ExecutorService pool) {
      super(pool);
      this.encoder = encoder;
    }

    @Override
    protected OnnxBertBiEncoder model() {
      return encoder;
    }

    @Override
    protected Integer knownDimension() {
      return DIMENSION;
    }
  }
}
