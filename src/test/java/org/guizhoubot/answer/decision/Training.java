package org.guizhoubot.answer.decision;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntPredicate;
import java.util.function.Predicate;
import org.guizhoubot.answer.ExtractiveComposer;
import org.guizhoubot.answer.Outcome;
import org.guizhoubot.answer.SentenceCandidate;
import org.guizhoubot.index.Sentences;

/**
 * The labelled candidates of a set of examples, the fits by fold, the threshold choice on
 * held-out folds, and the figures by kind.
 */
final class Training {
  /** Held-out balanced accuracy within this of the best counts as equally good. */
  static final double TOLERANCE = 0.01;
  /** Thresholds tried, from 0.05 to 0.95. */
  static final double[] GRID = grid();

  private final List<TrainDecision.Example> examples;
  private final List<List<SentenceCandidate>> candidates = new ArrayList<>();
  private final List<List<List<Sentences.Span>>> sentences = new ArrayList<>();
  private final List<boolean[]> labels = new ArrayList<>();

  /**
   * A model with the threshold chosen for it on folds it was not fitted on, Tribuo's fits of its two
   * stages, and some of its question-stage rows (for the check file).
   */
  record Fitted(DecisionModel model, LogisticFit.Fitted sentence, LogisticFit.Fitted question,
      List<LogisticFit.Row> questionRows) {}

  Training(List<TrainDecision.Example> examples) {
    this.examples = examples;
    for (TrainDecision.Example e : examples) {
      List<List<Sentences.Span>> spans = new ArrayList<>();
      List<SentenceCandidate> cs = SentenceFeatures.of(e.q().text(), e.passages(), e.stats(), spans);
      boolean[] l = new boolean[cs.size()];
      for (int i = 0; i < cs.size(); i++) {
        SentenceCandidate c = cs.get(i);
        String article = e.passages().get(c.passage()).article().id();
        l[i] = e.q().answerable() && e.q().gold().contains(article)
            && e.q().answer().stream().anyMatch(p -> p.matcher(c.text()).find());
      }
      candidates.add(cs);
      sentences.add(spans);
      labels.add(l);
    }
  }

  /** Writes every row as a tab-separated line (for analysis outside the trainer). */
  void dump(java.nio.file.Path file) throws java.io.IOException {
    try (var w = java.nio.file.Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      w.write("set\tid\tkind\tfold\tanswerable\tpassage\tgoldarticle\tlabel\t" + String.join("\t", SentenceFeatures.NAMES) + "\n");
      for (int i = 0; i < examples.size(); i++) {
        TrainDecision.Example e = examples.get(i);
        for (int j = 0; j < candidates.get(i).size(); j++) {
          SentenceCandidate c = candidates.get(i).get(j);
          StringBuilder b = new StringBuilder();
          b.append(e.q().set()).append('\t').append(e.q().id()).append('\t').append(e.q().kind()).append('\t')
              .append(e.fold()).append('\t').append(e.q().answerable() ? 1 : 0).append('\t').append(c.passage())
              .append('\t').append(e.q().gold().contains(e.passages().get(c.passage()).article().id()) ? 1 : 0)
              .append('\t').append(labels.get(i)[j] ? 1 : 0);
          for (double f : c.features()) {
            b.append('\t').append((float) f);
          }
          w.write(b.append('\n').toString());
        }
      }
    }
  }

