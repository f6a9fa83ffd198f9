package org.guizhoubot.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import org.guizhoubot.answer.AnswerResult;
import org.guizhoubot.answer.Outcome;
import org.guizhoubot.cli.EvalQuestions.Question;
import org.guizhoubot.conversation.Expansion;

/** Prints an eval run: each question's outcome (verbose) and the figures, overall and per kind. */
final class EvalReport {
  private final PrintWriter out;

  EvalReport(PrintWriter out) {
    this.out = out;
  }

  /** A conversation's first turn, asked for context. */
  void context(Question q) {
    out.println(q.id() + " (turn " + q.turn() + ", not scored) | " + q.question());
  }

  /** One scored question: how it went, what was searched, and the answer or the decline. */
  void outcome(Question q, String mark, AnswerResult r) {
    Outcome o = r.outcome();
    out.println(q.id() + " " + mark + " | " + q.question()
        + (r.reading().searchText().equals(q.question()) ? "" : " | searched: " + r.reading().searchText())
        + (r.reading().expansion() instanceof Expansion.Expanded e
            ? " | expanded: " + String.join(", ", e.added()) : ""));
    out.println("    " + (o instanceof Outcome.Answered a ? a.text()
        : ((Outcome.Declined) o).message()).replace('\n', ' '));
  }

  /** The figures; {@code context} first turns were asked only for context. */
  void figures(EvalScore s, long context) {
    EvalScore.Tally all = s.all;
    out.printf(Locale.ROOT, "questions            %d (%d in scope, %d out of scope)%s%n", all.inScope + all.outScope,
        all.inScope, all.outScope, context == 0 ? "" : "; " + context + " first turns asked for context, not scored");
    out.printf(Locale.ROOT, "retrieval top-3      %.3f (%d/%d)%n", s.top3(), s.retrievedTop3, all.inScope);
    out.printf(Locale.ROOT, "citation recall      %.3f (%d/%d)%n", s.recall(), all.cited, all.inScope);
    out.printf(Locale.ROOT, "fact hit             %.3f (%d/%d)%n", s.fact(), all.facts, all.inScope);
    out.printf(Locale.ROOT, "decline rate         %.3f (%d/%d out of scope declined)%n", s.decline(), all.declinedOut,
        all.outScope);
    out.printf(Locale.ROOT, "false-decline rate   %.3f (%d/%d in scope declined)%n", s.falseDecline(), all.declinedIn,
        all.inScope);
    out.printf(Locale.ROOT, "balanced accuracy    %.3f (mean of fact hit and decline rate)%n", s.balanced());
    out.printf(Locale.ROOT, "latency ms           p50 %.1f  p95 %.1f%n", s.latencyPercentile(50),
        s.latencyPercentile(95));
    for (Map.Entry<String, EvalScore.Tally> e : s.byKind.entrySet()) {
      EvalScore.Tally t = e.getValue();
      out.printf(Locale.ROOT, "kind %-15s fact %d/%d, cited %d/%d, declined in scope %d/%d, declined out of scope %d/%d%n",
          e.getKey(), t.facts, t.inScope, t.cited, t.inScope, t.declinedIn, t.inScope, t.declinedOut, t.outScope);
    }
  }
}
