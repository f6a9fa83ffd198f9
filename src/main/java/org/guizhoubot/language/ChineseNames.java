package org.guizhoubot.language;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.guizhoubot.language.EnglishQuery.How;
import org.guizhoubot.language.EnglishQuery.Rendering;

/**
 * Names in a Chinese question, by the dictionary: a name entry's English, runs of characters read
 * by pinyin (贵安 to Guian, 孙志刚 to Sun Zhigang), and pinyin written as an English name.
 */
final class ChineseNames {
  private final Cedict dictionary;

  ChineseNames(Cedict dictionary) {
    this.dictionary = Objects.requireNonNull(dictionary, "dictionary");
  }

  /**
   * The English a name entry is read by: its glosses that read as names, else those of the entry
   * it points to, and last its pinyin.
   */
  List<String> renderings(Cedict.Entry e) {
    List<String> renderings = new ArrayList<>();
    for (String g : e.glosses()) {
      String clean = EnglishSenses.nameGloss(g);
      if (clean != null) {
        renderings.add(clean);
      }
    }
    // an entry that only points to another (腾讯: see 腾讯控股有限公司) takes that one's English
    // name, unless that is just its pinyin again (贵州: see 贵州省, Guizhou Province)
    String pinyin = pinyinName(e.pinyin());
    for (int i = 0; i < e.glosses().size() && renderings.isEmpty(); i++) {
      for (Cedict.Entry target : crossReferenced(e.glosses().get(i))) {
        target.glosses().stream().map(EnglishSenses::nameGloss).filter(java.util.Objects::nonNull)
            .filter(n -> !n.toLowerCase(Locale.ROOT).startsWith(pinyin.toLowerCase(Locale.ROOT)))
            .forEach(renderings::add);
      }
    }
    renderings.add(pinyinName(e.pinyin()));
    return renderings;
  }

  /**
   * A run of single characters that form no longer word: the longest stretch whose joined pinyin
   * the articles use is a name (贵安 to Guian), as is a surname with one or two given-name
   * characters (孙志刚 to Sun Zhigang); any other character is glossed on its own.
   */
  void characters(List<Segment> run, Predicate<String> known, List<Rendering> out) {
    int p = 0;
    outer:
    while (p < run.size()) {
      for (int len = Math.min(4, run.size() - p); len >= 2; len--) {
        String chars = join(run, p, p + len);
        String joined = pinyinName(pinyinOf(chars));
        if (EnglishSenses.allKnown(joined, known)) {
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
          if (EnglishSenses.allKnown(fullName, known)) {
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
          candidates.addAll(EnglishSenses.meanings(e));
        }
      }
      if (!candidates.isEmpty()) {
        out.add(EnglishSenses.gloss(c, EnglishSenses.pick(candidates, known), candidates, known));
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
