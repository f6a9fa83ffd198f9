package org.guizhoubot.sqlite;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.guizhoubot.index.ArticleMeta;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.core.KeywordTokenizer;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * BM25 over the passages of one snapshot, held in memory so that keyword and vector hits always
 * come from the same index version. Scores as SQLite FTS5's {@code bm25()} does over a table of
 * (text, title) with the title weighing half, tokenized as {@code porter unicode61 remove_diacritics 2}.
 */
public final class KeywordIndex {
  private static final double K1 = 1.2;
  private static final double B = 0.75;
  private static final double TITLE_WEIGHT = 0.5;

  private final Map<String, Integer> termIds;
  private final int[][] text;
  private final int[][] title;
  private final int[][] postings;
  private final int[] length;
  private final double averageLength;

  private KeywordIndex(Map<String, Integer> termIds, int[][] text, int[][] title, int[][] postings,
      int[] length, double averageLength) {
    this.termIds = termIds;
    this.text = text;
    this.title = title;
    this.postings = postings;
    this.length = length;
    this.averageLength = averageLength;
  }

  /** Indexes every passage of the snapshot, with its article's title. */
  public static KeywordIndex of(IndexSnapshot snapshot) {
    List<IndexSnapshot.StoredPassage> passages = snapshot.passages();
    int n = passages.size();
    Map<String, Integer> ids = new HashMap<>();
    Map<String, int[]> titles = new HashMap<>();
    Analyzer analyzer = new Analyzer();
    int[][] text = new int[n][];
    int[][] title = new int[n][];
    int[] length = new int[n];
    long total = 0;
    for (int i = 0; i < n; i++) {
      IndexSnapshot.StoredPassage p = passages.get(i);
      text[i] = analyzer.ids(p.passage().text(), ids, true);
      ArticleMeta meta = snapshot.articles().get(p.passage().articleId());
      String t = meta == null ? "" : meta.title();
      title[i] = titles.computeIfAbsent(t, x -> analyzer.ids(x, ids, true));
      length[i] = text[i].length + title[i].length;
      total += length[i];
    }
    int[] df = new int[ids.size()];
    int[][] rows = new int[ids.size()][];
    boolean[] seen = new boolean[ids.size()];
    List<Integer> touched = new ArrayList<>();
    for (int pass = 0; pass < 2; pass++) {
      int[] fill = new int[ids.size()];
      for (int i = 0; i < n; i++) {
        touched.clear();
        for (int[] column : new int[][] {text[i], title[i]}) {
          for (int t : column) {
            if (!seen[t]) {
              seen[t] = true;
              touched.add(t);
            }
          }
        }
        for (int t : touched) {
          seen[t] = false;
          if (pass == 0) {
            df[t]++;
          } else {
            rows[t][fill[t]++] = i;
          }
        }
      }
      if (pass == 0) {
        for (int t = 0; t < df.length; t++) {
          rows[t] = new int[df[t]];
        }
      }
    }
    return new KeywordIndex(ids, text, title, rows, length, n == 0 ? 0 : (double) total / n);
  }

  /** Passages holding each phrase, read with one analyzer. */
  public Map<String, Integer> passagesWith(java.util.Collection<String> phrases) {
    Analyzer analyzer = new Analyzer();
    Map<String, Integer> out = new java.util.LinkedHashMap<>();
    for (String p : phrases) {
      out.put(p, rowsWith(analyzer.ids(p, termIds, false)).size());
    }
    return out;
  }

  /**
   * The passages holding the phrase (term ids; none when a term is unknown), each with its
   * weighted frequency: occurrences in the text plus {@link #TITLE_WEIGHT} of those in the title.
   */
  private Map<Integer, Double> rowsWith(int[] terms) {
    if (terms.length == 0 || Arrays.stream(terms).anyMatch(t -> t < 0)) {
      return Map.of();
    }
    Map<Integer, Double> rows = new HashMap<>();
    for (int row : postings[terms[0]]) {
      int inText = count(text[row], terms);
      int inTitle = count(title[row], terms);
      if (inText + inTitle > 0) {
        rows.put(row, inText + TITLE_WEIGHT * inTitle);
      }
    }
    return rows;
  }

