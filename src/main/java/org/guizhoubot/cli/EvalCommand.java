package org.guizhoubot.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.guizhoubot.App;
import org.guizhoubot.answer.AnswerResult;
import org.guizhoubot.answer.Citation;
import org.guizhoubot.answer.Outcome;
import org.guizhoubot.retrieval.RetrievedPassage;
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

  /**
   * One line of a question file: gold article ids (empty: should decline), answer patterns, its kind
   * (null if none) and, for a conversation's line, the conversation and turn (null and 0 otherwise).
   */
  record Question(String id, String question, Set<String> gold, List<Pattern> answer, String kind,
      String conversation, int turn) {
    /** Turn 1 of a conversation only sets the context; it is asked but not scored. */
    boolean scored() {
      return conversation == null || turn >= 2;
    }
  }

  /** Counts for one group of questions (all, or one kind). */
  /** The counts of all scored questions, or of one kind. */
  private static final class Tally {
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

  @Override
  public Integer call() throws IOException {
    List<Question> questions = inTurnOrder(read(file));
    try (App app = cli.openIndexed(common)) {
      Tally all = new Tally();
      int retrievedTop3 = 0;
      List<Double> latencies = new ArrayList<>();
      app.library().answer("warm up");
      java.util.Map<String, Tally> byKind = new java.util.TreeMap<>();
      String run = Long.toHexString(System.nanoTime());
      for (Question q : questions) {
        AnswerResult r = q.conversation() == null ? app.library().answer(q.question())
            : app.library().answer(q.question(), "eval-" + run + "-" + q.conversation());
        if (!q.scored()) {
          if (verbose) {
            cli.out.println(q.id() + " (turn " + q.turn() + ", not scored) | " + q.question());
          }
          continue;
        }
        latencies.add(r.totalMs());
        Outcome o = r.outcome();
        boolean answered = o instanceof Outcome.Answered;
        List<Tally> tallies = q.kind() == null ? List.of(all)
            : List.of(all, byKind.computeIfAbsent(q.kind(), k -> new Tally()));
        String mark;
        if (q.gold().isEmpty()) {
          tallies.forEach(t -> t.outOfScope(answered));
          mark = answered ? "ANSWERED (should decline)" : "declined ok";
        } else {
          List<RetrievedPassage> top = r.passages().subList(0, Math.min(3, r.passages().size()));
          boolean inTop3 = top.stream().anyMatch(p -> q.gold().contains(p.article().id()));
          retrievedTop3 += inTop3 ? 1 : 0;
          boolean c = o instanceof Outcome.Answered a
              && a.citations().stream().map(Citation::articleId).anyMatch(q.gold()::contains);
          boolean f = o instanceof Outcome.Answered a && q.answer().stream().allMatch(p -> p.matcher(a.text()).find());
          tallies.forEach(t -> t.inScope(answered, c, f));
          mark = !answered ? "DECLINED (in scope)"
              : (c ? "cited" : "NOT CITED") + ", " + (f ? "fact" : "NO FACT") + (inTop3 ? "" : ", not in top 3");
        }
        if (verbose) {
          cli.out.println(q.id() + " " + mark + " | " + q.question()
              + (r.reading().searchText().equals(q.question()) ? "" : " | searched: " + r.reading().searchText())
              + (r.reading().expansion() instanceof org.guizhoubot.conversation.Expansion.Expanded e
                  ? " | expanded: " + String.join(", ", e.added()) : ""));
          cli.out.println("    " + (o instanceof Outcome.Answered a ? a.text()
              : ((Outcome.Declined) o).message()).replace('\n', ' '));
        }
      }
      double recall = ratio(all.cited, all.inScope);
      double fact = ratio(all.facts, all.inScope);
      double decline = ratio(all.declinedOut, all.outScope);
      double falseDecline = ratio(all.declinedIn, all.inScope);
      double[] sorted = latencies.stream().mapToDouble(Double::doubleValue).sorted().toArray();
      long context = questions.stream().filter(q -> !q.scored()).count();
      cli.out.printf(Locale.ROOT, "questions            %d (%d in scope, %d out of scope)%s%n", all.inScope + all.outScope,
          all.inScope, all.outScope, context == 0 ? "" : "; " + context + " first turns asked for context, not scored");
      cli.out.printf(Locale.ROOT, "retrieval top-3      %.3f (%d/%d)%n", ratio(retrievedTop3, all.inScope), retrievedTop3, all.inScope);
      cli.out.printf(Locale.ROOT, "citation recall      %.3f (%d/%d)%n", recall, all.cited, all.inScope);
      cli.out.printf(Locale.ROOT, "fact hit             %.3f (%d/%d)%n", fact, all.facts, all.inScope);
      cli.out.printf(Locale.ROOT, "decline rate         %.3f (%d/%d out of scope declined)%n", decline, all.declinedOut, all.outScope);
      cli.out.printf(Locale.ROOT, "false-decline rate   %.3f (%d/%d in scope declined)%n", falseDecline, all.declinedIn, all.inScope);
      double balanced = (fact + decline) / 2;
      cli.out.printf(Locale.ROOT, "balanced accuracy    %.3f (mean of fact hit and decline rate)%n", balanced);
      cli.out.printf(Locale.ROOT, "latency ms           p50 %.1f  p95 %.1f%n", percentile(sorted, 50), percentile(sorted, 95));
      for (java.util.Map.Entry<String, Tally> e : byKind.entrySet()) {
        Tally t = e.getValue();
        cli.out.printf(Locale.ROOT, "kind %-15s fact %d/%d, cited %d/%d, declined in scope %d/%d, declined out of scope %d/%d%n",
            e.getKey(), t.facts, t.inScope, t.cited, t.inScope, t.declinedIn, t.inScope, t.declinedOut, t.outScope);
      }
      List<String> failures = new ArrayList<>();
      if (minRecall != null && recall < minRecall) failures.add("citation recall " + fmt(recall) + " < " + minRecall);
      if (minFact != null && fact < minFact) failures.add("fact hit " + fmt(fact) + " < " + minFact);
      if (minDecline != null && decline < minDecline) failures.add("decline rate " + fmt(decline) + " < " + minDecline);
      if (minBalanced != null && balanced < minBalanced) failures.add("balanced accuracy " + fmt(balanced) + " < " + minBalanced);
      if (maxFalseDecline != null && falseDecline > maxFalseDecline) {
        failures.add("false-decline rate " + fmt(falseDecline) + " > " + maxFalseDecline);
      }
      for (String f : failures) {
        cli.out.println("FAILED: " + f);
      }
      return failures.isEmpty() ? Cli.OK : Cli.BAD_INPUT;
    }
  }

  /** Reads a question file, refusing a missing file or a bad line with a message naming it. */
  static List<Question> read(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new BadInputException("no such file: " + file);
    }
    ObjectMapper mapper = new ObjectMapper();
    List<Question> out = new ArrayList<>();
    int lineNo = 0;
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      lineNo++;
      if (line.isBlank()) {
        continue;
      }
      try {
        JsonNode n = mapper.readTree(line);
        if (n.get("question") == null) {
          throw new BadInputException(file.getFileName() + " line " + lineNo + ": no \"question\"");
        }
        Set<String> gold = n.has("articles") ? toList(n.get("articles")).stream().collect(Collectors.toSet()) : Set.of();
        List<Pattern> answer = n.has("answer")
            ? toList(n.get("answer")).stream().map(p -> Pattern.compile(p, Pattern.CASE_INSENSITIVE)).toList()
            : List.of();
        String conversation = n.hasNonNull("conversation") ? n.get("conversation").asText() : null;
        if (conversation != null && (!n.has("turn") || !n.get("turn").canConvertToInt() || n.get("turn").asInt() < 1)) {
          throw new BadInputException(file.getFileName() + " line " + lineNo
              + ": a line with \"conversation\" needs a \"turn\" of 1 or more");
        }
        out.add(new Question(n.path("id").asText("line " + lineNo), n.get("question").asText(), gold, answer,
            n.hasNonNull("kind") ? n.get("kind").asText() : null, conversation,
            conversation == null ? 0 : n.get("turn").asInt()));
      } catch (IOException | java.util.regex.PatternSyntaxException e) {
        throw new BadInputException(file.getFileName() + " line " + lineNo + ": " + e.getMessage());
      }
    }
    return out;
  }

  /**
   * The questions in file order, except that a conversation's lines are asked together, in turn
   * order, where its first line stands.
   */
  static List<Question> inTurnOrder(List<Question> questions) {
    java.util.Map<String, List<Question>> conversations = new java.util.LinkedHashMap<>();
    for (Question q : questions) {
      if (q.conversation() != null) {
        conversations.computeIfAbsent(q.conversation(), c -> new ArrayList<>()).add(q);
      }
    }
    List<Question> out = new ArrayList<>(questions.size());
    for (Question q : questions) {
      if (q.conversation() == null) {
        out.add(q);
      } else {
        List<Question> turns = conversations.remove(q.conversation());
        if (turns != null) {
          turns.sort(java.util.Comparator.comparingInt(Question::turn));
          out.addAll(turns);
        }
      }
    }
    return out;
  }

  private static List<String> toList(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(x -> out.add(x.asText()));
    return out;
  }

  private static double ratio(int a, int b) {
    return b == 0 ? 1.0 : (double) a / b;
  }

  private static String fmt(double x) {
    return String.format(Locale.ROOT, "%.3f", x);
  }

  static double percentile(double[] sorted, double p) {
    if (sorted.length == 0) {
      return 0;
    }
    int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
  }

}
