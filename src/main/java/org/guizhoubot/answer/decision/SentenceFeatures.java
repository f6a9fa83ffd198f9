package org.guizhoubot.answer.decision;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.guizhoubot.answer.AnswerType;
import org.guizhoubot.answer.SentenceCandidate;
import org.guizhoubot.corpus.Furniture;
import org.guizhoubot.index.Sentences;
import org.guizhoubot.text.QueryTerms;
import org.guizhoubot.retrieval.RetrievedPassage;
import org.guizhoubot.retrieval.TermStats;

/**
 * Describes every candidate answer sentence of the retrieved passages by the numbers the decision
 * model reads: how much of the question it and its neighbours cover, whether the question's names,
 * numbers and rare words are found next to it, the kind of fact asked for, and its passage's scores.
 * The same code makes the training rows and the features scored when answering.
 */
public final class SentenceFeatures {
  /** The feature names, in the order of {@link SentenceCandidate#features()}. */
  public static final List<String> NAMES = List.of(
      "q_terms", "q_wh_start", "q_you", "q_mark",
      "t_number", "t_person", "t_date", "t_place",
      "top_cosine", "p_cosine", "p_rank", "p_vector_rank", "p_bm25_rank",
      "p_coverage", "p_missing_idf", "p_unaligned",
      "s_coverage", "s_coverage_ctx", "s_missing_idf", "s_unaligned",
      "s_type_held", "s_type_ctx", "s_new_words", "s_words", "s_first",
      "s_unaligned_own", "s_missing_idf_own", "s_missing_count", "s_missing_idf_2nd",
      "negation_mismatch", "s_bigrams", "s_cov_x_cosine",
      "q_best_coverage", "s_coverage_gap");

  private static final Pattern NUMBER = Pattern.compile("\\d+(?:[.,]\\d+)*");
  private static final Pattern NAME = Pattern.compile("\\b\\p{Lu}[\\p{L}\\p{N}-]*");
  private static final Set<String> QUESTION_START = Set.of(
      "what", "which", "who", "whom", "whose", "when", "where", "why", "how", "is", "are", "was",
      "were", "do", "does", "did", "has", "have", "had", "in", "on", "at", "for", "by", "from",
      "according", "to", "of", "during", "after", "before", "since", "roughly", "about", "apart",
      "besides", "name", "list");

  private SentenceFeatures() {}

  /**
   * The candidates of all passages, in passage then sentence order; empty when the question has no
   * content words. {@code sentences} receives each passage's sentence spans when not null.
   */
  public static List<SentenceCandidate> of(String question, List<RetrievedPassage> passages, TermStats stats,
      List<List<Sentences.Span>> sentences) {
    Map<String, Double> weights = new LinkedHashMap<>();
    double idfMax = Math.log(1 + (stats.passages() + 1.0) / 0.5);
    for (String t : QueryTerms.contentTerms(question)) {
      weights.merge(QueryTerms.stem(t), stats.idf(t) / idfMax, Math::max);
    }
    List<SentenceCandidate> out = new ArrayList<>();
    if (weights.isEmpty() || passages.isEmpty()) {
      return out;
    }
    List<String> names = namesOf(question);
    AnswerType type = AnswerType.of(question);
    List<String> qTokens = QueryTerms.tokens(question);
    Set<String> questionStems = QueryTerms.stems(question);
    String strippedQ = question.strip();
    double qTerms = Math.log(1 + weights.size());
    double whStart = !qTokens.isEmpty() && QUESTION_START.contains(qTokens.get(0)) ? 1 : 0;
    double you = qTokens.contains("you") || qTokens.contains("your") ? 1 : 0;
    double mark = strippedQ.endsWith("?") ? 1 : 0;
    boolean qNegated = negated(question);
    Set<String> qBigrams = bigramsOf(question);
    double topCosine = passages.stream().mapToDouble(RetrievedPassage::cosine).max().orElse(0);

    for (int r = 0; r < passages.size(); r++) {
      RetrievedPassage p = passages.get(r);
      List<Sentences.Span> spans = Sentences.split(p.passage().text());
      if (sentences != null) {
        sentences.add(spans);
      }
      Set<String> evidence = evidenceOf(p);
      double pCoverage = coverage(weights, evidence);
      double pMissing = missingIdf(weights, evidence);
      double pUnaligned = unaligned(names, evidence);
      List<Set<String>> spanStems = new ArrayList<>(spans.size());
      for (Sentences.Span s : spans) {
        spanStems.add(QueryTerms.stems(s.text()));
      }
      for (int i = 0; i < spans.size(); i++) {
        String text = spans.get(i).text().strip();
        if (text.split("\\s+").length < 4 || Furniture.isFurniture(text)) {
          continue;
        }
        Set<String> own = spanStems.get(i);
        Set<String> ctx = new HashSet<>(own);
        String ctxText = text;
        if (i > 0) {
          ctx.addAll(spanStems.get(i - 1));
          ctxText = spans.get(i - 1).text() + " " + ctxText;
        }
        if (i + 1 < spans.size()) {
          ctx.addAll(spanStems.get(i + 1));
          ctxText = ctxText + " " + spans.get(i + 1).text();
        }
        int newWords = 0;
        for (String w : QueryTerms.contentTerms(text)) {
          if (!questionStems.contains(QueryTerms.stem(w))) {
            newWords++;
          }
        }
        double typed = type == AnswerType.OTHER ? 0 : 1;
        double[] f = {
            qTerms, whStart, you, mark,
            type == AnswerType.NUMBER ? 1 : 0, type == AnswerType.PERSON ? 1 : 0,
            type == AnswerType.DATE ? 1 : 0, type == AnswerType.PLACE ? 1 : 0,
            topCosine, p.cosine(), 1.0 / (1 + r),
            p.vectorRank() > 0 ? 1.0 / p.vectorRank() : 0, p.bm25Rank() > 0 ? 1.0 / p.bm25Rank() : 0,
            pCoverage, pMissing, pUnaligned,
            coverage(weights, own), coverage(weights, ctx), missingIdf(weights, ctx), unaligned(names, ctx),
            typed * (type.heldBy(text, question) ? 1 : 0), typed * (type.heldBy(ctxText, question) ? 1 : 0),
            Math.log(1 + newWords), Math.log(1 + text.split("\\s+").length), i == 0 ? 1 : 0,
            unaligned(names, own), missingIdf(weights, own), missingCount(weights, own),
            secondMissingIdf(weights, ctx), qNegated == negated(text) ? 0 : 1,
            bigrams(qBigrams, text), coverage(weights, own) * p.cosine(),
            0, 0};
        out.add(new SentenceCandidate(r, i, spans.get(i).start(), text, own, f));
      }
    }
    int ctxAt = NAMES.indexOf("s_coverage_ctx");
    double best = out.stream().mapToDouble(c -> c.features()[ctxAt]).max().orElse(0);
    for (SentenceCandidate c : out) {
      c.features()[NAMES.size() - 2] = best;
      c.features()[NAMES.size() - 1] = c.features()[ctxAt] - best;
    }
    return out;
  }

