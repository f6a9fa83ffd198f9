package org.guizhoubot.answer.reader;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.guizhoubot.answer.decision.TrainDecision;
import org.guizhoubot.index.Sentences;
import org.guizhoubot.text.QueryTerms;

/**
 * Training data for the reader, as code: labelled (question, candidate) pairs written as the
 * product's own word pieces ({@link ReaderInput}), one pair per line.
 *
 * <ul>
 *   <li>SQuAD 1.1 train: a sentence holding a gold answer is positive; the other sentences of its
 *       paragraph and of the article's paragraph sharing most words with the question are hard
 *       negatives. The eight articles it shares with the SQuAD 2.0 set are left out.
 *   <li>Rules turn some SQuAD 1.1 questions into ones their article cannot answer (a name or number
 *       swapped for another of the article's, or a negation); every candidate of those is negative.
 *   <li>SQuAD 2.0 (the eval set): every question of the training folds, with the candidate pool the
 *       product serves (retrieved passages, best candidates by {@link CandidatePool}).
 * </ul>
 *
 * <p>Usage: {@code BuildReaderData --squad11 TRAIN.jsonl.gz --squad SQUAD_CORPUS SQUAD_DATA
 * SQUAD_QUESTIONS --out DIR [--part N]}: part N takes the N-th {@value #SQUAD11_QUESTIONS}
 * SQuAD 1.1 questions of the shuffled order (the SQuAD 2.0 pairs are the same in every part). Writes {@code train.tsv}, {@code valid.tsv} (fold
 * {@link #VALID_FOLD}, never trained on) and {@code data.txt} (counts and input hashes).
 */
public final class BuildReaderData {
  /** The SQuAD 2.0 fold held out to choose the threshold; fold 0 is CI's. */
  public static final int VALID_FOLD = 1;
  static final long SEED = 20261205L;
  /** SQuAD 1.1 questions used (of 86,144), and the share of them made unanswerable. */
  static final int SQUAD11_QUESTIONS = 15000;
  static final double UNANSWERABLE_SHARE = 0.3;
  static final int NEGATIVES_PER_QUESTION = 5;

  private static final Pattern NUMBER = Pattern.compile("\\b\\d[\\d,.]*\\b");
  private static final Pattern NAME = Pattern.compile("\\b\\p{Lu}[\\p{L}\\p{N}'-]*(?:\\s+(?:of\\s+|the\\s+|de\\s+)?\\p{Lu}[\\p{L}\\p{N}'-]*)*");
  private static final Pattern PASSIVE = Pattern.compile("\\b(was|were|is|are)\\s+(\\p{Ll}+(?:ed|en))\\b");
  private static final Set<String> QUESTION_WORDS = Set.of("What", "Who", "Whom", "Whose", "When", "Where",
      "Why", "How", "Which", "In", "On", "At", "The", "A", "An", "Is", "Are", "Was", "Were", "Did", "Do", "Does",
      "For", "By", "From", "To", "Of", "After", "Before", "During", "According", "Along", "Since", "I");

  private final ReaderInput input = new ReaderInput();
  private final Random random = new Random(SEED);
  private final Random sampling = new Random(SEED + 1);
  private final Map<String, Integer> counts = new LinkedHashMap<>();
  /** The first pairs written, with their texts: the check that serving splits words as training did. */
  private final List<String> sample = new ArrayList<>();
  static final int SAMPLE = 24;

