package org.guizhoubot.language;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.guizhoubot.language.EnglishQuery.How;
import org.guizhoubot.language.EnglishQuery.Rendering;
import org.guizhoubot.retrieval.QueryTerms;

/**
 * Turns a Chinese question into English search words: the sector's own terms and names by the
 * {@link Glossary} (the English the articles use), then dictionary words by their CC-CEDICT gloss,
 * names (and runs of characters that form no word) by pinyin, numbers as digits, the question
 * word first as in English. Where a word has several renderings, the first one whose words the
 * articles use ({@code known}) wins; words the articles never use are left out, except names, so a
 * question about something absent is still declined.
 */
public final class ChineseQueryTranslator {
  /** Grammatical words that carry nothing to search for. */
  private static final Set<String> FUNCTION_WORDS = Set.of(
      "的", "地", "得", "了", "着", "过", "是", "在", "有", "与", "和", "及", "以及", "或", "或者", "由",
      "将", "被", "把", "对", "为", "于", "从", "向", "跟", "同", "等", "也", "都", "就", "还", "又", "吗",
      "呢", "吧", "啊", "呀", "之", "其", "该", "这", "那", "这个", "那个", "这些", "那些", "请", "请问",
      "一下", "所", "已经", "已", "曾", "曾经", "正在", "到", "给", "能", "会", "可以", "要", "想", "让",
      "並", "與", "為", "於", "從", "對", "這", "這個", "這些", "那個", "請", "請問", "已經", "會", "讓",
      "及其", "而", "则", "則", "即", "并", "个", "個",
      // after a person or group, 那里 marks where something comes from (从投资者那里: from investors)
      "那里", "那裡", "那裏", "那儿", "那兒");

  /**
   * Chinese question words and their English, longest first where one contains another (numerals
   * are matched as the segmenter writes them: 哪一年 comes as 哪, 1, 年).
   */
  private static final Map<String, String> QUESTION_WORDS = Map.ofEntries(
      Map.entry("多少钱", "how much"), Map.entry("多少錢", "how much"), Map.entry("多少年", "how many years"),
      Map.entry("几年", "how many years"), Map.entry("幾年", "how many years"), Map.entry("多少", "how many"),
      Map.entry("几", "how many"), Map.entry("幾", "how many"), Map.entry("谁", "who"), Map.entry("誰", "who"),
      Map.entry("什么时候", "when"), Map.entry("什麼時候", "when"), Map.entry("何时", "when"),
      Map.entry("何時", "when"), Map.entry("哪一年", "which year"), Map.entry("哪1年", "which year"), Map.entry("哪年", "which year"),
      Map.entry("哪里", "where"), Map.entry("哪裡", "where"), Map.entry("哪裏", "where"),
      Map.entry("哪儿", "where"), Map.entry("哪兒", "where"), Map.entry("为什么", "why"),
      Map.entry("為什麼", "why"), Map.entry("什么", "what"), Map.entry("什麼", "what"),
      Map.entry("哪个", "which"), Map.entry("哪個", "which"), Map.entry("哪些", "which"), Map.entry("哪", "which"),
      Map.entry("如何", "how"), Map.entry("怎么", "how"), Map.entry("怎麼", "how"), Map.entry("怎样", "how"),
      Map.entry("怎樣", "how"), Map.entry("多大", "how large"), Map.entry("多久", "how long"),
      Map.entry("多长", "how long"), Map.entry("多長", "how long"), Map.entry("多远", "how far"),
      Map.entry("多遠", "how far"), Map.entry("多高", "how high"), Map.entry("何", "what"));

  private static final String[] MONTHS = {"January", "February", "March", "April", "May", "June", "July",
      "August", "September", "October", "November", "December"};
  private static final String[] ORDINALS = {"zeroth", "first", "second", "third", "fourth", "fifth", "sixth",
      "seventh", "eighth", "ninth", "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth",
      "sixteenth", "seventeenth", "eighteenth", "nineteenth", "twentieth"};

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

  private final Cedict dictionary;
  private final Glossary glossary;
  private final ChineseSegmenter segmenter;

  /** A translator that reads the bundled glossary before the dictionary. */
  public ChineseQueryTranslator(Cedict dictionary) {
    this(dictionary, Glossary.bundled());
  }

