package org.guizhoubot.answer.decision;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.guizhoubot.App;
import org.guizhoubot.answer.QuestionAnswerer;
import org.guizhoubot.config.Settings;
import org.guizhoubot.config.SettingsLoader;
import org.guizhoubot.retrieval.Retrieval;
import org.guizhoubot.retrieval.RetrievedPassage;
import org.guizhoubot.retrieval.TermStats;

/**
 * Training as code: retrieves the passages of every question of the training sets, labels each
 * candidate sentence (positive when it is in a gold article and holds a gold answer; every candidate
 * of an unanswerable question is negative), cross-validates by article with the threshold chosen
 * on held-out folds only, and writes the model fitted on all folds but the CI fold.
 *
 * <p>Usage: {@code TrainDecision --set NAME CORPUS DATA QUESTIONS [--set ...] --model FILE
 * --holdout-ids FILE [--keywords]}; run it as DEVELOPMENT.md ("Training the word-feature model") shows. With
 * {@code --keywords} every question is first cut down to its {@link KeywordReading} (the form of a
 * Chinese question read through the dictionary), for the model of such readings.
 */
public final class TrainDecision {
  public static final int FOLDS = 5;
  /** The fold left out of the committed model, on which CI gates. */
  public static final int CI_FOLD = 0;
  /** Kinds another issue handles, left out of training and figures. */
  static final Set<String> SKIPPED_KINDS = Set.of("chinese", "follow-up");

  public record Question(String set, String id, String kind, String text, Set<String> gold, List<Pattern> answer) {
    public boolean answerable() {
      return !gold.isEmpty();
    }
  }

  /** A question with its retrieved passages, its fold and the labelled candidates. */
  public record Example(Question q, List<RetrievedPassage> passages, TermStats stats, String group, int fold) {}

