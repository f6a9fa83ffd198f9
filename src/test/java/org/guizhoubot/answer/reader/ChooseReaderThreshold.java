package org.guizhoubot.answer.reader;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.guizhoubot.answer.ExtractiveComposer;
import org.guizhoubot.answer.Outcome;
import org.guizhoubot.answer.decision.KeywordReading;
import org.guizhoubot.answer.decision.TrainDecision;
import org.guizhoubot.retrieval.Retrieval;

/**
 * Chooses the reader's levels on SQuAD 2.0 fold {@link BuildReaderData#VALID_FOLD} (never trained
 * on) and reports held-out figures: fold {@link TrainDecision#CI_FOLD} (neither trained nor chosen
 * on) and any further sets, which were never used at all. Writes {@code reader.json} and appends
 * the figures to {@code reader.txt}.
 *
 * <p>Usage: {@code ChooseReaderThreshold --squad CORPUS DATA QUESTIONS [--set NAME CORPUS DATA
 * QUESTIONS ...] --out DIR}.
 */
public final class ChooseReaderThreshold {
  /** Balanced accuracy within this of the best counts as equally good; the lowest such level wins. */
  static final double TOLERANCE = 0.005;
  /** The most answerable held-out questions an LLM may be kept from. */
  static final double MAX_SKIPPED = 0.01;

  /** A question weighed once: its decision, and whether answering would hold the fact. */
  record Weighed(TrainDecision.Question q, double decision, boolean factIfAnswered, boolean poolHasAnswer) {}

