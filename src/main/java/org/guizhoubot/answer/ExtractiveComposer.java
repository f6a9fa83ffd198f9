package org.guizhoubot.answer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.guizhoubot.index.Sentences;
import org.guizhoubot.retrieval.Retrieval;
import org.guizhoubot.retrieval.RetrievedPassage;

/**
 * The offline composer: a {@link Judge} (the reader, in the product) scores the candidate sentences
 * of the retrieved passages, and the composer answers with the best ones when the judge's decision
 * reaches its threshold, each ending with its article's marker; otherwise it declines. A sentence
 * that refers back ("he", "the company") brings the sentence before it.
 */
public final class ExtractiveComposer implements AnswerComposer {
  public static final String NAME = "extractive";
  static final String DECLINE = "I could not find this in my articles.";

  private static final int MAX_SENTENCES = 3;
  /** Passages whose cosine is below this are not offered as nearby topics of a decline. */
  private static final double TOPIC_COSINE = 0.2;
  private static final Pattern REFERS_BACK = Pattern.compile(
      "^(?:[\"“‘']\\s*)?(?:he|she|it|they|his|her|its|their|this|these|those|the (?:company|firm|group|"
          + "city|province|government|country|band|team|club|party|film|book|project|region|area|"
          + "park|plan|firm's|company's))\\b.*", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

  private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ExtractiveComposer.class);

  private final Judge judge;
  private final Judge keywordJudge;

