package org.guizhoubot.answer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.guizhoubot.corpus.Furniture;
import org.guizhoubot.index.Sentences;
import org.guizhoubot.retrieval.QueryTerms;
import org.guizhoubot.retrieval.RetrievedPassage;
import org.guizhoubot.retrieval.Retrieval;
import org.guizhoubot.retrieval.TermStats;

/**
 * The offline composer: answers with the few sentences of the retrieved passages that best match
 * the question, each ending with its passage's marker, or declines when the evidence does not
 * cover what is asked. Sentences are scored by the weighted share of the question's key terms they
 * hold, the similarity of their passage to the question, the passage's rank, and whether they hold
 * the kind of fact asked for.
 */
public final class ExtractiveComposer implements AnswerComposer {
  public static final String NAME = "extractive";
  static final String DECLINE = "I could not find this in my articles.";

  private static final int MAX_SENTENCES = 3;
  private static final Pattern NUMBER = Pattern.compile("\\d+(?:[.,]\\d+)*");
  private static final Pattern PROPER = Pattern.compile("\\b\\p{Lu}[\\p{L}\\p{N}-]*");

  private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ExtractiveComposer.class);

  private final Thresholds thresholds;

  /** The calibrated limits below which the composer declines. */
  public record Thresholds(double minCoverage, double minCosine, double minSentenceScore) {
    public static final Thresholds DEFAULT = new Thresholds(0.5, 0.2, 0.3);
  }

  public ExtractiveComposer() {
    this(Thresholds.DEFAULT);
  }

  public ExtractiveComposer(Thresholds thresholds) {
    this.thresholds = java.util.Objects.requireNonNull(thresholds, "thresholds");
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Outcome compose(String question, Retrieval retrieval) {
    List<RetrievedPassage> passages = retrieval.passages();
    if (passages.isEmpty()) {
      return decline(question, passages);
    }
    TermStats ts = retrieval.stats();
    List<String> terms = QueryTerms.contentTerms(question);
    Map<String, Double> weights = new LinkedHashMap<>();
    for (String t : terms) {
      weights.put(QueryTerms.stem(t), ts.idf(t));
    }
    if (weights.isEmpty()) {
      return decline(question, passages);
    }
    if (mentionsUnknownName(question, ts)) {
      log.debug("Declining \"{}\": it names something no article mentions", question);
      return decline(question, passages);
    }
    AnswerType type = AnswerType.of(question);

    List<List<Sentences.Span>> sentences = new ArrayList<>(passages.size());
    Map<String, Set<String>> lastSentenceOf = new HashMap<>();
    for (RetrievedPassage p : passages) {
      List<Sentences.Span> spans = Sentences.split(p.passage().text());
      sentences.add(spans);
      if (!spans.isEmpty()) {
        lastSentenceOf.put(p.article().id() + "#" + p.passage().ordinal(), stems(spans.get(spans.size() - 1).text()));
      }
    }
    List<Candidate> candidates = new ArrayList<>();
    for (int r = 0; r < passages.size(); r++) {
      RetrievedPassage p = passages.get(r);
      Set<String> previous = lastSentenceOf.getOrDefault(
          p.article().id() + "#" + (p.passage().ordinal() - 1), Set.of());
      for (Sentences.Span s : sentences.get(r)) {
        String text = s.text().strip();
        Set<String> stems = stems(text);
        if (text.split("\\s+").length < 4 || Furniture.isFurniture(text)) {
          previous = stems;
          continue;
        }
        Set<String> withContext = new HashSet<>(stems);
        withContext.addAll(previous);
        double own = coverage(weights, stems);
        double coverage = Math.max(own, 0.5 * own + 0.5 * coverage(weights, withContext));
        double typeFit = type == AnswerType.OTHER ? 0 : type.heldBy(text, question) ? 1 : -1;
        double score = 0.55 * coverage + 0.35 * p.cosine() + 0.1 / (1 + r) + 0.12 * typeFit;
        candidates.add(new Candidate(r, s.start(), text, stems, score));
        previous = stems;
      }
    }
    if (candidates.isEmpty()) {
      return decline(question, passages);
    }
    candidates.sort(Comparator.comparingDouble(Candidate::score).reversed());
    Candidate best = candidates.get(0);

    List<Candidate> chosen = new ArrayList<>();
    chosen.add(best);
    Set<String> covered = new HashSet<>(best.stems());
    for (Candidate c : candidates.subList(1, candidates.size())) {
      if (chosen.size() >= MAX_SENTENCES || c.score() < 0.8 * best.score()) {
        break;
      }
      boolean duplicate = chosen.stream().anyMatch(x -> overlap(x.stems(), c.stems()) > 0.6);
      boolean addsTerms = weights.keySet().stream().anyMatch(t -> c.stems().contains(t) && !covered.contains(t));
      if (!duplicate && (addsTerms || c.score() >= 0.9 * best.score())) {
        chosen.add(c);
        covered.addAll(c.stems());
      }
    }

    Set<String> evidence = new HashSet<>();
    double passageCoverage = 0;
    for (Candidate c : chosen) {
      Set<String> words = evidenceOf(passages.get(c.passage()));
      passageCoverage = Math.max(passageCoverage, coverage(weights, words));
      evidence.addAll(words);
    }
    double evidenceCoverage = coverage(weights, evidence);
    RetrievedPassage top = passages.get(best.passage());
    boolean numbersHeld = numbersOf(question).stream().allMatch(n -> evidence.contains(n));
    String weak = !numbersHeld ? "a number of the question is missing from the evidence"
        : evidenceCoverage < thresholds.minCoverage() ? "key-term coverage " + evidenceCoverage
        : top.cosine() < thresholds.minCosine() ? "cosine " + top.cosine()
        : best.score() < thresholds.minSentenceScore() ? "sentence score " + best.score()
        : type != AnswerType.OTHER && chosen.stream().noneMatch(c -> type.heldBy(c.text(), question))
            ? "no sentence holds a " + type
            : null;
    if (weak != null) {
      log.debug("Declining \"{}\": {}", question, weak);
      return decline(question, passages);
    }
    log.debug("Answering \"{}\": passage coverage {}, evidence coverage {}, cosine {}", question,
        passageCoverage, evidenceCoverage, top.cosine());
    return cite(question, readingOrder(chosen), passages);
  }

  /** Sentences grouped by passage (best passage first), in document order within a passage. */
  private static List<Candidate> readingOrder(List<Candidate> chosen) {
    List<Integer> passageOrder = new ArrayList<>();
    for (Candidate c : chosen) {
      if (!passageOrder.contains(c.passage())) {
        passageOrder.add(c.passage());
      }
    }
    List<Candidate> out = new ArrayList<>(chosen);
    out.sort(Comparator.comparingInt((Candidate c) -> passageOrder.indexOf(c.passage()))
        .thenComparingInt(Candidate::start));
    return out;
  }

  private Outcome cite(String question, List<Candidate> chosen, List<RetrievedPassage> passages) {
    Map<Integer, Integer> markerOfPassage = new LinkedHashMap<>();
    List<Citation> citations = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    for (Candidate c : chosen) {
      Integer n = markerOfPassage.get(c.passage());
      if (n == null) {
        n = citations.size() + 1;
        markerOfPassage.put(c.passage(), n);
        RetrievedPassage p = passages.get(c.passage());
        citations.add(new Citation(n, p.article().id(), p.article().title(), p.article().source(),
            p.article().published(), p.article().url(), p.passage().text()));
      }
      if (text.length() > 0) {
        text.append(' ');
      }
      text.append(c.text()).append(" [").append(n).append(']');
    }
    return new Outcome.Answered(question, text.toString(), citations, NAME);
  }

  private Outcome decline(String question, List<RetrievedPassage> passages) {
    List<String> topics = new ArrayList<>();
    for (RetrievedPassage p : passages) {
      if (p.cosine() >= thresholds.minCosine() && !topics.contains(p.article().title()) && topics.size() < 3) {
        topics.add(p.article().title());
      }
    }
    return new Outcome.Declined(question, DECLINE, topics, NAME);
  }

  /** True when the question names something (a capitalised word) that no passage mentions. */
  private static boolean mentionsUnknownName(String question, TermStats ts) {
    Matcher m = PROPER.matcher(question);
    boolean first = true;
    while (m.find()) {
      boolean atStart = m.start() == 0 || question.substring(0, m.start()).isBlank();
      String w = m.group().toLowerCase(Locale.ROOT);
      if (first && atStart) {
        first = false;
        continue;
      }
      first = false;
      if (w.length() > 1 && !QueryTerms.STOP_WORDS.contains(w) && ts.df(w) == 0) {
        return true;
      }
    }
    return false;
  }

  /** The words a passage brings as evidence: its text, its article's title and date. */
  private static Set<String> evidenceOf(RetrievedPassage p) {
    Set<String> out = stems(p.passage().text());
    out.addAll(stems(p.article().title()));
    if (p.article().published() != null) {
      out.addAll(stems(p.article().published().replace('-', ' ')));
    }
    return out;
  }

  private static List<String> numbersOf(String question) {
    List<String> out = new ArrayList<>();
    Matcher m = NUMBER.matcher(question);
    while (m.find()) {
      out.add(m.group());
    }
    return out;
  }

  private static Set<String> stems(String text) {
    Set<String> out = new HashSet<>();
    for (String t : QueryTerms.tokens(text)) {
      out.add(QueryTerms.stem(t));
    }
    return out;
  }

  private static double coverage(Map<String, Double> weights, Set<String> stems) {
    double total = 0;
    double hit = 0;
    for (Map.Entry<String, Double> e : weights.entrySet()) {
      total += e.getValue();
      if (stems.contains(e.getKey())) {
        hit += e.getValue();
      }
    }
    return total == 0 ? 0 : hit / total;
  }

  private static double overlap(Set<String> a, Set<String> b) {
    int inter = 0;
    for (String s : a) {
      if (b.contains(s)) {
        inter++;
      }
    }
    return (double) inter / Math.max(1, Math.min(a.size(), b.size()));
  }

  private record Candidate(int passage, int start, String text, Set<String> stems, double score) {}
}
