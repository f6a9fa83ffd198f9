package org.guizhoubot.answer.decision;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.guizhoubot.answer.ExtractiveComposer;
import org.guizhoubot.answer.Judge;
import org.guizhoubot.answer.SentenceCandidate;
import org.guizhoubot.index.Sentences;
import org.guizhoubot.retrieval.Retrieval;

/**
 * The word-feature judgement: every candidate sentence scored by a {@link DecisionModel}'s
 * sentence stage and the question stage's probability as the decision. The reader uses its
 * sentence stage to choose the candidates it reads.
 */
public final class WordFeatureJudge implements Judge {
  /** The share of the threshold under which an LLM is not asked. */
  public static final double FAR_BELOW = 0.25;

  private final DecisionModel model;

  public WordFeatureJudge(DecisionModel model) {
    this.model = Objects.requireNonNull(model, "model");
  }

  @Override
  public ExtractiveComposer.Assessment assess(String question, Retrieval retrieval) {
    List<List<Sentences.Span>> sentences = new ArrayList<>(retrieval.passages().size());
    List<SentenceCandidate> candidates = SentenceFeatures.of(question, retrieval.passages(),
        retrieval.stats(), sentences);
    return assess(candidates, sentences);
  }

  /** These candidates (of passages split into {@code sentences}) scored, best first. */
  public ExtractiveComposer.Assessment assess(List<SentenceCandidate> candidates,
      List<List<Sentences.Span>> sentences) {
    double[] raw = new double[candidates.size()];
    for (int i = 0; i < raw.length; i++) {
      raw[i] = model.sentence().score(candidates.get(i).features());
    }
    return ExtractiveComposer.Assessment.ranked(candidates, raw, sentences,
        (sorted, scores) -> model.question().score(DecisionModel.questionFeatures(sorted.get(0).features(), scores)));
  }

  @Override
  public double threshold() {
    return model.threshold();
  }

  @Override
  public double skipBelow() {
    return FAR_BELOW * model.threshold();
  }
}