  /**
   * The scored sentences of one question, best first, and the judge's probability that answering
   * with them is right.
   */
  public record Assessment(List<SentenceCandidate> candidates, double[] scores, double decision,
      List<List<Sentences.Span>> sentences) {
    public double best() {
      return scores.length == 0 ? 0 : scores[0];
    }

    /**
     * These candidates ranked by their {@code raw} scores, best first (ties in their order), with
     * the decision {@code decide} gives the ranked candidates and scores.
     */
    public static Assessment ranked(List<SentenceCandidate> candidates, double[] raw, List<List<Sentences.Span>> sentences,
        java.util.function.BiFunction<List<SentenceCandidate>, double[], Double> decide) {
      Integer[] order = new Integer[raw.length];
      for (int i = 0; i < order.length; i++) {
        order[i] = i;
      }
      java.util.Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -raw[i]).thenComparingInt(i -> i));
      List<SentenceCandidate> sorted = new ArrayList<>(raw.length);
      double[] scores = new double[raw.length];
      for (int i = 0; i < order.length; i++) {
        sorted.add(candidates.get(order[i]));
        scores[i] = raw[order[i]];
      }
      return new Assessment(sorted, scores, sorted.isEmpty() ? 0 : decide.apply(sorted, scores), sentences);
    }

    /**
     * This assessment without the candidates {@code drop} accepts; when the best one goes, the
     * decision falls in proportion to the best remaining score (for the reader, whose decision is
     * its best score, it becomes that score).
     */
    Assessment without(java.util.function.Predicate<SentenceCandidate> drop) {
      List<SentenceCandidate> kept = new ArrayList<>();
      List<Double> keptScores = new ArrayList<>();
      for (int i = 0; i < candidates.size(); i++) {
        if (!drop.test(candidates.get(i))) {
          kept.add(candidates.get(i));
          keptScores.add(scores[i]);
        }
      }
      if (kept.size() == candidates.size()) {
        return this;
      }
      double[] s = keptScores.stream().mapToDouble(Double::doubleValue).toArray();
      double d = kept.isEmpty() ? 0 : best() <= 0 ? decision : decision * s[0] / best();
      return new Assessment(kept, s, Math.min(decision, d), sentences);
    }
  }

  /**
   * @param judge weighs questions read as sentences
   * @param keywordJudge weighs key-word readings (a Chinese question read through the dictionary)
   */
  public ExtractiveComposer(Judge judge, Judge keywordJudge) {
    this.judge = Objects.requireNonNull(judge, "judge");
    this.keywordJudge = Objects.requireNonNull(keywordJudge, "keywordJudge");
  }

  /** With one judge for every reading. */
  public ExtractiveComposer(Judge judge) {
    this(judge, judge);
  }

  @Override
  public String name() {
    return NAME;
  }

  /**
   * A question weighed against its retrieved passages: the reading the judge is most confident in
   * (the more specific on a tie), its assessment, and the levels of the judge that made it.
   */
  public record Weighed(String reading, Assessment assessment, double threshold, double skipBelow) {
    public Weighed {
      Objects.requireNonNull(reading, "reading");
      Objects.requireNonNull(assessment, "assessment");
    }

    /**
     * True when the decision is so far below the threshold that the articles are very unlikely to
     * hold the answer (see reader.txt for how rare answerable questions are down there on held-out
     * data), so an LLM need not be asked.
     */
    public boolean farBelowThreshold() {
      return assessment.candidates().isEmpty() || assessment.decision() < skipBelow;
    }
  }

  /** Every candidate sentence scored, best first. */
  public Assessment assess(String question, Retrieval retrieval) {
    return judge.assess(question, retrieval);
  }

  @Override
  public Outcome compose(String question, Retrieval retrieval) {
    return decide(question, retrieval.passages(), judge.assess(question, retrieval), judge.threshold());
  }

  /**
   * Answers, or declines, on the reading the judge is most confident in ({@link #weigh}): a
   * follow-up whose pronoun was replaced by the wrong name of the previous turn is still answered
   * as asked.
   */
  @Override
  public Outcome compose(Asked asked, Retrieval retrieval) {
    return decide(weigh(asked, retrieval), retrieval.passages());
  }

  /** Weighs the evidence against every reading, by the judge for the question's kind. */
  public Weighed weigh(Asked asked, Retrieval retrieval) {
    Judge j = asked.keywords() ? keywordJudge : judge;
    String best = asked.reading();
    Assessment bestAssessment = aboutNamedCompany(best, j.assess(best, retrieval), retrieval.passages());
    boolean named = bestAssessment.decision() >= j.threshold() && !CompanyReference.named(best).isEmpty();
    for (String reading : asked.readings().subList(1, asked.readings().size())) {
      Assessment a = aboutNamedCompany(named ? asked.reading() : reading, j.assess(reading, retrieval),
          retrieval.passages());
      if (a.decision() > bestAssessment.decision()) {
        best = reading;
        bestAssessment = a;
      }
    }
    return new Weighed(best, bestAssessment, j.threshold(), j.skipBelow());
  }

  /** The outcome of a weighed question: an answer when its decision reaches the threshold. */
  public Outcome decide(Weighed w, List<RetrievedPassage> passages) {
    return decide(w.reading(), passages, w.assessment(), w.threshold());
  }

  /**
   * Answers from an assessment of these passages when its decision reaches {@code threshold}, with
   * up to three sentences, best first, that score at least half the best; declines otherwise.
   */
  public Outcome decide(String question, List<RetrievedPassage> passages, Assessment a, double threshold) {
    if (a.candidates().isEmpty() || a.decision() < threshold) {
      log.debug("Declining \"{}\": decision {} below {}", question, a.decision(), threshold);
      return decline(question, passages);
    }
    List<SentenceCandidate> chosen = new ArrayList<>();
    for (int i = 0; i < a.candidates().size() && chosen.size() < MAX_SENTENCES; i++) {
      SentenceCandidate c = a.candidates().get(i);
      if (a.scores()[i] < 0.5 * a.best()) {
        break;
      }
      if (chosen.stream().noneMatch(x -> overlap(x.stems(), c.stems()) > 0.6)) {
        chosen.add(c);
      }
    }
    log.debug("Answering \"{}\": decision {} (threshold {})", question, a.decision(), threshold);
    Map<SentenceCandidate, String> companies = new java.util.HashMap<>();
    for (SentenceCandidate c : chosen) {
      CompanyReference.of(c, a.sentences(), passages).ifPresent(name -> companies.put(c, name));
    }
    if (new java.util.HashSet<>(companies.values()).size() > 1) {
      String q = question.toLowerCase(java.util.Locale.ROOT);
      List<String> asked = companies.values().stream().filter(n -> q.contains(n.toLowerCase(java.util.Locale.ROOT)))
          .distinct().toList();
      if (asked.size() == 1) {
        chosen.removeIf(c -> companies.containsKey(c) && !companies.get(c).equals(asked.get(0)));
        companies.clear();
      }
    } else {
      companies.clear();
    }
    return cite(question, withAntecedents(readingOrder(chosen), a.sentences(), companies), passages);
  }

  /**
   * Without the candidates that speak of "the company" meaning another company than the one
   * {@code reading} names: after a follow-up's "that company" is read as a name, a chairman quoted
   * for the company of the next paragraph does not answer it. Unchanged when the reading names no
   * company.
   */
  private static Assessment aboutNamedCompany(String reading, Assessment a, List<RetrievedPassage> passages) {
    if (CompanyReference.named(reading).isEmpty()) {
      return a;
    }
    String r = reading.toLowerCase(java.util.Locale.ROOT);
    return a.without(c -> CompanyReference.of(c, a.sentences(), passages)
        .filter(name -> !r.contains(name.toLowerCase(java.util.Locale.ROOT))).isPresent());
  }

  /**
   * Adds, before a sentence that refers back, the sentence that precedes it in its passage; names
   * after "the company" the company it stands for where {@code companies} gives one (an answer
   * quoting two companies' chairmen says whose is whose).
   */
  private static List<Cited> withAntecedents(List<SentenceCandidate> chosen, List<List<Sentences.Span>> sentences,
      Map<SentenceCandidate, String> companies) {
    List<Cited> out = new ArrayList<>();
    for (SentenceCandidate c : chosen) {
      boolean previousChosen = chosen.stream().anyMatch(x -> x.passage() == c.passage() && x.index() == c.index() - 1);
      if (c.index() > 0 && !previousChosen && REFERS_BACK.matcher(c.text()).matches()) {
        out.add(new Cited(c.passage(), sentences.get(c.passage()).get(c.index() - 1).text().strip()));
      }
      String text = companies.containsKey(c) ? CompanyReference.naming(c.text(), companies.get(c)) : c.text();
      out.add(new Cited(c.passage(), text));
    }
    return out;
  }

  private record Cited(int passage, String text) {}

  /** Sentences grouped by passage (best passage first), in document order within a passage. */
  private static List<SentenceCandidate> readingOrder(List<SentenceCandidate> chosen) {
    List<Integer> passageOrder = new ArrayList<>();
    for (SentenceCandidate c : chosen) {
      if (!passageOrder.contains(c.passage())) {
        passageOrder.add(c.passage());
      }
    }
    List<SentenceCandidate> out = new ArrayList<>(chosen);
    out.sort(Comparator.comparingInt((SentenceCandidate c) -> passageOrder.indexOf(c.passage()))
        .thenComparingInt(SentenceCandidate::index));
    return out;
  }

  /** The answer text with one marker, and one source, per article. */
  private Outcome cite(String question, List<Cited> chosen, List<RetrievedPassage> passages) {
    Map<String, Integer> markerOfArticle = new LinkedHashMap<>();
    List<Citation> citations = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < chosen.size(); i++) {
      Cited c = chosen.get(i);
      RetrievedPassage p = passages.get(c.passage());
      Integer n = markerOfArticle.get(p.article().id());
      if (n == null) {
        n = citations.size() + 1;
        markerOfArticle.put(p.article().id(), n);
        citations.add(new Citation(n, p.article().id(), p.article().title(), p.article().source(),
            p.article().published(), p.article().url(), p.passage().text()));
      }
      if (text.length() > 0) {
        text.append(' ');
      }
      text.append(withoutStrayQuotes(c.text()));
      boolean sameArticleNext = i + 1 < chosen.size()
          && passages.get(chosen.get(i + 1).passage()).article().id().equals(p.article().id());
      if (!sameArticleNext) {
        text.append(" [").append(n).append(']');
      }
    }
    return new Outcome.Answered(question, text.toString(), citations, NAME);
  }

  /** Drops quote marks that open or close nothing within the sentence. */
  static String withoutStrayQuotes(String sentence) {
    String s = sentence;
    if (count(s, '"') % 2 == 1) {
      s = s.replace("\"", "");
    }
    if (count(s, '“') != count(s, '”')) {
      s = s.replace("“", "").replace("”", "");
    }
    return s.replaceAll("\\s{2,}", " ").replaceAll("\\s+([,.;:!?])", "$1").strip();
  }

  private static int count(String s, char c) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) == c) {
        n++;
      }
    }
    return n;
  }

  private Outcome decline(String question, List<RetrievedPassage> passages) {
    List<String> topics = new ArrayList<>();
    for (RetrievedPassage p : passages) {
      if (p.cosine() >= TOPIC_COSINE && !topics.contains(p.article().title()) && topics.size() < 3) {
        topics.add(p.article().title());
      }
    }
    return new Outcome.Declined(question, DECLINE, topics, NAME);
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
}
