package org.guizhoubot.language;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import org.guizhoubot.language.EnglishQuery.How;
import org.guizhoubot.language.EnglishQuery.Rendering;
import org.guizhoubot.text.QueryTerms;

/**
 * Turns a Chinese question into English search words: the sector's own terms and names by the
 * {@link Glossary} (the English the articles use), then dictionary words by their CC-CEDICT gloss,
 * names (and runs of characters that form no word) by pinyin, numbers as digits, the question
 * word first as in English. Where a word has several renderings, the first one whose words the
 * articles use ({@code known}) wins; words the articles never use are left out, except names, so a
 * question about something absent is still declined.
 */
public final class ChineseQueryTranslator {
  private static final String[] MONTHS = {"January", "February", "March", "April", "May", "June", "July",
      "August", "September", "October", "November", "December"};
  private static final String[] ORDINALS = {"zeroth", "first", "second", "third", "fourth", "fifth", "sixth",
      "seventh", "eighth", "ninth", "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth",
      "sixteenth", "seventeenth", "eighteenth", "nineteenth", "twentieth"};

  private final Cedict dictionary;
  private final Glossary glossary;
  private final ChineseSegmenter segmenter;
  private final ChineseNames names;

  /** A translator that reads the bundled glossary before the dictionary. */
  public ChineseQueryTranslator(Cedict dictionary) {
    this(dictionary, Glossary.bundled());
  }

  public ChineseQueryTranslator(Cedict dictionary, Glossary glossary) {
    this.dictionary = Objects.requireNonNull(dictionary, "dictionary");
    this.glossary = Objects.requireNonNull(glossary, "glossary");
    this.segmenter = new ChineseSegmenter(dictionary);
    this.names = new ChineseNames(dictionary);
  }

  /** The translator over the bundled dictionary, made on first use (reading the dictionary takes about a second). */
  public static ChineseQueryTranslator bundled() {
    return Bundled.INSTANCE;
  }

  private static final class Bundled {
    static final ChineseQueryTranslator INSTANCE = new ChineseQueryTranslator(Cedict.bundled());
  }

  /** The English search words for a Chinese question; {@code known} says which words the articles use. */
  public EnglishQuery translate(String question, Predicate<String> known) {
    Objects.requireNonNull(question, "question");
    Objects.requireNonNull(known, "known");
    List<Segment> segs = new ArrayList<>();
    Map<Integer, Glossary.Term> terms = new java.util.HashMap<>();
    String normalized = dictionary.simplified(java.text.Normalizer.normalize(question, java.text.Normalizer.Form.NFKC));
    int from = 0;
    List<Glossary.Match> matches = new ArrayList<>(glossary.find(normalized));
    matches.add(new Glossary.Match(normalized.length(), normalized.length(), null));
    for (Glossary.Match m : matches) {
      for (Segment s : segmenter.segment(normalized.substring(from, m.start()))) {
        if (s.kind() == Segment.Kind.UNKNOWN && s.text().length() > 1) {
          s.text().codePoints().forEach(c -> segs.add(new Segment(new String(Character.toChars(c)), Segment.Kind.UNKNOWN)));
        } else {
          segs.add(s);
        }
      }
      if (m.term() != null) {
        terms.put(segs.size(), m.term());
        segs.add(new Segment(normalized.substring(m.start(), m.end()), Segment.Kind.OTHER));
      }
      from = m.end();
    }
    List<Rendering> out = new ArrayList<>();
    String wh = null;
    int i = 0;
    while (i < segs.size()) {
      Segment s = segs.get(i);
      String text = s.text();
      if (terms.containsKey(i)) {
        out.add(EnglishSenses.term(text, terms.get(i), known));
        i++;
        continue;
      }
      int questionEnd = questionWordEnd(segs, i);
      if (questionEnd > i) {
        String phrase = join(segs, i, questionEnd);
        String english = QuestionWords.QUESTION_WORDS.get(phrase);
        out.add(new Rendering(phrase, english, How.QUESTION_WORD, wh == null));
        wh = wh == null ? english : wh;
        i = questionEnd;
        if (i < segs.size() && isClassifier(segs.get(i))) {
          i++;
        }
        continue;
      }
      switch (s.kind()) {
        case OTHER -> {
          if (text.equals("%") && !out.isEmpty() && out.get(out.size() - 1).how() == How.NUMBER) {
            out.add(new Rendering(text, "percent", How.GLOSS, true));
          }
          i++;
        }
        case LATIN -> {
          out.add(new Rendering(text, text, How.LATIN, true));
          i++;
        }
        case NUMBER -> i = number(segs, i, false, out);
        case WORD, UNKNOWN -> {
          if (text.equals("第") && i + 1 < segs.size() && segs.get(i + 1).kind() == Segment.Kind.NUMBER) {
            i = number(segs, i + 1, true, out);
          } else if (QuestionWords.FUNCTION_WORDS.contains(text)) {
            i++;
          } else if (text.length() > 1) {
            word(text, known).ifPresent(out::add);
            i++;
          } else {
            int end = i;
            while (end < segs.size() && isLoneCharacter(segs, end)) {
              end++;
            }
            names.characters(segs.subList(i, Math.max(end, i + 1)), known, out);
            i = Math.max(end, i + 1);
          }
        }
      }
    }
    Set<String> words = new LinkedHashSet<>();
    if (wh != null) {
      words.add(wh);
    }
    for (Rendering r : out) {
      if (r.used() && r.how() != How.QUESTION_WORD) {
        words.add(r.english());
      }
    }
    return new EnglishQuery(question, String.join(" ", words), out);
  }

