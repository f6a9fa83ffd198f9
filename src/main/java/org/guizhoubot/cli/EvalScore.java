package org.guizhoubot.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.guizhoubot.answer.AnswerResult;
import org.guizhoubot.answer.Citation;
import org.guizhoubot.answer.Outcome;
import org.guizhoubot.cli.EvalQuestions.Question;
import org.guizhoubot.retrieval.RetrievedPassage;

/**
 * The scoring of an eval run: each scored answer counted against its question's gold articles and
 * answer patterns, for all questions and per kind, with retrieval top-3 and latencies.
 */
final class EvalScore {
  /** The counts of all scored questions, or of one kind. */
  static final class Tally {
    int inScope;
    int outScope;
    int cited;
    int facts;
    int declinedOut;
    int declinedIn;

    void outOfScope(boolean answered) {
      outScope++;
      declinedOut += answered ? 0 : 1;
    }

    /** An in-scope question: declined, or answered with or without a gold citation and the fact. */
    void inScope(boolean answered, boolean cited, boolean fact) {
      inScope++;
      declinedIn += answered ? 0 : 1;
      this.cited += cited ? 1 : 0;
      facts += fact ? 1 : 0;
    }
  }

  final Tally all = new Tally();
  final Map<String, Tally> byKind = new TreeMap<>();
  int retrievedTop3;
  private final List<Double> latencies = new ArrayList<>();

  /** Counts one scored answer and says how it went, as the verbose output shows it. */
  String add(Question q, AnswerResult r) {
    latencies.add(r.totalMs());
    Outcome o = r.outcome();
    boolean answered = o instanceof Outcome.Answered;
    List<Tally> tallies = q.kind() == null ? List.of(all)
        : List.of(all, byKind.computeIfAbsent(q.kind(), k -> new Tally()));
    if (q.gold().isEmpty()) {
      tallies.forEach(t -> t.outOfScope(answered));
      return answered ? "ANSWERED (should decline)" : "declined ok";
    }
    List<RetrievedPassage> top = r.passages().subList(0, Math.min(3, r.passages().size()));
    boolean inTop3 = top.stream().anyMatch(p -> q.gold().contains(p.article().id()));
    retrievedTop3 += inTop3 ? 1 : 0;
    boolean c = o instanceof Outcome.Answered a
        && a.citations().stream().map(Citation::articleId).anyMatch(q.gold()::contains);
    boolean f = o instanceof Outcome.Answered a && q.answer().stream().allMatch(p -> p.matcher(a.text()).find());
    tallies.forEach(t -> t.inScope(answered, c, f));
    return !answered ? "DECLINED (in scope)"
        : (c ? "cited" : "NOT CITED") + ", " + (f ? "fact" : "NO FACT") + (inTop3 ? "" : ", not in top 3");
  }

  double recall() {
    return ratio(all.cited, all.inScope);
  }

  double fact() {
    return ratio(all.facts, all.inScope);
  }

  double decline() {
    return ratio(all.declinedOut, all.outScope);
  }

  double falseDecline() {
    return ratio(all.declinedIn, all.inScope);
  }

  /** The mean of fact hit and decline rate. */
  double balanced() {
    return (fact() + decline()) / 2;
  }

  double top3() {
    return ratio(retrievedTop3, all.inScope);
  }

  /** The latency below which {@code p} percent of the answers came. */
  double latencyPercentile(double p) {
    return percentile(latencies.stream().mapToDouble(Double::doubleValue).sorted().toArray(), p);
  }

  static double ratio(int a, int b) {
    return b == 0 ? 1.0 : (double) a / b;
  }

  static double percentile(double[] sorted, double p) {
    if (sorted.length == 0) {
      return 0;
    }
    int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
  }
}