  /** A hash of all training rows (features and labels), to record next to the model. */
  String rowsHash() {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      for (int i = 0; i < examples.size(); i++) {
        md.update(examples.get(i).q().id().getBytes(StandardCharsets.UTF_8));
        for (int j = 0; j < candidates.get(i).size(); j++) {
          StringBuilder b = new StringBuilder(labels.get(i)[j] ? "1" : "0");
          for (double f : candidates.get(i).get(j).features()) {
            b.append(',').append(f);
          }
          md.update(b.toString().getBytes(StandardCharsets.UTF_8));
        }
      }
      return HexFormat.of().formatHex(md.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  List<LogisticFit.Row> rows(IntPredicate folds) {
    List<LogisticFit.Row> out = new ArrayList<>();
    for (int i = 0; i < examples.size(); i++) {
      if (!folds.test(examples.get(i).fold())) {
        continue;
      }
      for (int j = 0; j < candidates.get(i).size(); j++) {
        out.add(new LogisticFit.Row(candidates.get(i).get(j).features(), labels.get(i)[j]));
      }
    }
    return out;
  }

  /**
   * Fits both stages on the folds {@code use} accepts. The question stage learns from sentence
   * scores of models that did not see the question's fold, and the threshold is chosen on
   * question-stage scores of models that did not see it either.
   */
  Fitted fitWithThreshold(IntPredicate use) {
    List<Integer> inner = new ArrayList<>();
    for (int f = 0; f < TrainDecision.FOLDS; f++) {
      if (use.test(f)) {
        inner.add(f);
      }
    }
    List<String> qNames = DecisionModel.questionFeatureNames();
    Map<Integer, DecisionModel.Linear> sentenceOf = new TreeMap<>();
    List<LogisticFit.Row> allQRows = new ArrayList<>();
    Map<Integer, List<LogisticFit.Row>> qRowsByFold = new TreeMap<>();
    for (int j : inner) {
      DecisionModel.Linear sm = LogisticFit.fit(rows(f -> use.test(f) && f != j), SentenceFeatures.NAMES);
      sentenceOf.put(j, sm);
      List<LogisticFit.Row> qr = questionRows(sm, j);
      qRowsByFold.put(j, qr);
      allQRows.addAll(qr);
    }
    List<Scored> heldOut = new ArrayList<>();
    for (int j : inner) {
      List<LogisticFit.Row> train = new ArrayList<>();
      qRowsByFold.forEach((f, r) -> {
        if (f != j) {
          train.addAll(r);
        }
      });
      DecisionModel m = new DecisionModel(SentenceFeatures.NAMES, sentenceOf.get(j),
          LogisticFit.fit(train, qNames), 0.5);
      heldOut.addAll(score(m, e -> e.fold() == j));
    }
    double[] ba = new double[GRID.length];
    double best = -1;
    for (int g = 0; g < GRID.length; g++) {
      ba[g] = Figures.of(heldOut, GRID[g]).meanBalancedAccuracy();
      best = Math.max(best, ba[g]);
    }
    // the optimum is flat: take the lowest threshold within TOLERANCE of the best, answering more
    double threshold = GRID[GRID.length - 1];
    for (int g = 0; g < GRID.length; g++) {
      if (ba[g] >= best - TOLERANCE) {
        threshold = GRID[g];
        break;
      }
    }
    LogisticFit.Fitted sentence = LogisticFit.fitted(rows(use), SentenceFeatures.NAMES);
    LogisticFit.Fitted question = LogisticFit.fitted(allQRows, qNames);
    return new Fitted(new DecisionModel(SentenceFeatures.NAMES, sentence.linear(), question.linear(), threshold),
        sentence, question, allQRows);
  }

  /**
   * Question-stage rows of fold {@code fold}, from sentence model {@code sm}: positive when the
   * question is answerable and one of the three best sentences holds the answer, negative when it
   * is unanswerable; answerable questions whose best sentences miss the answer are left out.
   */
  private List<LogisticFit.Row> questionRows(DecisionModel.Linear sm, int fold) {
    List<LogisticFit.Row> out = new ArrayList<>();
    for (int i = 0; i < examples.size(); i++) {
      TrainDecision.Example e = examples.get(i);
      List<SentenceCandidate> cs = candidates.get(i);
      if (e.fold() != fold || cs.isEmpty()) {
        continue;
      }
      double[] raw = new double[cs.size()];
      for (int j = 0; j < raw.length; j++) {
        raw[j] = sm.score(cs.get(j).features());
      }
      Integer[] order = new Integer[raw.length];
      for (int j = 0; j < order.length; j++) {
        order[j] = j;
      }
      java.util.Arrays.sort(order, java.util.Comparator.comparingDouble((Integer j) -> -raw[j]).thenComparingInt(j -> j));
      double[] sorted = new double[raw.length];
      boolean hit = false;
      for (int j = 0; j < order.length; j++) {
        sorted[j] = raw[order[j]];
        hit |= j < 3 && labels.get(i)[order[j]];
      }
      if (e.q().answerable() && !hit) {
        continue;
      }
      out.add(new LogisticFit.Row(DecisionModel.questionFeatures(cs.get(order[0]).features(), sorted),
          e.q().answerable()));
    }
    return out;
  }

  /** Five outer folds: each scored by a model and threshold that never saw it. */
  String crossValidate() {
    List<Scored> all = new ArrayList<>();
    StringBuilder out = new StringBuilder();
    for (int k = 0; k < TrainDecision.FOLDS; k++) {
      int held = k;
      DecisionModel m = fitWithThreshold(f -> f != held).model();
      out.append(String.format(Locale.ROOT, "fold %d: threshold %.3f%n", k, m.threshold()));
      for (Scored s : score(m, e -> e.fold() == held)) {
        all.add(s.at(m.threshold()));
      }
    }
    int far = 0;
    int farRight = 0;
    for (Scored x : all) {
      if (x.a().decision() < WordFeatureJudge.FAR_BELOW * x.threshold()) {
        far++;
        farRight += x.e().q().answerable() && x.right(0) ? 1 : 0;
      }
    }
    out.append(String.format(Locale.ROOT, "held out, decision below %.2f x threshold: %d questions, %d of them"
        + " answerable with the fact in the best sentences (%.3f)%n", WordFeatureJudge.FAR_BELOW, far, farRight,
        far == 0 ? 0.0 : (double) farRight / far));
    out.append("\nheld-out by article, ").append(TrainDecision.FOLDS).append("-fold (each fold: own model and threshold)\n");
    out.append(Figures.ofDecided(all).table());
    return out.toString();
  }

  String report(DecisionModel m, Predicate<TrainDecision.Example> which, String title) {
    List<Scored> s = new ArrayList<>();
    for (Scored x : score(m, which)) {
      s.add(x.at(m.threshold()));
    }
    return "\n" + title + "\n" + Figures.ofDecided(s).table();
  }

  /** The examples chosen, assessed by the model, ready to be decided at any threshold. */
  List<Scored> score(DecisionModel m, Predicate<TrainDecision.Example> which) {
    List<Scored> out = new ArrayList<>();
    for (int i = 0; i < examples.size(); i++) {
      TrainDecision.Example e = examples.get(i);
      if (which.test(e)) {
        WordFeatureJudge judge = new WordFeatureJudge(m);
        ExtractiveComposer c = new ExtractiveComposer(judge);
        out.add(new Scored(e, c, judge.assess(candidates.get(i), sentences.get(i)), -1));
      }
    }
    return out;
  }

  /** An assessed example; {@code threshold} is set once its decision is fixed. */
  record Scored(TrainDecision.Example e, ExtractiveComposer composer, ExtractiveComposer.Assessment a, double threshold) {
    Scored at(double t) {
      return new Scored(e, composer, a, t);
    }

    /** 1 when the outcome at {@code t} is right: a declined unanswerable, an answer holding the fact. */
    boolean right(double t) {
      Outcome o = composer.decide(e.q().text(), e.passages(), a, t);
      if (!e.q().answerable()) {
        return o instanceof Outcome.Declined;
      }
      return o instanceof Outcome.Answered ans && e.q().answer().stream().allMatch(p -> p.matcher(ans.text()).find());
    }
  }

  /** Right answers and declines by set and kind. */
  record Figures(Map<String, int[]> byKind, Map<String, int[]> bySet) {
    static Figures of(List<Scored> scored, double t) {
      Map<String, int[]> kinds = new TreeMap<>();
      Map<String, int[]> sets = new TreeMap<>();
      for (Scored s : scored) {
        boolean right = s.right(t);
        String set = s.e().q().set();
        int[] k = kinds.computeIfAbsent(set + " " + s.e().q().kind(), x -> new int[2]);
        k[0] += right ? 1 : 0;
        k[1]++;
        int[] b = sets.computeIfAbsent(set, x -> new int[4]);
        int at = s.e().q().answerable() ? 0 : 2;
        b[at] += right ? 1 : 0;
        b[at + 1]++;
      }
      return new Figures(kinds, sets);
    }

    static Figures ofDecided(List<Scored> scored) {
      Map<Double, List<Scored>> byT = new TreeMap<>();
      for (Scored s : scored) {
        byT.computeIfAbsent(s.threshold(), x -> new ArrayList<>()).add(s);
      }
      Figures out = new Figures(new TreeMap<>(), new TreeMap<>());
      for (Map.Entry<Double, List<Scored>> e : byT.entrySet()) {
        Figures f = of(e.getValue(), e.getKey());
        f.byKind().forEach((k, v) -> add(out.byKind().computeIfAbsent(k, x -> new int[2]), v));
        f.bySet().forEach((k, v) -> add(out.bySet().computeIfAbsent(k, x -> new int[4]), v));
      }
      return out;
    }

    private static void add(int[] into, int[] v) {
      for (int i = 0; i < v.length; i++) {
        into[i] += v[i];
      }
    }

    /** The mean over sets of each set's balanced accuracy. */
    double meanBalancedAccuracy() {
      return bySet.values().stream().mapToDouble(Figures::balanced).average().orElse(0);
    }

    static double balanced(int[] b) {
      double fact = b[1] == 0 ? 1 : (double) b[0] / b[1];
      double decline = b[3] == 0 ? 1 : (double) b[2] / b[3];
      return (fact + decline) / 2;
    }

    String table() {
      StringBuilder out = new StringBuilder();
      bySet.forEach((set, b) -> out.append(String.format(Locale.ROOT,
          "%-8s fact hit on answerable %.3f (%d/%d), declined unanswerable %.3f (%d/%d), balanced accuracy %.3f%n",
          set, b[1] == 0 ? 0 : (double) b[0] / b[1], b[0], b[1], b[3] == 0 ? 0 : (double) b[2] / b[3], b[2], b[3], balanced(b))));
      byKind.forEach((kind, k) -> out.append(String.format(Locale.ROOT, "  %-28s %.3f (%d/%d)%n",
          kind, (double) k[0] / k[1], k[0], k[1])));
      return out.toString();
    }
  }

  private static double[] grid() {
    double[] g = new double[37];
    for (int i = 0; i < g.length; i++) {
      g[i] = Math.round((0.05 + 0.025 * i) * 1000) / 1000.0;
    }
    return g;
  }
}
