package org.guizhoubot.answer.reader;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.guizhoubot.answer.CompanyReference;
import org.guizhoubot.answer.SentenceCandidate;
import org.guizhoubot.answer.decision.DecisionModel;
import org.guizhoubot.answer.decision.SentenceFeatures;
import org.guizhoubot.index.ArticleMeta;
import org.guizhoubot.index.Sentences;
import org.guizhoubot.retrieval.RetrievedPassage;
import org.guizhoubot.retrieval.TermStats;

/**
 * The candidate sentences the reader reads for a question: every sentence of the retrieved
 * passages ranked by the word-feature model's sentence stage, the best {@link #SIZE} kept, each
 * with its article's title and the sentence before it, and "the company" it speaks of named
 * ({@link CompanyReference}).
 */
public final class CandidatePool {
  /** Candidates read per question. */
  public static final int SIZE = 8;

  private CandidatePool() {}

  /**
   * One pooled candidate: the word-feature candidate, its reader input, its article, and the
   * question as the reader reads it against this candidate ({@link ArticleTime}).
   */
  public record Member(SentenceCandidate features, ReaderInput.Candidate candidate, ArticleMeta article,
      double prior, String question) {
    public Member {
      Objects.requireNonNull(question, "question");
      Objects.requireNonNull(features, "features");
      Objects.requireNonNull(candidate, "candidate");
      Objects.requireNonNull(article, "article");
    }
  }

  private static final class Bundled {
    static final DecisionModel MODEL = DecisionModel.bundled();
  }

  /** The best {@code size} candidates of these passages, best first by the word-feature model. */
  public static List<Member> of(String question, List<RetrievedPassage> passages, TermStats stats, int size) {
    return of(question, passages, stats, size, new ArrayList<>());
  }

  /** As {@link #of(String, List, TermStats, int)}; {@code sentences} receives each passage's spans. */
  public static List<Member> of(String question, List<RetrievedPassage> passages, TermStats stats, int size,
      List<List<Sentences.Span>> sentences) {
    List<SentenceCandidate> all = SentenceFeatures.of(question, passages, stats, sentences);
    DecisionModel.Linear prior = Bundled.MODEL.sentence();
    double[] scores = new double[all.size()];
    Integer[] order = new Integer[all.size()];
    for (int i = 0; i < scores.length; i++) {
      scores[i] = prior.score(all.get(i).features());
      order[i] = i;
    }
    java.util.Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -scores[i]).thenComparingInt(i -> i));
    List<Member> out = new ArrayList<>();
    for (int k = 0; k < Math.min(size, order.length); k++) {
      SentenceCandidate c = all.get(order[k]);
      RetrievedPassage p = passages.get(c.passage());
      String previous = c.index() > 0 ? sentences.get(c.passage()).get(c.index() - 1).text().strip() : "";
      String text = CompanyReference.resolved(c, sentences, passages);
      out.add(new Member(c, new ReaderInput.Candidate(p.article().title(), previous, text), p.article(),
          scores[order[k]], ArticleTime.readAgainst(question, p.article(), c.text())));
    }
    return out;
  }
}
