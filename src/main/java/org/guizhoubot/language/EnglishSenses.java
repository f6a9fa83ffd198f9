package org.guizhoubot.language;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.guizhoubot.language.EnglishQuery.How;
import org.guizhoubot.language.EnglishQuery.Rendering;
import org.guizhoubot.text.QueryTerms;

/**
 * The English senses of dictionary and glossary entries, and which one a question's word is read
 * by: the first whose words the articles use ({@code known}), cut to the words they use.
 */
final class EnglishSenses {
  private static final Pattern NOT_A_MEANING = Pattern.compile(
      "(?i)^(cl:|classifier|variant of|old variant|see |used in|surname|abbr|also pr|also written|"
          + "taiwan pr|erhua|pr\\.|literary|archaic|(japanese|korean) |kangxi radical|radical|"
          + "prefix|suffix|particle|interjection|onom|sentence-final|component in).*");
  private static final Pattern COMPANY_SUFFIX = Pattern.compile(
      "(?i)([ ,]+(inc|ltd|co|corp|corporation|limited|holdings|group)\\.?)+$");
  private static final int MAX_GLOSS_WORDS = 4;
  /** Where a long sense is cut: "chairman of the board of directors" to "chairman". */
  private static final Pattern LONG_SENSE_TAIL = Pattern.compile(" (of|for|in|with|on|at|from|by|to|as|that|which) .*$");
  private static final int MAX_CANDIDATES = 8;

  private EnglishSenses() {}

  /**
   * A glossary term: the first of its English forms whose words the articles all use, else the
   * first they use any of, else the usual one; kept in the query even when the articles use none,
   * as a name is.
   */
  static Rendering term(String chinese, Glossary.Term term, Predicate<String> known) {
    String chosen = pick(term.english(), known);
    List<String> senses = new ArrayList<>();
    senses.add(chosen);
    term.english().stream().filter(e -> !senses.contains(e)).forEach(senses::add);
    How how = Character.isUpperCase(chosen.codePointAt(0)) || Character.isDigit(chosen.codePointAt(0))
        ? How.NAME : How.GLOSS;
    return new Rendering(chinese, chosen, how, true, senses);
  }

  /** The first sense whose words the articles all use, else the first they use some of, else the first. */
  static String pick(List<String> candidates, Predicate<String> known) {
    List<String> first = candidates.subList(0, Math.min(MAX_CANDIDATES, candidates.size()));
    return first.stream().filter(c -> allKnown(c, known)).findFirst()
        .or(() -> first.stream().filter(c -> QueryTerms.contentTerms(c).stream().anyMatch(known)).findFirst())
        .orElse(first.get(0));
  }

  /**
   * A gloss with the words the articles never use left out (unused when none is left), and the
   * other senses, so cut, that keep a word the articles use.
   */
  static Rendering gloss(String chinese, String english, List<String> candidates, Predicate<String> known) {
    String kept = knownPart(english, known);
    boolean used = !kept.isEmpty();
    List<String> senses = new ArrayList<>();
    senses.add(used ? kept : english);
    for (String c : candidates.subList(0, Math.min(MAX_CANDIDATES, candidates.size()))) {
      String k = knownPart(c, known);
      if (!k.isEmpty() && !senses.contains(k)) {
        senses.add(k);
      }
    }
    return new Rendering(chinese, senses.get(0), How.GLOSS, used, senses);
  }

  /** The words of a sense the articles use, or "" when it has no such content word. */
  private static String knownPart(String sense, Predicate<String> known) {
    List<String> words = new ArrayList<>();
    for (String w : sense.split(" ")) {
      List<String> terms = QueryTerms.contentTerms(w);
      if (terms.isEmpty() || terms.stream().allMatch(known)) {
        words.add(w);
      }
    }
    return words.stream().anyMatch(w -> !QueryTerms.contentTerms(w).isEmpty()) ? String.join(" ", words) : "";
  }

  static boolean allKnown(String english, Predicate<String> known) {
    List<String> terms = QueryTerms.contentTerms(english);
    return !terms.isEmpty() && terms.stream().allMatch(known);
  }

  /** The short senses of an entry, most common first, without grammar notes and cross-references. */
  static List<String> meanings(Cedict.Entry e) {
    List<String> out = new ArrayList<>();
    for (String gloss : e.glosses()) {
      for (String sense : gloss.split(";")) {
        String s = sense.strip();
        if (NOT_A_MEANING.matcher(s).matches()) {
          continue;
        }
        s = s.replaceAll("\\([^)]*\\)", " ").replaceAll("\\[[^]]*]", " ")
            .replaceAll("\\b(sth|sb|one's)\\b", " ").replace("?", " ").replace("\"", " ")
            .replaceAll("\\s+", " ").strip();
        s = s.replaceFirst("^(to be |to |the |an |a )", "");
        if (s.split(" ").length > MAX_GLOSS_WORDS) {
          s = LONG_SENSE_TAIL.matcher(s).replaceFirst("");
        }
        if (s.isEmpty() || s.split(" ").length > MAX_GLOSS_WORDS || NOT_A_MEANING.matcher(s).matches()
            || QueryTerms.contentTerms(s).isEmpty()) {
          continue;
        }
        out.add(s);
      }
    }
    return out;
  }

  /** A gloss of a name entry that reads as an English name (Apple, the East), or null. */
  static String nameGloss(String gloss) {
    String s = gloss.replaceAll("\\([^)]*\\)", " ").replaceAll("\\s+", " ").strip();
    s = s.replaceFirst("^(the |The )", "");
    s = COMPANY_SUFFIX.matcher(s).replaceFirst("");
    int cut = s.indexOf(';');
    cut = cut < 0 ? s.indexOf(',') : s.indexOf(',') < 0 ? cut : Math.min(cut, s.indexOf(','));
    if (cut > 0) {
      s = s.substring(0, cut).strip();
    }
    if (s.isEmpty() || !Character.isUpperCase(s.charAt(0)) || s.split(" ").length > 3
        || NOT_A_MEANING.matcher(s).matches()) {
      return null;
    }
    return s;
  }
}