  /**
   * Positions of the best passages for any of the phrases (each a query term as typed), best
   * first, ties by position; at most {@code limit}.
   */
  public List<Integer> search(List<String> phrases, int limit) {
    int n = text.length;
    if (n == 0 || phrases.isEmpty() || limit <= 0) {
      return List.of();
    }
    Analyzer analyzer = new Analyzer();
    Map<Integer, Double> score = new HashMap<>();
    for (String phrase : phrases) {
      Map<Integer, Double> rows = rowsWith(analyzer.ids(phrase, termIds, false));
      double idf = Math.log((n - rows.size() + 0.5) / (rows.size() + 0.5));
      if (idf <= 0) {
        idf = 1e-6;
      }
      for (Map.Entry<Integer, Double> e : rows.entrySet()) {
        int row = e.getKey();
        double f = e.getValue();
        score.merge(row, idf * (f * (K1 + 1)) / (f + K1 * (1 - B + B * length[row] / averageLength)), Double::sum);
      }
    }
    List<Integer> ranked = new ArrayList<>(score.keySet());
    ranked.sort((a, b) -> {
      int byScore = Double.compare(score.get(b), score.get(a));
      return byScore != 0 ? byScore : Integer.compare(a, b);
    });
    return ranked.size() > limit ? List.copyOf(ranked.subList(0, limit)) : ranked;
  }

  private static int count(int[] column, int[] phrase) {
    int found = 0;
    outer:
    for (int i = 0; i + phrase.length <= column.length; i++) {
      for (int j = 0; j < phrase.length; j++) {
        if (column[i + j] != phrase[j]) {
          continue outer;
        }
      }
      found++;
    }
    return found;
  }

  /** Splits on anything but letters and digits, folds case and Latin diacritics, Porter-stems. */
  static final class Analyzer {
    private final KeywordTokenizer word = new KeywordTokenizer();
    private final TokenStream porter = new PorterStemFilter(word);
    private final CharTermAttribute stemmed = porter.addAttribute(CharTermAttribute.class);
    private final Map<String, String> stems = new HashMap<>();

    List<String> tokens(String s) {
      List<String> out = new ArrayList<>();
      int i = 0;
      int len = s.length();
      while (i < len) {
        int cp = s.codePointAt(i);
        if (!Character.isLetterOrDigit(cp)) {
          i += Character.charCount(cp);
          continue;
        }
        int start = i;
        while (i < len && isTokenChar(s.codePointAt(i))) {
          i += Character.charCount(s.codePointAt(i));
        }
        out.add(stem(fold(s.substring(start, i))));
      }
      return out;
    }

    private static boolean isTokenChar(int cp) {
      int type = Character.getType(cp);
      return Character.isLetterOrDigit(cp) || type == Character.NON_SPACING_MARK
          || type == Character.COMBINING_SPACING_MARK || type == Character.ENCLOSING_MARK;
    }

    private static String fold(String token) {
      String lower = token.toLowerCase(java.util.Locale.ROOT);
      boolean ascii = lower.chars().allMatch(c -> c < 128);
      if (ascii) {
        return lower;
      }
      return Normalizer.normalize(lower, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
    }

    private String stem(String token) {
      return stems.computeIfAbsent(token, t -> {
        if (t.length() < 3 || t.length() > 64 || !t.chars().allMatch(c -> c < 128)) {
          return t;
        }
        try {
          word.setReader(new StringReader(t));
          porter.reset();
          String out = porter.incrementToken() ? stemmed.toString() : t;
          porter.end();
          porter.close();
          return out;
        } catch (IOException e) {
          throw new UncheckedIOException("stemming '" + t + "'", e);
        }
      });
    }

    /** Term ids of a text; unknown terms are added when {@code grow}, else come back as -1. */
    int[] ids(String s, Map<String, Integer> ids, boolean grow) {
      List<String> tokens = tokens(s);
      int[] out = new int[tokens.size()];
      for (int i = 0; i < out.length; i++) {
        Integer id = grow ? ids.computeIfAbsent(tokens.get(i), x -> ids.size()) : ids.get(tokens.get(i));
        out[i] = id == null ? -1 : id;
      }
      return out;
    }
  }
}
