package org.guizhoubot.index;

import java.util.ArrayList;
import java.util.List;
import org.guizhoubot.corpus.Article;

/**
 * Cuts an article into passages of whole sentences that, with the article title in front, fit
 * the embedding model's input limit; a sentence too long on its own is cut at word boundaries.
 * A new passage starts at a paragraph break once the current one is reasonably full.
 */
public final class PassageSplitter {
  private static final int SPECIAL_TOKENS = 2;
  private static final int MAX_TITLE_PIECES = 32;

  private final TokenCounter tokens;
  private final int maxWordPieces;

  /**
   * @param maxWordPieces the model's input limit, special tokens included (128 for MiniLM)
   */
  public PassageSplitter(TokenCounter tokens, int maxWordPieces) {
    if (maxWordPieces < 32) {
      throw new IllegalArgumentException("maxWordPieces must be >= 32, was " + maxWordPieces);
    }
    this.tokens = tokens;
    this.maxWordPieces = maxWordPieces;
  }

  /** The text the model embeds for a passage: the title as context, then the passage. */
  public String embeddingText(String title, String passageText) {
    return embeddingTitle(title) + ". " + passageText;
  }

  public List<Passage> split(Article article) {
    int titlePieces = tokens.count(embeddingTitle(article.title()) + ". ");
    int budget = maxWordPieces - SPECIAL_TOKENS - titlePieces;
    String body = article.body();
    List<Piece> pieces = new ArrayList<>();
    int prevEnd = 0;
    for (Sentences.Span s : Sentences.split(body)) {
      boolean paragraphStart = pieces.isEmpty() || body.substring(prevEnd, s.start()).contains("\n");
      int count = tokens.count(s.text());
      if (count <= budget) {
        pieces.add(new Piece(s.start(), s.end(), count, paragraphStart));
      } else {
        cutLongSentence(body, s, budget, paragraphStart, pieces);
      }
      prevEnd = s.end();
    }
    List<Passage> out = new ArrayList<>();
    int i = 0;
    while (i < pieces.size()) {
      int start = pieces.get(i).start;
      int end = pieces.get(i).end;
      int used = pieces.get(i).pieces;
      int j = i + 1;
      while (j < pieces.size()) {
        Piece p = pieces.get(j);
        if (used + p.pieces > budget || (p.paragraphStart && used >= budget / 2)) {
          break;
        }
        used += p.pieces;
        end = p.end;
        j++;
      }
      String text = body.substring(start, end);
      out.add(new Passage(article.id(), out.size(), start, end, text, tokens.count(text)));
      i = j;
    }
    return out;
  }

  /** The title as used for context, shortened so that it never crowds out the passage. */
  public String embeddingTitle(String title) {
    if (tokens.count(title) <= MAX_TITLE_PIECES) {
      return title;
    }
    String[] words = title.split("\\s+");
    StringBuilder b = new StringBuilder();
    for (String w : words) {
      String next = b.length() == 0 ? w : b + " " + w;
      if (tokens.count(next) > MAX_TITLE_PIECES) {
        break;
      }
      b.setLength(0);
      b.append(next);
    }
    return b.toString();
  }

  /** The most characters one cut of a word with no spaces may span (a word piece is rarely over 100). */
  private static final int MAX_CUT_CHARS_PER_PIECE = 100;

  /**
   * Cuts a sentence over the budget into pieces at word boundaries. Linear in the sentence: words
   * are counted one at a time and summed (word pieces never span a space), and only each cut is
   * counted whole to confirm it; a word longer than the budget is cut by a binary search over a
   * bounded window.
   */
  private void cutLongSentence(String body, Sentences.Span s, int budget, boolean paragraphStart, List<Piece> out) {
    int end = s.end();
    int pos = s.start();
    boolean first = paragraphStart;
    while (pos < end) {
      List<Integer> wordEnds = new ArrayList<>();
      int used = 0;
      int cursor = pos;
      while (cursor < end) {
        int nextSpace = body.indexOf(' ', cursor + 1);
        int wordEnd = nextSpace < 0 || nextSpace > end ? end : nextSpace;
        int count = tokens.count(body.substring(cursor, wordEnd));
        if (used + count > budget) {
          break;
        }
        used += count;
        wordEnds.add(wordEnd);
        cursor = wordEnd;
      }
      int best = -1;
      int bestCount = 0;
      while (!wordEnds.isEmpty()) {
        int candidate = wordEnds.get(wordEnds.size() - 1);
        int count = tokens.count(body.substring(pos, candidate));
        if (count <= budget) {
          best = candidate;
          bestCount = count;
          break;
        }
        wordEnds.remove(wordEnds.size() - 1);
      }
      if (best < 0) {
        best = cutWord(body, pos, end, budget);
        bestCount = tokens.count(body.substring(pos, best));
      }
      out.add(new Piece(pos, best, bestCount, first));
      first = false;
      pos = best;
      while (pos < end && body.charAt(pos) == ' ') {
        pos++;
      }
    }
  }

  /** The end of the longest text from {@code pos} within the budget, for a word longer than the budget. */
  private int cutWord(String body, int pos, int end, int budget) {
    int lo = pos + 1;
    int hi = Math.min(end, pos + budget * MAX_CUT_CHARS_PER_PIECE);
    if (tokens.count(body.substring(pos, hi)) <= budget) {
      return hi;
    }
    while (lo < hi - 1) {
      int mid = (lo + hi) >>> 1;
      if (tokens.count(body.substring(pos, mid)) <= budget) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  private record Piece(int start, int end, int pieces, boolean paragraphStart) {}
}