  private int questionWordEnd(List<Segment> segs, int i) {
    for (int len = Math.min(3, segs.size() - i); len >= 1; len--) {
      if (QuestionWords.QUESTION_WORDS.containsKey(join(segs, i, i + len))) {
        return i + len;
      }
    }
    return i;
  }

  private boolean isLoneCharacter(List<Segment> segs, int i) {
    Segment s = segs.get(i);
    return (s.kind() == Segment.Kind.WORD || s.kind() == Segment.Kind.UNKNOWN) && s.text().length() == 1
        && !QuestionWords.FUNCTION_WORDS.contains(s.text()) && !s.text().equals("第") && questionWordEnd(segs, i) == i;
  }

  /** A number and the measure word, year, month or ordinal marker around it. */
  private int number(List<Segment> segs, int i, boolean ordinal, List<Rendering> out) {
    String digits = segs.get(i).text();
    long value = parse(digits);
    String next = i + 1 < segs.size() ? segs.get(i + 1).text() : "";
    int end = i + 1;
    String english = digits;
    if (ordinal) {
      english = value >= 0 && value < ORDINALS.length ? ORDINALS[(int) value] : digits + "th";
    } else if (next.equals("年") || next.equals("年度")) {
      english = value >= 1000 ? digits : digits + " years";
      end++;
    } else if (next.startsWith("月") && value >= 1 && value <= 12) {
      english = MONTHS[(int) value - 1];
      end++;
      String rest = next.substring(1);
      if (!rest.isEmpty()) {
        out.add(new Rendering(join(segs, i, end - 1) + "月", english, How.NUMBER, true));
        names.characters(List.of(new Segment(rest, Segment.Kind.WORD)), w -> true, out);
        return end;
      }
    } else if ((next.equals("日") || next.equals("号") || next.equals("號")) && value >= 1 && value <= 31) {
      end++;
    } else if (next.equals("多") || next.equals("余") || next.equals("餘")) {
      english = "more than " + digits;
      end++;
    }
    out.add(new Rendering(join(segs, ordinal ? i - 1 : i, end), english, How.NUMBER, true));
    if (end < segs.size() && isClassifier(segs.get(end))) {
      end++;
    }
    return end;
  }

  private static long parse(String digits) {
    try {
      return Long.parseLong(digits.replace(",", ""));
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /** A dictionary word of two or more characters. */
  private java.util.Optional<Rendering> word(String text, Predicate<String> known) {
    List<String> candidates = new ArrayList<>();
    List<String> nameSenses = new ArrayList<>();
    List<Cedict.Entry> entries = new ArrayList<>(dictionary.lookup(text));
    // a headword that is both a common word and a name (大学: university, the Great Learning) is
    // read as the common word first
    entries.sort(java.util.Comparator.comparing(Cedict.Entry::isName));
    for (Cedict.Entry e : entries) {
      if (e.isName()) {
        List<String> renderings = names.renderings(e);
        nameSenses.addAll(renderings);
        candidates.addAll(renderings);
      } else {
        candidates.addAll(EnglishSenses.meanings(e));
      }
    }
    if (candidates.isEmpty()) {
      return java.util.Optional.empty();
    }
    String chosen = EnglishSenses.pick(candidates, known);
    if (QueryTerms.contentTerms(chosen).stream().noneMatch(known)) {
      // nothing the articles use: a name is kept (so a question about it is declined), a gloss is not
      chosen = nameSenses.isEmpty() ? chosen : nameSenses.get(0);
    }
    if (Character.isUpperCase(chosen.charAt(0))) {
      return java.util.Optional.of(new Rendering(text, chosen, How.NAME, true));
    }
    return java.util.Optional.of(EnglishSenses.gloss(text, chosen, candidates, known));
  }

  private boolean isClassifier(Segment s) {
    return s.kind() == Segment.Kind.WORD && s.text().length() == 1
        && dictionary.lookup(s.text()).stream().anyMatch(e -> e.glosses().stream()
            .anyMatch(g -> g.startsWith("classifier for") || g.startsWith("(classifier")));
  }

  private static String join(List<Segment> segs, int from, int to) {
    StringBuilder b = new StringBuilder();
    for (int i = from; i < to; i++) {
      b.append(segs.get(i).text());
    }
    return b.toString();
  }
}
