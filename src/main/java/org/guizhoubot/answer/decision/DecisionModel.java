package org.guizhoubot.answer.decision;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The fitted answer-or-decline model, in two logistic stages: {@code sentence} gives the
 * probability that a candidate sentence holds the answer (and so ranks the sentences);
 * {@code question} reads the best sentence's features and the top scores and gives the probability
 * that answering with the best sentences is right. Below {@code threshold} the composer declines.
 */
@JsonPropertyOrder({"features", "sentence", "question", "threshold"})
public record DecisionModel(List<String> features, Linear sentence, Linear question, double threshold) {
  /** Where the committed model lives on the classpath. */
  public static final String RESOURCE = "/org/guizhoubot/answer/decision/model.json";
  /**
   * The committed model for readings that are key words rather than a sentence (a Chinese question
   * through the dictionary), fitted on training questions cut down to their key words.
   */
  public static final String KEYWORDS_RESOURCE = "/org/guizhoubot/answer/decision/model-keywords.json";
  /** What the question stage reads besides the best sentence's features. */
  public static final List<String> QUESTION_EXTRA = List.of("best_score", "second_score", "top3_sum");

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** A logistic model on standardised features: {@code sigmoid(bias + sum w (x - mean) / scale)}. */
  @JsonPropertyOrder({"mean", "scale", "weights", "bias"})
  public record Linear(double[] mean, double[] scale, double[] weights, double bias) {
    public Linear {
      if (mean.length != weights.length || scale.length != weights.length) {
        throw new IllegalArgumentException(weights.length + " weights but " + mean.length + " means and "
            + scale.length + " scales");
      }
    }

    public double score(double[] f) {
      if (f.length != weights.length) {
        throw new IllegalArgumentException("expected " + weights.length + " features, got " + f.length);
      }
      double z = bias;
      for (int i = 0; i < weights.length; i++) {
        z += weights[i] * (f[i] - mean[i]) / scale[i];
      }
      return 1 / (1 + Math.exp(-z));
    }
  }

  public DecisionModel {
    features = List.copyOf(Objects.requireNonNull(features, "features"));
    Objects.requireNonNull(sentence, "sentence");
    Objects.requireNonNull(question, "question");
    if (sentence.weights().length != features.size()) {
      throw new IllegalArgumentException("sentence stage has " + sentence.weights().length + " weights for "
          + features.size() + " features");
    }
    if (question.weights().length != features.size() + QUESTION_EXTRA.size()) {
      throw new IllegalArgumentException("question stage has " + question.weights().length + " weights for "
          + (features.size() + QUESTION_EXTRA.size()) + " features");
    }
    if (!(threshold >= 0 && threshold <= 1)) {
      throw new IllegalArgumentException("threshold must be within [0, 1], was " + threshold);
    }
  }

  /** The model committed with the code; fails when its features are not the ones computed now. */
  public static DecisionModel bundled() {
    return bundled(RESOURCE);
  }

  /** The committed model for key-word readings ({@link #KEYWORDS_RESOURCE}). */
  public static DecisionModel bundledForKeywords() {
    return bundled(KEYWORDS_RESOURCE);
  }

  private static DecisionModel bundled(String resource) {
    try (InputStream in = DecisionModel.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("no decision model on the classpath at " + resource);
      }
      DecisionModel m = read(in);
      if (!m.features().equals(SentenceFeatures.NAMES)) {
        throw new IllegalStateException("the decision model at " + resource + " was fitted on features "
            + m.features() + ", the code computes " + SentenceFeatures.NAMES + ": retrain it");
      }
      return m;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the decision model " + resource, e);
    }
  }

  public static DecisionModel read(InputStream in) throws IOException {
    return JSON.readValue(in, DecisionModel.class);
  }

  /** The model as indented JSON, the same bytes for the same numbers. */
  public String toJson() {
    try {
      return JSON.writeValueAsString(this) + "\n";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public DecisionModel withThreshold(double t) {
    return new DecisionModel(features, sentence, question, t);
  }

  /** The question stage's input: the best sentence's features, then the top three scores. */
  public static double[] questionFeatures(double[] bestFeatures, double[] sortedScores) {
    double[] q = new double[bestFeatures.length + QUESTION_EXTRA.size()];
    System.arraycopy(bestFeatures, 0, q, 0, bestFeatures.length);
    int n = bestFeatures.length;
    q[n] = sortedScores.length > 0 ? sortedScores[0] : 0;
    q[n + 1] = sortedScores.length > 1 ? sortedScores[1] : 0;
    for (int i = 0; i < Math.min(3, sortedScores.length); i++) {
      q[n + 2] += sortedScores[i];
    }
    return q;
  }

  /** The names of the question stage's inputs. */
  public static List<String> questionFeatureNames() {
    List<String> out = new ArrayList<>(SentenceFeatures.NAMES);
    out.addAll(QUESTION_EXTRA);
    return out;
  }
}
