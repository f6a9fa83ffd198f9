package org.guizhoubot.text;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The content words of a text: lower-cased word tokens without stop words. */
public final class QueryTerms {
  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+(?:[.,][\\p{N}]+)*");

  /** Function words and question words that say nothing about what is asked. */
  public static final Set<String> STOP_WORDS = Set.of(
      "a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and", "any",
      "are", "as", "at", "be", "because", "been", "before", "being", "below", "between", "both",
      "but", "by", "can", "could", "did", "do", "does", "doing", "done", "down", "during", "each",
      "few", "for", "from", "further", "get", "got", "had", "has", "have", "having", "he", "her",
      "here", "hers", "him", "his", "how", "i", "if", "in", "into", "is", "it", "its", "itself",
      "just", "me", "more", "most", "my", "no", "nor", "not", "now", "of", "off", "on", "once",
      "only", "or", "other", "our", "out", "over", "own", "same", "she", "should", "so", "some",
      "such", "than", "that", "the", "their", "them", "then", "there", "these", "they", "this",
      "those", "through", "to", "too", "under", "until", "up", "very", "was", "we", "were", "what",
      "when", "where", "which", "while", "who", "whom", "whose", "why", "will", "with", "would",
      "you", "your", "many", "much", "tell", "know", "please", "there's", "s", "t", "us", "per",
      "year", "years", "one", "two", "say", "said", "says", "like", "let");

  private QueryTerms() {}

  /** All word tokens, lower case, in order (numbers keep inner separators: 19.3, 23,128). */
  public static List<String> tokens(String text) {
    List<String> out = new ArrayList<>();
    Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT));
    while (m.find()) {
      out.add(m.group());
    }
    return out;
  }

  /** The stems of the words of a text (a new, modifiable set). */
  public static Set<String> stems(String text) {
    Set<String> out = new java.util.HashSet<>();
    for (String t : tokens(text)) {
      out.add(stem(t));
    }
    return out;
  }

  /** Distinct content words, in order of first appearance. */
  public static List<String> contentTerms(String text) {
    Set<String> out = new LinkedHashSet<>();
    for (String t : tokens(text)) {
      if (!STOP_WORDS.contains(t)) {
        out.add(t);
      }
    }
    return new ArrayList<>(out);
  }

  /**
   * A light suffix-stripping stem, applied alike to questions and passages, so that "companies"
   * meets "company", "exhibitors" meets "exhibiting" and "investment" meets "invested".
   */
  public static String stem(String token) {
    String t = token;
    if (t.length() <= 3 || !Character.isLetter(t.charAt(0))) {
      return t;
    }
    if (t.endsWith("ies") && t.length() > 4) {
      t = t.substring(0, t.length() - 3) + "y";
    } else if (t.endsWith("sses")) {
      t = t.substring(0, t.length() - 2);
    } else if (t.endsWith("s") && !t.endsWith("ss") && !t.endsWith("us") && !t.endsWith("is")) {
      t = t.substring(0, t.length() - 1);
    }
    for (String suffix : new String[] {"ment", "ing", "ion", "ed", "er", "or", "ly"}) {
      if (t.endsWith(suffix) && t.length() - suffix.length() >= 4) {
        t = t.substring(0, t.length() - suffix.length());
        break;
      }
    }
    if (t.endsWith("e") && t.length() > 4) {
      t = t.substring(0, t.length() - 1);
    }
    return t;
  }
}