  public static void main(String[] args) throws Exception {
    String[] squad = null;
    List<String[]> sets = new ArrayList<>();
    Path out = null;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--squad" -> squad = new String[] {args[++i], args[++i], args[++i]};
        case "--set" -> sets.add(new String[] {args[++i], args[++i], args[++i], args[++i]});
        case "--out" -> out = Path.of(args[++i]);
        default -> throw new IllegalArgumentException("unknown argument " + args[i]);
      }
    }
    if (squad == null || out == null) {
      throw new IllegalArgumentException("usage: --squad CORPUS DATA QUESTIONS [--set NAME CORPUS DATA QUESTIONS] --out DIR");
    }
    int pool = CandidatePool.SIZE;
    try (LazyCrossEncoder encoder = new LazyCrossEncoder(Runtime.getRuntime().availableProcessors())) {
      StringBuilder report = new StringBuilder("\nChooseReaderThreshold: " + String.join(" ", args) + "\n");
      List<TrainDecision.Example> examples = TrainDecision.retrieve("squad", Path.of(squad[0]), Path.of(squad[1]),
          Path.of(squad[2]), false);
      List<Weighed> valid = weigh(encoder, pool, examples, BuildReaderData.VALID_FOLD, false);
      double threshold = choose(valid, report, "sentences");
      List<TrainDecision.Example> keywordExamples = TrainDecision.retrieve("squad", Path.of(squad[0]),
          Path.of(squad[1]), Path.of(squad[2]), true);
      List<Weighed> validKeywords = weigh(encoder, pool, keywordExamples, BuildReaderData.VALID_FOLD, true);
      double keywordThreshold = choose(validKeywords, report, "key-word readings");
      double skip = skipLevel(valid, Math.min(threshold, keywordThreshold));
      report.append(String.format(Locale.ROOT, "skip the LLM below %.3f: %s of answerable validation questions%n",
          skip, share(valid.stream().filter(w -> w.q().answerable()).mapToInt(w -> w.decision() < skip ? 1 : 0).sum(),
              (int) valid.stream().filter(w -> w.q().answerable()).count())));
      ReaderCalibration c = new ReaderCalibration(threshold, keywordThreshold, skip, pool);

      report.append("\nheld out: SQuAD 2.0 fold ").append(TrainDecision.CI_FOLD)
          .append(" (whole articles neither trained nor chosen on)\n");
      List<Weighed> ci = weigh(encoder, pool, examples, TrainDecision.CI_FOLD, false);
      report.append(figures("squad", ci, threshold, skip));
      for (String[] s : sets) {
        List<TrainDecision.Example> ex = TrainDecision.retrieve(s[0], Path.of(s[1]), Path.of(s[2]), Path.of(s[3]), false);
        report.append("\nheld out: ").append(s[0]).append(" (never trained or chosen on)\n");
        report.append(figures(s[0], weigh(encoder, pool, ex, -1, false), threshold, skip));
      }
      Files.createDirectories(out);
      Files.writeString(out.resolve("reader.json"), c.toJson(), StandardCharsets.UTF_8);
      Path txt = out.resolve("reader.txt");
      String before = Files.exists(txt) ? Files.readString(txt, StandardCharsets.UTF_8) : "";
      int cut = before.indexOf("\nChooseReaderThreshold:");
      Files.writeString(txt, (cut >= 0 ? before.substring(0, cut) : before) + report, StandardCharsets.UTF_8);
      System.out.print(report);
      System.out.print(c.toJson());
    }
  }

  /** The questions of {@code fold} (every fold when negative) weighed by the reader. */
  static List<Weighed> weigh(CrossEncoder encoder, int pool, List<TrainDecision.Example> examples, int fold,
      boolean keywords) {
    ReaderJudge judge = new ReaderJudge(() -> encoder, 0, 0, pool);
    ExtractiveComposer composer = new ExtractiveComposer(judge);
    List<Weighed> out = new ArrayList<>();
    for (TrainDecision.Example e : examples) {
      if (fold >= 0 && e.fold() != fold) {
        continue;
      }
      String text = keywords ? KeywordReading.of(e.q().text()) : e.q().text();
      Retrieval r = new Retrieval(e.passages(), e.stats());
      ExtractiveComposer.Assessment a = judge.assess(text, r);
      Outcome o = composer.decide(text, e.passages(), a, 0);
      boolean fact = e.q().answerable() && o instanceof Outcome.Answered ans
          && e.q().answer().stream().allMatch(p -> p.matcher(ans.text()).find());
      boolean inPool = e.q().answerable() && a.candidates().stream()
          .anyMatch(c -> e.q().gold().contains(e.passages().get(c.passage()).article().id())
              && e.q().answer().stream().allMatch(p -> p.matcher(c.text()).find()));
      out.add(new Weighed(e.q(), a.decision(), fact, inPool));
    }
    return out;
  }

  static double[] rates(List<Weighed> ws, double t) {
    int ans = 0;
    int right = 0;
    int un = 0;
    int declined = 0;
    for (Weighed w : ws) {
      if (w.q().answerable()) {
        ans++;
        right += w.decision() >= t && w.factIfAnswered() ? 1 : 0;
      } else {
        un++;
        declined += w.decision() < t ? 1 : 0;
      }
    }
    return new double[] {ans == 0 ? 0 : (double) right / ans, un == 0 ? 0 : (double) declined / un};
  }

  static double choose(List<Weighed> ws, StringBuilder report, String what) {
    double best = -1;
    double[] grid = new double[99];
    double[] ba = new double[grid.length];
    for (int g = 0; g < grid.length; g++) {
      grid[g] = (g + 1) / 100.0;
      double[] r = rates(ws, grid[g]);
      ba[g] = (r[0] + r[1]) / 2;
      best = Math.max(best, ba[g]);
    }
    double chosen = grid[grid.length - 1];
    for (int g = 0; g < grid.length; g++) {
      if (ba[g] >= best - TOLERANCE) {
        chosen = grid[g];
        break;
      }
    }
    double[] r = rates(ws, chosen);
    report.append(String.format(Locale.ROOT, "%s: threshold %.2f chosen on fold %d (%d questions): fact hit %.3f,"
        + " declined %.3f, balanced accuracy %.3f (best %.3f)%n", what, chosen, BuildReaderData.VALID_FOLD, ws.size(),
        r[0], r[1], (r[0] + r[1]) / 2, best));
    return chosen;
  }

  /** The highest level at or below {@code cap} under which at most {@link #MAX_SKIPPED} answerable questions fall. */
  static double skipLevel(List<Weighed> ws, double cap) {
    List<Double> answerable = ws.stream().filter(w -> w.q().answerable()).map(Weighed::decision).sorted().toList();
    int allowed = (int) Math.floor(MAX_SKIPPED * answerable.size());
    double level = answerable.isEmpty() ? 0 : answerable.get(Math.min(allowed, answerable.size() - 1));
    return Math.min(cap, Math.floor(level * 1000) / 1000);
  }

  static String figures(String set, List<Weighed> ws, double threshold, double skip) {
    StringBuilder b = new StringBuilder();
    Map<String, List<Weighed>> byKind = new TreeMap<>();
    for (Weighed w : ws) {
      byKind.computeIfAbsent(w.q().kind(), k -> new ArrayList<>()).add(w);
    }
    double[] r = rates(ws, threshold);
    int ans = (int) ws.stream().filter(w -> w.q().answerable()).count();
    int inPool = (int) ws.stream().filter(Weighed::poolHasAnswer).count();
    int skipped = (int) ws.stream().filter(w -> w.q().answerable() && w.decision() < skip).count();
    b.append(String.format(Locale.ROOT, "%s: fact hit on answerable %.3f, declined unanswerable %.3f, balanced accuracy"
        + " %.3f; candidate pool holds the answer for %s of answerable; LLM skipped for %s of answerable%n", set,
        r[0], r[1], (r[0] + r[1]) / 2, share(inPool, ans), share(skipped, ans)));
    byKind.forEach((kind, list) -> {
      int right = 0;
      for (Weighed w : list) {
        right += w.q().answerable() ? (w.decision() >= threshold && w.factIfAnswered() ? 1 : 0)
            : (w.decision() < threshold ? 1 : 0);
      }
      b.append(String.format(Locale.ROOT, "  %s %-14s %s right%n", set, kind, share(right, list.size())));
    });
    return b.toString();
  }

  static String share(int n, int of) {
    return String.format(Locale.ROOT, "%d/%d (%.3f)", n, of, of == 0 ? 0.0 : (double) n / of);
  }
}
