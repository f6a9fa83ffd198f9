package org.guizhoubot.answer.reader;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.guizhoubot.index.OnnxResources;

/**
 * The reader committed in the jar ({@code reader.onnx}, fine-tuned here from all-MiniLM-L6-v2; see
 * {@code reader.txt} beside it), run by ONNX Runtime: one batched run per question over its
 * candidates.
 */
public final class OnnxCrossEncoder implements CrossEncoder, AutoCloseable {
  public static final String MODEL_RESOURCE = "/org/guizhoubot/answer/reader/reader.onnx";

  private final OrtEnvironment env;
  private final OrtSession session;
  private final ReaderInput input;

  /** The bundled model, run on {@code threads} cores. */
  public OnnxCrossEncoder(int threads) {
    this.env = OrtEnvironment.getEnvironment();
    try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
      options.setIntraOpNumThreads(threads);
      options.setInterOpNumThreads(1);
      options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
      this.session = OnnxResources.session(env, OnnxCrossEncoder.class, MODEL_RESOURCE, options);
    } catch (OrtException e) {
      throw new IllegalStateException("cannot start the ONNX session for the reader", e);
    }
    this.input = new ReaderInput();
  }

  @Override
  public double[] scores(List<String> questions, List<ReaderInput.Candidate> candidates) {
    if (questions.size() != candidates.size()) {
      throw new IllegalArgumentException(questions.size() + " questions for " + candidates.size() + " candidates");
    }
    if (candidates.isEmpty()) {
      return new double[0];
    }
    List<ReaderInput.Pieces> pieces = new ArrayList<>(candidates.size());
    for (int i = 0; i < candidates.size(); i++) {
      pieces.add(input.encode(questions.get(i), candidates.get(i)));
    }
    double[] logits = logits(pieces);
    double[] out = new double[logits.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = 1 / (1 + Math.exp(-logits[i]));
    }
    return out;
  }

  /** The raw scores (logits) of encoded pairs, in one run. */
  double[] logits(List<ReaderInput.Pieces> pieces) {
    int n = pieces.stream().mapToInt(ReaderInput.Pieces::length).max().orElse(0);
    long[][] ids = new long[pieces.size()][n];
    long[][] mask = new long[pieces.size()][n];
    long[][] types = new long[pieces.size()][n];
    for (int i = 0; i < pieces.size(); i++) {
      ReaderInput.Pieces p = pieces.get(i);
      System.arraycopy(p.ids(), 0, ids[i], 0, p.length());
      for (int j = 0; j < p.length(); j++) {
        mask[i][j] = 1;
        types[i][j] = j >= p.secondStart() ? 1 : 0;
      }
    }
    try (OnnxTensor a = OnnxTensor.createTensor(env, ids);
        OnnxTensor b = OnnxTensor.createTensor(env, mask);
        OnnxTensor c = OnnxTensor.createTensor(env, types);
        OrtSession.Result r = session.run(Map.of("input_ids", a, "attention_mask", b, "token_type_ids", c))) {
      float[] out = (float[]) r.get(0).getValue();
      double[] d = new double[out.length];
      for (int i = 0; i < d.length; i++) {
        d[i] = out[i];
      }
      return d;
    } catch (OrtException e) {
      throw new IllegalStateException("the reader failed on " + pieces.size() + " candidates", e);
    }
  }

  @Override
  public void close() {
    try {
      session.close();
    } catch (OrtException e) {
      throw new IllegalStateException("cannot close the reader's session", e);
    } finally {
      input.close();
    }
  }
}
