package org.guizhoubot.answer.reader;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.guizhoubot.answer.ExtractiveComposer;
import org.guizhoubot.answer.Judge;
import org.guizhoubot.index.Sentences;
import org.guizhoubot.retrieval.Retrieval;

/**
 * The reader's judgement: the {@link CandidatePool} of a question read by the cross-encoder, the
 * candidates ranked by its probability, and the best probability as the decision.
 */
public final class ReaderJudge implements Judge {
  private final Supplier<? extends CrossEncoder> encoder;
  private final double threshold;
  private final double skipBelow;
  private final int pool;

  /**
   * @param encoder the cross-encoder, asked for on the first question (so that opening an index
   *     never loads the model)
   */
  public ReaderJudge(Supplier<? extends CrossEncoder> encoder, double threshold, double skipBelow, int pool) {
    this.encoder = Objects.requireNonNull(encoder, "encoder");
    if (!(threshold >= 0 && threshold <= 1) || !(skipBelow >= 0 && skipBelow <= threshold) || pool < 1) {
      throw new IllegalArgumentException("threshold " + threshold + ", skipBelow " + skipBelow + ", pool " + pool);
    }
    this.threshold = threshold;
    this.skipBelow = skipBelow;
    this.pool = pool;
  }

  /** The judge for questions read as sentences, as calibrated. */
  public static ReaderJudge forSentences(Supplier<? extends CrossEncoder> encoder, ReaderCalibration c) {
    return new ReaderJudge(encoder, c.threshold(), c.skipBelow(), c.pool());
  }

  /**
   * The extractive composer with the bundled reader and calibration, sharing {@code encoder}, for
   * questions read as sentences. Key-word readings (a Chinese question through the dictionary) keep
   * the word-feature key-word model: on the Chinese questions over the seed articles the reader
   * answered fewer of them right (see reader.txt).
   */
  public static ExtractiveComposer composer(Supplier<? extends CrossEncoder> encoder) {
    ReaderCalibration c = ReaderCalibration.bundled();
    return new ExtractiveComposer(forSentences(encoder, c),
        new org.guizhoubot.answer.decision.WordFeatureJudge(org.guizhoubot.answer.decision.DecisionModel.bundledForKeywords()));
  }

  @Override
  public ExtractiveComposer.Assessment assess(String question, Retrieval retrieval) {
    List<List<Sentences.Span>> sentences = new ArrayList<>(retrieval.passages().size());
    List<CandidatePool.Member> members = CandidatePool.of(question, retrieval.passages(), retrieval.stats(), pool,
        sentences);
    double[] raw = members.isEmpty() ? new double[0]
        : encoder.get().scores(members.stream().map(CandidatePool.Member::question).toList(),
            members.stream().map(CandidatePool.Member::candidate).toList());
    return ExtractiveComposer.Assessment.ranked(members.stream().map(CandidatePool.Member::features).toList(), raw,
        sentences, (sorted, scores) -> scores[0]);
  }

  @Override
  public double threshold() {
    return threshold;
  }

  @Override
  public double skipBelow() {
    return skipBelow;
  }
}