  public static void main(String[] args) throws Exception {
    List<String[]> sets = new ArrayList<>();
    Path modelFile = null;
    Path holdoutIds = null;
    Path dumpRows = null;
    Path checkFile = Path.of("src/test/resources/decision/model-check.tsv");
    boolean keywords = false;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--set" -> sets.add(new String[] {args[++i], args[++i], args[++i], args[++i]});
        case "--model" -> modelFile = Path.of(args[++i]);
        case "--holdout-ids" -> holdoutIds = Path.of(args[++i]);
        case "--dump-rows" -> dumpRows = Path.of(args[++i]);
        case "--check" -> checkFile = Path.of(args[++i]);
        case "--keywords" -> keywords = true;
        default -> throw new IllegalArgumentException("unknown argument " + args[i]);
      }
    }
    if (sets.isEmpty() || modelFile == null || checkFile == null) {
      throw new IllegalArgumentException("usage: --set NAME CORPUS DATA QUESTIONS ... --model FILE [--holdout-ids FILE]");
    }
    List<Example> examples = new ArrayList<>();
    StringBuilder hashes = new StringBuilder();
    for (String[] s : sets) {
      examples.addAll(retrieve(s[0], Path.of(s[1]), Path.of(s[2]), Path.of(s[3]), keywords));
      hashes.append(s[0]).append(" questions ").append(Path.of(s[3]).getFileName()).append(" sha256 ")
          .append(sha256(Path.of(s[3]))).append('\n');
      hashes.append(s[0]).append(" corpus sha256 ").append(corpusHash(Path.of(s[1]))).append('\n');
    }
    Training t = new Training(examples);
    if (dumpRows != null) {
      t.dump(dumpRows);
      return;
    }
    StringBuilder report = new StringBuilder();
    report.append(t.crossValidate());
    Training.Fitted fin = t.fitWithThreshold(f -> f != CI_FOLD);
    report.append(String.format(Locale.ROOT, "%ncommitted model: fitted on folds other than %d, threshold %.3f chosen on held-out folds%n",
        CI_FOLD, fin.model().threshold()));
    report.append(t.report(fin.model(), e -> e.fold() == CI_FOLD, "CI fold " + CI_FOLD));
    Files.createDirectories(modelFile.toAbsolutePath().getParent());
    Files.writeString(modelFile, fin.model().toJson(), StandardCharsets.UTF_8);
    Path info = modelFile.resolveSibling(modelFile.getFileName().toString().replaceFirst("\\.json$", "") + ".txt");
    Files.writeString(info, "Written by TrainDecision (see DEVELOPMENT.md, Training the word-feature model)\n"
        + "args: " + String.join(" ", args) + "\n"
        + "training rows sha256 " + t.rowsHash() + "\n" + hashes + "\n" + report, StandardCharsets.UTF_8);
    StringBuilder check = new StringBuilder();
    List<LogisticFit.Row> sRows = t.rows(f -> f != CI_FOLD);
    for (int i = 0; i < 5; i++) {
      double[] f = sRows.get(i * 997 % sRows.size()).features();
      check.append(checkLine("sentence", fin.sentence().tribuoScore(f), f));
      double[] q = fin.questionRows().get(i * 131 % fin.questionRows().size()).features();
      check.append(checkLine("question", fin.question().tribuoScore(q), q));
    }
    Files.createDirectories(checkFile.toAbsolutePath().getParent());
    Files.writeString(checkFile, check, StandardCharsets.UTF_8);
    if (holdoutIds != null) {
      List<String> ids = examples.stream()
          .filter(e -> e.fold() == CI_FOLD && e.q().set().equals("squad")).map(e -> e.q().id()).sorted().toList();
      Files.writeString(holdoutIds, String.join("\n", ids) + "\n", StandardCharsets.UTF_8);
    }
    System.out.print(report);
  }

  private static String checkLine(String stage, double score, double[] f) {
    StringBuilder b = new StringBuilder(stage).append('\t').append(score);
    for (double x : f) {
      b.append('\t').append(x);
    }
    return b.append('\n').toString();
  }

  /** Retrieves the passages of every question of a set, with the set's index. */
  public static List<Example> retrieve(String set, Path corpus, Path data, Path questions, boolean keywords)
      throws IOException {
    List<Question> qs = read(set, questions);
    if (keywords) {
      qs = qs.stream().map(q -> new Question(q.set(), q.id(), q.kind(), KeywordReading.of(q.text()), q.gold(),
          q.answer())).toList();
    }
    Settings settings = new SettingsLoader(Map.of(), data).load(null,
        Map.of("corpus.dir", corpus.toString(), "data.dir", data.toString()));
    List<Example> out = new ArrayList<>();
    try (App app = App.open(settings)) {
      app.parts().index().current();
      Map<String, List<RetrievedPassage>> byId = new LinkedHashMap<>();
      Map<String, TermStats> statsOf = new LinkedHashMap<>();
      for (Question q : qs) {
        Retrieval r = app.parts().retriever().retrieve(q.text(), QuestionAnswerer.PASSAGES);
        byId.put(q.id(), r.passages());
        statsOf.put(q.id(), r.stats());
      }
      // groups: an answerable question's first gold article; an unanswerable one's top retrieved
      // article (the article it was written against, as far as the data tells)
      Map<Question, String> groupOf = new LinkedHashMap<>();
      for (Question q : qs) {
        List<RetrievedPassage> ps = byId.get(q.id());
        String g = q.answerable() ? new TreeSet<>(q.gold()).first()
            : ps.isEmpty() ? "none:" + q.id() : ps.get(0).article().id();
        groupOf.put(q, g);
      }
      List<String> groups = new ArrayList<>(new TreeSet<>(groupOf.values()));
      for (Question q : qs) {
        int fold = Math.floorMod(groups.indexOf(groupOf.get(q)), FOLDS);
        out.add(new Example(q, byId.get(q.id()), statsOf.get(q.id()), set + ":" + groupOf.get(q), fold));
      }
    }
    System.err.println(set + ": " + out.size() + " questions retrieved");
    return out;
  }

  public static List<Question> read(String set, Path file) throws IOException {
    ObjectMapper mapper = new ObjectMapper();
    List<Question> out = new ArrayList<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      if (line.isBlank()) {
        continue;
      }
      JsonNode n = mapper.readTree(line);
      Set<String> gold = new TreeSet<>();
      n.path("articles").forEach(x -> gold.add(x.asText()));
      List<Pattern> answer = new ArrayList<>();
      n.path("answer").forEach(x -> answer.add(Pattern.compile(x.asText(), Pattern.CASE_INSENSITIVE)));
      String kind = n.has("kind") ? n.get("kind").asText() : gold.isEmpty() ? "unanswerable" : "answerable";
      if (SKIPPED_KINDS.contains(kind)) {
        continue;
      }
      out.add(new Question(set, n.get("id").asText(), kind, n.get("question").asText(), gold, answer));
    }
    return out;
  }

  public static String sha256(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      byte[] buf = new byte[1 << 16];
      for (int r; (r = in.read(buf)) > 0; ) {
        md.update(buf, 0, r);
      }
      return HexFormat.of().formatHex(md.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** One hash over the corpus folder's file names and contents, in name order. */
  public static String corpusHash(Path corpus) throws IOException {
    try (Stream<Path> files = Files.list(corpus)) {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      for (Path f : files.sorted().toList()) {
        md.update(f.getFileName().toString().getBytes(StandardCharsets.UTF_8));
        md.update(Files.readAllBytes(f));
      }
      return HexFormat.of().formatHex(md.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