  private static final Set<String> NEGATIONS = Set.of("not", "never", "no", "nor", "none", "without", "t");

  private static boolean negated(String text) {
    for (String t : QueryTerms.tokens(text)) {
      if (NEGATIONS.contains(t)) {
        return true;
      }
    }
    return false;
  }

  /** Adjacent pairs of content-word stems, in text order. */
  private static Set<String> bigramsOf(String text) {
    Set<String> out = new HashSet<>();
    String prev = null;
    for (String t : QueryTerms.contentTerms(text)) {
      String st = QueryTerms.stem(t);
      if (prev != null) {
        out.add(prev + " " + st);
      }
      prev = st;
    }
    return out;
  }

  private static double bigrams(Set<String> question, String sentence) {
    if (question.isEmpty()) {
      return 0;
    }
    Set<String> s = bigramsOf(sentence);
    int hit = 0;
    for (String b : question) {
      if (s.contains(b)) {
        hit++;
      }
    }
    return (double) hit / question.size();
  }

  private static double missingCount(Map<String, Double> weights, Set<String> stems) {
    int n = 0;
    for (String t : weights.keySet()) {
      if (!stems.contains(t)) {
        n++;
      }
    }
    return n;
  }

  private static double secondMissingIdf(Map<String, Double> weights, Set<String> stems) {
    double first = 0;
    double second = 0;
    for (Map.Entry<String, Double> e : weights.entrySet()) {
      if (!stems.contains(e.getKey())) {
        double v = e.getValue();
        if (v > first) {
          second = first;
          first = v;
        } else if (v > second) {
          second = v;
        }
      }
    }
    return second;
  }

  /** The names (capitalised words after the first word) and numbers of a question, as stems. */
  static List<String> namesOf(String question) {
    List<String> out = new ArrayList<>();
    Matcher m = NAME.matcher(question);
    boolean first = true;
    while (m.find()) {
      boolean atStart = question.substring(0, m.start()).isBlank();
      if (first && atStart) {
        first = false;
        continue;
      }
      first = false;
      String w = m.group().toLowerCase(Locale.ROOT);
      boolean acronym = m.group().length() > 1 && m.group().equals(m.group().toUpperCase(Locale.ROOT));
      if (w.length() > 1 && (acronym || !QueryTerms.STOP_WORDS.contains(w))) {
        for (String t : QueryTerms.tokens(w)) {
          out.add(QueryTerms.stem(t));
        }
      }
    }
    Matcher n = NUMBER.matcher(question);
    while (n.find()) {
      out.add(n.group());
    }
    return out;
  }

  /** The words a passage brings as evidence: its text, its article's title and date. */
  private static Set<String> evidenceOf(RetrievedPassage p) {
    Set<String> out = QueryTerms.stems(p.passage().text());
    out.addAll(QueryTerms.stems(p.article().title()));
    if (p.article().published() != null) {
      out.addAll(QueryTerms.stems(p.article().published().replace('-', ' ')));
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

  private static double missingIdf(Map<String, Double> weights, Set<String> stems) {
    double max = 0;
    for (Map.Entry<String, Double> e : weights.entrySet()) {
      if (!stems.contains(e.getKey())) {
        max = Math.max(max, e.getValue());
      }
    }
    return max;
  }

  private static double unaligned(List<String> names, Set<String> stems) {
    if (names.isEmpty()) {
      return 0;
    }
    int missing = 0;
    for (String n : names) {
      if (!stems.contains(n)) {
        missing++;
      }
    }
    return (double) missing / names.size();
  }
}
