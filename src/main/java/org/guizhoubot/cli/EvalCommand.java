package org.guizhoubot.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.guizhoubot.App;
import org.guizhoubot.answer.AnswerResult;
import org.guizhoubot.cli.EvalQuestions.Question;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "eval", mixinStandardHelpOptions = true,
    abbreviateSynopsis = true,
    description = {"Runs a question file and prints its answer-quality figures.",
        "Figures: citation recall, fact hit, decline rates and latency.",
        "Each line: {\"id\", \"question\", \"articles\": [gold ids], \"answer\": [regex...]}.",
        "An empty \"articles\" list means the question should be declined.",
        "Optional: \"kind\" (figures are also printed per kind).",
        "Optional: \"conversation\" and \"turn\": one conversation's lines are asked",
        "in turn order, as one conversation; turn 1 gives the context, and only",
        "turn 2 and later are scored."})
final class EvalCommand implements Callable<Integer> {
  @ParentCommand Cli cli;
  @Mixin CommonOptions common;

  @Parameters(paramLabel = "FILE.jsonl", description = "The question file.")
  Path file;

  @Option(names = "--min-recall", paramLabel = "X", description = "Fail when citation recall is below X.")
  Double minRecall;

  @Option(names = "--min-fact", paramLabel = "X", description = "Fail when fact hit is below X.")
  Double minFact;

  @Option(names = "--min-decline", paramLabel = "X", description = "Fail when the out-of-scope decline rate is below X.")
  Double minDecline;

  @Option(names = "--min-balanced", paramLabel = "X",
      description = "Fail when the balanced accuracy (mean of fact hit and decline rate) is below X.")
  Double minBalanced;

  @Option(names = "--max-false-decline", paramLabel = "X", description = "Fail when the in-scope decline rate is above X.")
  Double maxFalseDecline;

  @Option(names = {"-v", "--verbose"}, description = "Print every question's outcome.")
  boolean verbose;

  @Override
  public Integer call() throws IOException {
    List<Question> questions = EvalQuestions.inTurnOrder(EvalQuestions.read(file));
    try (App app = cli.openIndexed(common)) {
      EvalScore score = new EvalScore();
      EvalReport report = new EvalReport(cli.out);
      app.library().answer("warm up");
      String run = Long.toHexString(System.nanoTime());
      for (Question q : questions) {
        AnswerResult r = q.conversation() == null ? app.library().answer(q.question())
            : app.library().answer(q.question(), "eval-" + run + "-" + q.conversation());
        if (!q.scored()) {
          if (verbose) {
            report.context(q);
          }
          continue;
        }
        String mark = score.add(q, r);
        if (verbose) {
          report.outcome(q, mark, r);
        }
      }
      report.figures(score, questions.stream().filter(q -> !q.scored()).count());
      List<String> failures = failures(score);
      for (String f : failures) {
        cli.out.println("FAILED: " + f);
      }
      return failures.isEmpty() ? Cli.OK : Cli.BAD_INPUT;
    }
  }

  /** The thresholds given on the command line that the run's figures miss. */
  private List<String> failures(EvalScore s) {
    List<String> failures = new ArrayList<>();
    if (minRecall != null && s.recall() < minRecall) failures.add("citation recall " + fmt(s.recall()) + " < " + minRecall);
    if (minFact != null && s.fact() < minFact) failures.add("fact hit " + fmt(s.fact()) + " < " + minFact);
    if (minDecline != null && s.decline() < minDecline) failures.add("decline rate " + fmt(s.decline()) + " < " + minDecline);
    if (minBalanced != null && s.balanced() < minBalanced) {
      failures.add("balanced accuracy " + fmt(s.balanced()) + " < " + minBalanced);
    }
    if (maxFalseDecline != null && s.falseDecline() > maxFalseDecline) {
      failures.add("false-decline rate " + fmt(s.falseDecline()) + " > " + maxFalseDecline);
    }
    return failures;
  }

  private static String fmt(double x) {
    return String.format(Locale.ROOT, "%.3f", x);
  }
}