  public ChineseQueryTranslator(Cedict dictionary, Glossary glossary) {
    this.dictionary = Objects.requireNonNull(dictionary, "dictionary");
    this.glossary = Objects.requireNonNull(glossary, "glossary");
    this.segmenter = new ChineseSegmenter(dictionary);
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
        out.add(term(text, terms.get(i), known));
        i++;
        continue;
      }
      int questionEnd = questionWordEnd(segs, i);
      if (questionEnd > i) {
        String phrase = join(segs, i, questionEnd);
        String english = QUESTION_WORDS.get(phrase);
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
          } else if (FUNCTION_WORDS.contains(text)) {
            i++;
          } else if (text.length() > 1) {
            word(text, known).ifPresent(out::add);
            i++;
          } else {
            int end = i;
            while (end < segs.size() && isLoneCharacter(segs, end)) {
              end++;
            }
            characters(segs.subList(i, Math.max(end, i + 1)), known, out);
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
      if (QUESTION_WORDS.containsKey(join(segs, i, i + len))) {
        return i + len;
      }
    }
    return i;
  }

  private boolean isLoneCharacter(List<Segment> segs, int i) {
    Segment s = segs.get(i);
    return (s.kind() == Segment.Kind.WORD || s.kind() == Segment.Kind.UNKNOWN) && s.text().length() == 1
        && !FUNCTION_WORDS.contains(s.text()) && !s.text().equals("第") && questionWordEnd(segs, i) == i;
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
        characters(List.of(new Segment(rest, Segment.Kind.WORD)), w -> true, out);
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

  /**
   * A glossary term: the first of its English forms whose words the articles all use, else the
   * first they use any of, else the usual one; kept in the query even when the articles use none,
   * as a name is.
   */
  private static Rendering term(String chinese, Glossary.Term term, Predicate<String> known) {
    String chosen = pick(term.english(), known);
    List<String> senses = new ArrayList<>();
    senses.add(chosen);
    term.english().stream().filter(e -> !senses.contains(e)).forEach(senses::add);
    How how = Character.isUpperCase(chosen.codePointAt(0)) || Character.isDigit(chosen.codePointAt(0))
        ? How.NAME : How.GLOSS;
    return new Rendering(chinese, chosen, how, true, senses);
  }

  /** A dictionary word of two or more characters. */
  private java.util.Optional<Rendering> word(String text, Predicate<String> known) {
    List<String> candidates = new ArrayList<>();
    List<String> names = new ArrayList<>();
    List<Cedict.Entry> entries = new ArrayList<>(dictionary.lookup(text));
    // a headword that is both a common word and a name (大学: university, the Great Learning) is
    // read as the common word first
    entries.sort(java.util.Comparator.comparing(Cedict.Entry::isName));
    for (Cedict.Entry e : entries) {
      if (e.isName()) {
        List<String> renderings = new ArrayList<>();
        for (String g : e.glosses()) {
          String clean = nameGloss(g);
          if (clean != null) {
            renderings.add(clean);
          }
        }
        // an entry that only points to another (腾讯: see 腾讯控股有限公司) takes that one's English
        // name, unless that is just its pinyin again (贵州: see 贵州省, Guizhou Province)
        String pinyin = pinyinName(e.pinyin());
        for (int i = 0; i < e.glosses().size() && renderings.isEmpty(); i++) {
          for (Cedict.Entry target : crossReferenced(e.glosses().get(i))) {
            target.glosses().stream().map(ChineseQueryTranslator::nameGloss).filter(java.util.Objects::nonNull)
                .filter(n -> !n.toLowerCase(Locale.ROOT).startsWith(pinyin.toLowerCase(Locale.ROOT)))
                .forEach(renderings::add);
          }
        }
        renderings.add(pinyinName(e.pinyin()));
        names.addAll(renderings);
        candidates.addAll(renderings);
      } else {
        candidates.addAll(meanings(e));
      }
    }
    if (candidates.isEmpty()) {
      return java.util.Optional.empty();
    }
    String chosen = pick(candidates, known);
    if (QueryTerms.contentTerms(chosen).stream().noneMatch(known)) {
      // nothing the articles use: a name is kept (so a question about it is declined), a gloss is not
      chosen = names.isEmpty() ? chosen : names.get(0);
    }
    if (Character.isUpperCase(chosen.charAt(0))) {
      return java.util.Optional.of(new Rendering(text, chosen, How.NAME, true));
    }
    return java.util.Optional.of(gloss(text, chosen, candidates, known));
  }

  /**
   * A run of single characters that form no longer word: the longest stretch whose joined pinyin
   * the articles use is a name (贵安 to Guian), as is a surname with one or two given-name
   * characters (孙志刚 to Sun Zhigang); any other character is glossed on its own.
   */
  private void characters(List<Segment> run, Predicate<String> known, List<Rendering> out) {
    int p = 0;
    outer:
    while (p < run.size()) {
      for (int len = Math.min(4, run.size() - p); len >= 2; len--) {
        String chars = join(run, p, p + len);
        String joined = pinyinName(pinyinOf(chars));
        if (allKnown(joined, known)) {
          out.add(new Rendering(chars, joined, How.NAME, true));
          p += len;
          continue outer;
        }
      }
      if (isSurname(run.get(p).text())) {
        for (int len = Math.min(3, run.size() - p); len >= 2; len--) {
          String chars = join(run, p, p + len);
          String fullName = pinyinName(pinyinOf(chars.substring(0, 1))) + " "
              + pinyinName(pinyinOf(chars.substring(1)));
          if (allKnown(fullName, known)) {
            out.add(new Rendering(chars, fullName, How.NAME, true));
            p += len;
            continue outer;
          }
        }
      }
      String c = run.get(p).text();
      List<String> candidates = new ArrayList<>();
      for (Cedict.Entry e : dictionary.lookup(c)) {
        if (!e.isName()) {
          candidates.addAll(meanings(e));
        }
      }
      if (!candidates.isEmpty()) {
        out.add(gloss(c, pick(candidates, known), candidates, known));
      }
      p++;
    }
  }

  /** The name entries a "see 騰訊控股有限公司|腾讯控股有限公司[...]" gloss points to; empty for any other gloss. */
  private List<Cedict.Entry> crossReferenced(String gloss) {
    java.util.regex.Matcher m = SEE.matcher(gloss.strip());
    if (!m.matches()) {
      return List.of();
    }
    String target = m.group(2) != null ? m.group(2) : m.group(1);
    return dictionary.lookup(target).stream().filter(Cedict.Entry::isName).toList();
  }

  private static final Pattern SEE = Pattern.compile("see ([^|\\[\\s]+)(?:\\|([^\\[\\s]+))?\\[.*");

  private boolean isSurname(String c) {
    return dictionary.lookup(c).stream().anyMatch(e -> e.isName()
        && e.glosses().stream().anyMatch(g -> g.startsWith("surname ")));
  }

  private boolean isClassifier(Segment s) {
    return s.kind() == Segment.Kind.WORD && s.text().length() == 1
        && dictionary.lookup(s.text()).stream().anyMatch(e -> e.glosses().stream()
            .anyMatch(g -> g.startsWith("classifier for") || g.startsWith("(classifier")));
  }

  /** The first sense whose words the articles all use, else the first they use some of, else the first. */
  private static String pick(List<String> candidates, Predicate<String> known) {
    List<String> first = candidates.subList(0, Math.min(MAX_CANDIDATES, candidates.size()));
    return first.stream().filter(c -> allKnown(c, known)).findFirst()
        .or(() -> first.stream().filter(c -> QueryTerms.contentTerms(c).stream().anyMatch(known)).findFirst())
        .orElse(first.get(0));
  }

  /**
   * A gloss with the words the articles never use left out (unused when none is left), and the
   * other senses, so cut, that keep a word the articles use.
   */
  private static Rendering gloss(String chinese, String english, List<String> candidates, Predicate<String> known) {
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

  private static boolean allKnown(String english, Predicate<String> known) {
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
  private static String nameGloss(String gloss) {
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

  /** The pinyin syllables of each character, by their most common reading. */
  private List<String> pinyinOf(String chars) {
    List<Cedict.Entry> whole = dictionary.lookup(chars);
    if (!whole.isEmpty()) {
      return whole.get(0).pinyin();
    }
    List<String> out = new ArrayList<>();
    for (int i = 0; i < chars.length(); ) {
      int cp = chars.codePointAt(i);
      String c = new String(Character.toChars(cp));
      i += Character.charCount(cp);
      List<Cedict.Entry> entries = dictionary.lookup(c);
      entries.stream().filter(e -> !e.isName()).findFirst().or(() -> entries.stream().findFirst())
          .ifPresent(e -> out.add(e.pinyin().get(0)));
    }
    return out;
  }

  /** Pinyin syllables written as one English name: [Gui4, yang2] to Guiyang. */
  static String pinyinName(List<String> syllables) {
    StringBuilder b = new StringBuilder();
    for (String s : syllables) {
      b.append(s.replaceAll("[0-9]", "").replace("u:", "u").replace("v", "u").toLowerCase(Locale.ROOT));
    }
    return b.isEmpty() ? "" : Character.toUpperCase(b.charAt(0)) + b.substring(1);
  }

  private static String join(List<Segment> segs, int from, int to) {
    StringBuilder b = new StringBuilder();
    for (int i = from; i < to; i++) {
      b.append(segs.get(i).text());
    }
    return b.toString();
  }
}
