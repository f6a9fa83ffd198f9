package org.guizhoubot.language;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import org.apache.lucene.analysis.cn.smart.hhmm.HHMMSegmenter;
import org.apache.lucene.analysis.cn.smart.hhmm.SegToken;

/**
 * Splits Chinese text into words, numbers and Latin words. Han text is first written in simplified
 * characters, cut into words by Lucene's hidden-Markov-model segmenter (smartcn), and neighbouring
 * pieces that together form a CC-CEDICT headword are joined again (大/数据 to 大数据), so the pieces
 * match the dictionary's glosses.
 */
public final class ChineseSegmenter {
  /** At most this many segmenter pieces are joined into one dictionary word. */
  private static final int MAX_MERGE = 4;

  private final Cedict dictionary;
  private final HHMMSegmenter hmm = new HHMMSegmenter();

  public ChineseSegmenter(Cedict dictionary) {
    this.dictionary = Objects.requireNonNull(dictionary, "dictionary");
  }

  public List<Segment> segment(String text) {
    String s = Normalizer.normalize(text, Normalizer.Form.NFKC);
    List<Segment> out = new ArrayList<>();
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (isHan(c)) {
        int j = i;
        while (j < s.length() && isHan(s.charAt(j))) {
          j++;
        }
        segmentHan(s.substring(i, j), out);
        i = j;
      } else if (isAsciiDigit(c)) {
        int j = i;
        while (j < s.length() && (isAsciiDigit(s.charAt(j))
            || (".,".indexOf(s.charAt(j)) >= 0 && j + 1 < s.length() && isAsciiDigit(s.charAt(j + 1))))) {
          j++;
        }
        if (j < s.length() && "万亿".indexOf(s.charAt(j)) >= 0) {
          out.add(new Segment(ChineseNumbers.scaled(s.substring(i, j), s.charAt(j)), Segment.Kind.NUMBER));
          j++;
        } else {
          out.add(new Segment(s.substring(i, j), Segment.Kind.NUMBER));
        }
        i = j;
      } else if (Character.isLetterOrDigit(c)) {
        int j = i;
        while (j < s.length() && Character.isLetterOrDigit(s.charAt(j)) && !isHan(s.charAt(j))) {
          j++;
        }
        out.add(new Segment(s.substring(i, j), Segment.Kind.LATIN));
        i = j;
      } else {
        if (!Character.isWhitespace(c)) {
          out.add(new Segment(String.valueOf(c), Segment.Kind.OTHER));
        }
        i++;
      }
    }
    return out;
  }

  private void segmentHan(String run, List<Segment> out) {
    String simplified = dictionary.simplified(run);
    List<String> pieces = new ArrayList<>();
    for (SegToken t : hmm.process(simplified)) {
      if (t.startOffset >= 0 && t.endOffset <= simplified.length() && t.endOffset > t.startOffset) {
        String piece = simplified.substring(t.startOffset, t.endOffset);
        if (piece.length() > 1 && piece.charAt(0) == '第' && piece.chars().skip(1).allMatch(ChineseNumbers::isNumeral)) {
          pieces.add("第");
          piece = piece.substring(1);
        }
        pieces.add(piece);
      }
    }
    int i = 0;
    while (i < pieces.size()) {
      int numeralEnd = i;
      while (numeralEnd < pieces.size() && pieces.get(numeralEnd).chars().allMatch(ChineseNumbers::isNumeral)) {
        numeralEnd++;
      }
      if (numeralEnd > i) {
        OptionalLong v = ChineseNumbers.value(String.join("", pieces.subList(i, numeralEnd)));
        if (v.isPresent()) {
          out.add(new Segment(Long.toString(v.getAsLong()), Segment.Kind.NUMBER));
          i = numeralEnd;
          continue;
        }
      }
      int end = i + 1;
      for (int j = Math.min(pieces.size(), i + MAX_MERGE); j > i + 1; j--) {
        boolean numeralInside = pieces.subList(i, j).stream()
            .anyMatch(p -> p.chars().allMatch(ChineseNumbers::isNumeral));
        if (!numeralInside && dictionary.contains(String.join("", pieces.subList(i, j)))) {
          end = j;
          break;
        }
      }
      String word = String.join("", pieces.subList(i, end));
      out.add(new Segment(word, dictionary.contains(word) ? Segment.Kind.WORD : Segment.Kind.UNKNOWN));
      i = end;
    }
  }

  static boolean isHan(char c) {
    return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN || c == '〇';
  }

  private static boolean isAsciiDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