  public static void main(String[] args) throws Exception {
    Path squad11 = null;
    String[] squad = null;
    Path out = null;
    int part = 1;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--squad11" -> squad11 = Path.of(args[++i]);
        case "--squad" -> squad = new String[] {args[++i], args[++i], args[++i]};
        case "--out" -> out = Path.of(args[++i]);
        case "--part" -> part = Integer.parseInt(args[++i]);
        default -> throw new IllegalArgumentException("unknown argument " + args[i]);
      }
    }
    if (squad11 == null || squad == null || out == null || part < 1) {
      throw new IllegalArgumentException("usage: --squad11 FILE --squad CORPUS DATA QUESTIONS --out DIR [--part N]");
    }
    Files.createDirectories(out);
    BuildReaderData b = new BuildReaderData();
    StringBuilder info = new StringBuilder("Written by BuildReaderData, seed " + SEED
        + (part > 1 ? ", part " + part : "") + "\n");
    info.append("squad11 ").append(squad11.getFileName()).append(" sha256 ").append(TrainDecision.sha256(squad11)).append('\n');
    info.append("squad questions sha256 ").append(TrainDecision.sha256(Path.of(squad[2]))).append('\n');
    info.append("squad corpus sha256 ").append(TrainDecision.corpusHash(Path.of(squad[0]))).append('\n');
    try (BufferedWriter train = Files.newBufferedWriter(out.resolve("train.tsv"), StandardCharsets.UTF_8);
        BufferedWriter valid = Files.newBufferedWriter(out.resolve("valid.tsv"), StandardCharsets.UTF_8)) {
      List<TrainDecision.Example> examples = TrainDecision.retrieve("squad", Path.of(squad[0]), Path.of(squad[1]),
          Path.of(squad[2]), false);
      Set<String> heldTitles = b.squad2(examples, train, valid);
      b.squad11(squad11, heldTitles, train, part);
    }
    b.counts.forEach((k, v) -> info.append(k).append(' ').append(v).append('\n'));
    info.append("train.tsv sha256 ").append(TrainDecision.sha256(out.resolve("train.tsv"))).append('\n');
    Files.write(out.resolve("tokens-sample.tsv"), b.sample, StandardCharsets.UTF_8);
    Files.writeString(out.resolve("data.txt"), info, StandardCharsets.UTF_8);
    System.out.print(info);
  }

  private void count(String key, int n) {
    counts.merge(key, n, Integer::sum);
  }

  /** The SQuAD 2.0 questions: training folds to {@code train}, the validation fold to {@code valid}. */
  private Set<String> squad2(List<TrainDecision.Example> examples, BufferedWriter train, BufferedWriter valid)
      throws IOException {
    Set<String> titles = new HashSet<>();
    for (TrainDecision.Example e : examples) {
      e.passages().forEach(p -> titles.add(p.article().title()));
      if (e.fold() == TrainDecision.CI_FOLD) {
        continue;
      }
      BufferedWriter w = e.fold() == VALID_FOLD ? valid : train;
      String split = e.fold() == VALID_FOLD ? "valid" : "train";
      List<CandidatePool.Member> pool = CandidatePool.of(e.q().text(), e.passages(), e.stats(), CandidatePool.SIZE);
      int positives = 0;
      for (CandidatePool.Member m : pool) {
        boolean label = e.q().answerable() && e.q().gold().contains(m.article().id())
            && e.q().answer().stream().anyMatch(p -> p.matcher(m.candidate().sentence()).find());
        positives += label ? 1 : 0;
        write(w, "sq2:" + e.q().id(), label, m.question(), m.candidate());
      }
      count(split + " squad2 questions " + (e.q().answerable() ? "answerable" : "unanswerable"), 1);
      count(split + " squad2 answerable with a positive in the pool", e.q().answerable() && positives > 0 ? 1 : 0);
      count(split + " squad2 pairs", pool.size());
    }
    return titles;
  }

  private void write(BufferedWriter w, String group, boolean label, String question, ReaderInput.Candidate c)
      throws IOException {
    ReaderInput.Pieces p = input.encode(question, c);
    StringBuilder ids = new StringBuilder();
    for (int i = 0; i < p.ids().length; i++) {
      if (i > 0) {
        ids.append(' ');
      }
      ids.append(p.ids()[i]);
    }
    w.write(group + "\t" + (label ? 1 : 0) + "\t" + p.secondStart() + "\t" + ids + "\n");
    String texts = String.join("\t", question, c.title(), c.previous(), c.sentence());
    if (sample.size() < SAMPLE && sampling.nextInt(50) == 0 && texts.chars().filter(x -> x == '\t').count() == 3
        && texts.indexOf('\n') < 0 && texts.indexOf('\r') < 0) {
      sample.add(texts + "\t" + p.secondStart() + "\t" + ids);
    }
  }

  private record Para(String title, List<String> sentences, Set<String> stems, JsonNode qas) {}

  private record Sample(Para para, JsonNode qa, List<Para> article) {}

  /** SQuAD 1.1 train, less the articles the SQuAD 2.0 set also has. */
  private void squad11(Path file, Set<String> heldTitles, BufferedWriter w, int part) throws IOException {
    ObjectMapper mapper = new ObjectMapper();
    List<Sample> samples = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(file)),
        StandardCharsets.UTF_8))) {
      for (String line; (line = r.readLine()) != null; ) {
        if (line.isBlank()) {
          continue;
        }
        JsonNode a = mapper.readTree(line);
        String title = a.get("title").asText().replace('_', ' ');
        if (heldTitles.contains(title)) {
          count("squad11 articles left out (also in the SQuAD 2.0 set)", 1);
          continue;
        }
        List<Para> paras = new ArrayList<>();
        for (JsonNode p : a.get("paragraphs")) {
          List<String> sentences = new ArrayList<>();
          for (Sentences.Span s : Sentences.split(p.get("context").asText())) {
            sentences.add(s.text().strip());
          }
          paras.add(new Para(title, sentences, QueryTerms.stems(p.get("context").asText()), p.get("qas")));
        }
        for (Para p : paras) {
          for (JsonNode qa : p.qas()) {
            samples.add(new Sample(p, qa, paras));
          }
        }
      }
    }
    java.util.Collections.shuffle(samples, random);
    // part N writes the N-th run of SQUAD11_QUESTIONS questions; the earlier parts are drawn as
    // before (same random choices) and dropped, so every part is disjoint from the others
    int used = 0;
    Map<String, Integer> kept = new LinkedHashMap<>(counts);
    BufferedWriter dropped = new BufferedWriter(java.io.Writer.nullWriter());
    for (Sample s : samples) {
      if (used >= SQUAD11_QUESTIONS * part) {
        break;
      }
      boolean earlier = used < SQUAD11_QUESTIONS * (part - 1);
      if (squad11Question(s, earlier ? dropped : w)) {
        used++;
      }
      if (earlier) {
        counts.clear();
        counts.putAll(kept);
      }
    }
  }

  private boolean squad11Question(Sample s, BufferedWriter w) throws IOException {
    String question = s.qa().get("question").asText().strip();
    List<String> answers = new ArrayList<>();
    s.qa().get("answers").forEach(a -> answers.add(a.asText()));
    List<Integer> positives = new ArrayList<>();
    for (int i = 0; i < s.para().sentences().size(); i++) {
      String sentence = s.para().sentences().get(i);
      if (answers.stream().anyMatch(sentence::contains)) {
        positives.add(i);
      }
    }
    if (positives.isEmpty()) {
      count("squad11 questions skipped (answer crosses sentences)", 1);
      return false;
    }
    // negatives: this paragraph's other sentences, and the sentences of the article's other
    // paragraph that shares most words with the question (what retrieval would also bring)
    Set<String> qStems = QueryTerms.stems(question);
    Para other = s.article().stream().filter(p -> p != s.para())
        .max(Comparator.comparingInt(p -> overlap(qStems, p.stems()))).orElse(null);
    List<ReaderInput.Candidate> negatives = new ArrayList<>();
    for (int i = 0; i < s.para().sentences().size(); i++) {
      if (!positives.contains(i)) {
        negatives.add(candidate(s.para(), i));
      }
    }
    if (other != null) {
      for (int i = 0; i < other.sentences().size(); i++) {
        negatives.add(candidate(other, i));
      }
    }
    negatives.sort(Comparator.comparingInt((ReaderInput.Candidate c) -> -overlap(qStems, QueryTerms.stems(c.sentence()))));
    List<ReaderInput.Candidate> chosen = new ArrayList<>(negatives.subList(0, Math.min(NEGATIVES_PER_QUESTION,
        negatives.size())));
    String id = "sq1:" + s.qa().path("id").asText(s.para().title() + ":" + question);
    if (random.nextDouble() < UNANSWERABLE_SHARE) {
      String gold = String.join(" ", positives.stream().map(i -> s.para().sentences().get(i)).toList());
      String unanswerable = unanswerable(question, gold, s);
      if (unanswerable != null) {
        for (int i : positives) {
          write(w, id + ":x", false, unanswerable, candidate(s.para(), i));
        }
        for (ReaderInput.Candidate c : chosen) {
          write(w, id + ":x", false, unanswerable, c);
        }
        count("squad11 questions made unanswerable", 1);
        count("squad11 pairs", positives.size() + chosen.size());
        return true;
      }
    }
    for (int i : positives) {
      write(w, id, true, question, candidate(s.para(), i));
    }
    for (ReaderInput.Candidate c : chosen) {
      write(w, id, false, question, c);
    }
    count("squad11 questions answerable", 1);
    count("squad11 pairs", positives.size() + chosen.size());
    return true;
  }

  private static ReaderInput.Candidate candidate(Para p, int i) {
    return new ReaderInput.Candidate(p.title(), i > 0 ? p.sentences().get(i - 1) : "", p.sentences().get(i));
  }

  private static int overlap(Set<String> a, Set<String> b) {
    int n = 0;
    for (String x : a) {
      if (b.contains(x)) {
        n++;
      }
    }
    return n;
  }

  /**
   * The question made one its article cannot answer, or null when no rule applies: a number or a
   * name of the question swapped for another of the article's that the answer sentence does not
   * hold, or a passive verb negated.
   */
  String unanswerable(String question, String gold, Sample s) {
    String article = String.join(" ", s.article().stream().flatMap(p -> p.sentences().stream()).toList());
    List<String> rules = new ArrayList<>(List.of("number", "name", "negation"));
    java.util.Collections.shuffle(rules, random);
    for (String rule : rules) {
      String out = switch (rule) {
        case "number" -> swap(question, gold, NUMBER, article, true);
        case "name" -> swap(question, gold, NAME, article, false);
        default -> negate(question);
      };
      if (out != null) {
        count("squad11 unanswerable by " + rule, 1);
        return out;
      }
    }
    return null;
  }

  private String swap(String question, String gold, Pattern kind, String article, boolean numbers) {
    List<String[]> options = new ArrayList<>();
    Matcher q = kind.matcher(question);
    Set<String> inArticle = new LinkedHashSet<>();
    Matcher a = kind.matcher(article);
    while (a.find()) {
      inArticle.add(a.group());
    }
    while (q.find()) {
      String found = q.group();
      if (!gold.contains(found) || !numbers && (q.start() == 0 || QUESTION_WORDS.contains(found))) {
        continue;
      }
      for (String other : inArticle) {
        if (other.equals(found) || gold.contains(other) || question.contains(other)
            || QUESTION_WORDS.contains(other) || other.length() < 2) {
          continue;
        }
        if (numbers && other.length() != found.length()) {
          continue;
        }
        if (!numbers && other.split("\\s+").length != found.split("\\s+").length) {
          continue;
        }
        options.add(new String[] {found, other});
      }
    }
    if (options.isEmpty()) {
      return null;
    }
    String[] pick = options.get(random.nextInt(options.size()));
    return question.replaceFirst(Pattern.quote(pick[0]), Matcher.quoteReplacement(pick[1]));
  }

  private static String negate(String question) {
    Matcher m = PASSIVE.matcher(question);
    if (!m.find()) {
      return null;
    }
    return question.substring(0, m.end(1)) + " not" + question.substring(m.end(1));
  }


}
