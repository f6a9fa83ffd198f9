package org.guizhoubot.index;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Splits text into sentences, keeping each sentence's character span in the text. */
public final class Sentences {
  private static final Set<String> ABBREVIATIONS =
      Set.of(
          "mr", "mrs", "ms", "dr", "prof", "gen", "gov", "sen", "rep", "st", "jr", "sr", "co", "corp",
          "inc", "ltd", "plc", "no", "vs", "etc", "e.g", "i.e", "u.s", "u.k", "u.n", "e.u", "jan",
          "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "approx",
          "dept", "est", "fig", "mt", "ft", "vol", "rev", "capt", "col", "lt", "sgt");

  private Sentences() {}

  /** A sentence and its span {@code [start, end)} in the text it came from. */
  public record Span(int start, int end, String text) {}

  public static List<Span> split(String text) {
    List<Span> out = new ArrayList<>();
    int n = text.length();
    int start = 0;
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (c == '\n' && i + 1 < n && text.charAt(i + 1) == '\n') {
        add(out, text, start, i);
        start = i + 1;
        continue;
      }
      if (c != '.' && c != '!' && c != '?' && c != '…') {
        continue;
      }
      int end = i + 1;
      while (end < n && isCloser(text.charAt(end))) {
        end++;
      }
      if (end >= n) {
        break;
      }
      if (!Character.isWhitespace(text.charAt(end))) {
        continue;
      }
      int next = end;
      while (next < n && Character.isWhitespace(text.charAt(next))) {
        next++;
      }
      if (next >= n || !startsSentence(text.charAt(next))) {
        continue;
      }
      if (c == '.' && isAbbreviation(text, i)) {
        continue;
      }
      add(out, text, start, end);
      start = next;
      i = next - 1;
    }
    add(out, text, start, n);
    return out;
  }

  private static void add(List<Span> out, String text, int start, int end) {
    while (start < end && Character.isWhitespace(text.charAt(start))) {
      start++;
    }
    while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
      end--;
    }
    if (end > start) {
      out.add(new Span(start, end, text.substring(start, end)));
    }
  }

  private static boolean isCloser(char c) {
    return c == '"' || c == '\'' || c == '”' || c == '’' || c == ')' || c == ']' || c == '»';
  }

  private static boolean startsSentence(char c) {
    return Character.isUpperCase(c) || Character.isDigit(c) || c == '"' || c == '“' || c == '‘'
        || c == '\'' || c == '(' || c == '[' || c == '$' || c == '«' || Character.isIdeographic(c);
  }

  private static boolean isAbbreviation(String text, int dot) {
    int s = dot;
    while (s > 0 && !Character.isWhitespace(text.charAt(s - 1)) && text.charAt(s - 1) != '(') {
      s--;
    }
    String word = text.substring(s, dot).toLowerCase(Locale.ROOT);
    if (word.length() == 1 && Character.isLetter(word.charAt(0))) {
      return true;
    }
    return ABBREVIATIONS.contains(word);
  }
}
