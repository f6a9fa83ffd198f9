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
import org.guizhoubot.answer.decision.DecisionModel;
import org.guizhoubot.answer.decision.SentenceFeatures;
import org.guizhoubot.answer.decision.TrainDecision;
import org.guizhoubot.answer.decision.WordFeatureJudge;
import org.guizhoubot.retrieval.Retrieval;

/**
 * Prints, for each question set, how each kind fares at a range of reader levels, and each
 * question's decision with {@code -v}: for reading the reader's trade-off, never for choosing.
 *
 * <p>Usage: {@code ReaderSweep [-v] NAME CORPUS DATA QUESTIONS [NAME CORPUS DATA QUESTIONS ...]}.
 */
public final class ReaderSweep {
  static final double[] LEVELS = {0.02, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.4, 0.5, 0.6, 0.76};

  public static void main(String[] args) throws Exception {
    boolean verbose = args.length > 0 && args[0].equals("-v");
    int start = verbose ? 1 : 0;
    Path dump = null;
    if (args.length > start + 1 && args[start].equals("--dump")) {
      dump = Path.of(args[start + 1]);
      start += 2;
    }
    StringBuilder rows = new StringBuilder("set\tid\tkind\tfold\tanswerable\tfact\treader1\treader2\twords\t"
        + String.join("\t", SentenceFeatures.NAMES) + "\n");
    WordFeatureJudge words = new WordFeatureJudge(DecisionModel.bundled());
    try (LazyCrossEncoder encoder = new LazyCrossEncoder(Runtime.getRuntime().availableProcessors())) {
      for (int i = start; i + 3 < args.length; i += 4) {
        List<TrainDecision.Example> ex = TrainDecision.retrieve(args[i], Path.of(args[i + 1]), Path.of(args[i + 2]),
            Path.of(args[i + 3]), false);
        if (args[i].equals("squad")) {
          // the folds neither trained on: 1 (validation) and 0 (CI's)
          ex = ex.stream().filter(e -> e.fold() <= BuildReaderData.VALID_FOLD).toList();
        }
        if (dump != null) {
          ReaderJudge judge = new ReaderJudge(() -> encoder, 0, 0, CandidatePool.SIZE);
          for (TrainDecision.Example e : ex) {
            Retrieval r = new Retrieval(e.passages(), e.stats());
            ExtractiveComposer.Assessment a = judge.assess(e.q().text(), r);
            ExtractiveComposer.Assessment w = words.assess(e.q().text(), r);
            rows.append(String.join("\t", args[i], e.q().id(), e.q().kind(), String.valueOf(e.fold()),
                String.valueOf(e.q().answerable()), "?", String.valueOf(a.best()),
                String.valueOf(a.scores().length > 1 ? a.scores()[1] : 0), String.valueOf(w.decision())));
            double[] f = a.candidates().isEmpty() ? new double[SentenceFeatures.NAMES.size()]
                : a.candidates().get(0).features();
            for (double x : f) {
              rows.append('\t').append(x);
            }
            rows.append('\n');
          }
        }
        List<ChooseReaderThreshold.Weighed> ws = ChooseReaderThreshold.weigh(encoder, CandidatePool.SIZE, ex, -1, false);
        Map<String, List<ChooseReaderThreshold.Weighed>> byKind = new TreeMap<>();
        for (ChooseReaderThreshold.Weighed w : ws) {
          byKind.computeIfAbsent(w.q().kind(), k -> new ArrayList<>()).add(w);
          if (verbose) {
            System.out.printf(Locale.ROOT, "%s %-14s %.3f %s %s%n", w.q().id(), w.q().kind(), w.decision(),
                w.q().answerable() ? (w.factIfAnswered() ? "fact" : "nofact") : "oos", w.q().text());
          }
        }
        for (ChooseReaderThreshold.Weighed w : ws) {
          int at = rows.indexOf(args[i] + "\t" + w.q().id() + "\t");
          if (at >= 0) {
            int q = rows.indexOf("\t?\t", at);
            rows.replace(q + 1, q + 2, String.valueOf(w.factIfAnswered()));
          }
        }
        StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "%-22s", args[i]));
        for (double l : LEVELS) {
          head.append(String.format(Locale.ROOT, "%7.2f", l));
        }
        System.out.println(head);
        byKind.forEach((kind, list) -> {
          StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%-22s", kind + " (" + list.size() + ")"));
          for (double l : LEVELS) {
            int right = 0;
            for (ChooseReaderThreshold.Weighed w : list) {
              right += w.q().answerable() ? (w.decision() >= l && w.factIfAnswered() ? 1 : 0)
                  : (w.decision() < l ? 1 : 0);
            }
            row.append(String.format(Locale.ROOT, "%7d", right));
          }
          System.out.println(row);
        });
      }
    }
    if (dump != null) {
      Files.writeString(dump, rows, StandardCharsets.UTF_8);
    }
  }
}
