package org.guizhoubot.answer;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The part of a reply being streamed that may be shown: the reply so far, checked as the final
 * answer is ({@link LlmReply#check}: markers of passages not given dropped, the rest renumbered),
 * after holding back an unclosed marker, a tail that could still become {@code NOT_IN_SOURCES},
 * and a lone {@code *}. Once the reply reads as a refusal, nothing more is shown. What is shown
 * only grows: a checked text that does not extend the one shown is kept back. Thread-safe.
 */
final class ShownText {
  /** What may still be inside an unfinished marker: digits, separators, "passage", "and", "to". */
  private static final Pattern MARKER_TAIL = Pattern.compile("(?i)[\\s\\p{Alnum},;，、\\-–—~]{0,40}");

  private final List<String> articleOfPassage;
  private final AnswerStream out;
  private final StringBuilder raw = new StringBuilder();
  private String shown = "";
  private boolean refused;

  ShownText(List<String> articleOfPassage, AnswerStream out) {
    this.articleOfPassage = List.copyOf(articleOfPassage);
    this.out = Objects.requireNonNull(out, "out");
  }

  /** Adds a piece of the reply, and tells the stream when the text that may be shown has grown. */
  synchronized void append(String piece) {
    if (refused || piece == null || piece.isEmpty()) {
      return;
    }
    raw.append(piece);
    Optional<String> next = safe(raw.toString(), articleOfPassage);
    if (next.isEmpty()) {
      refused = true;
      return;
    }
    String text = next.get();
    if (text.length() > shown.length() && text.startsWith(shown)) {
      shown = text;
      out.shown(text);
    }
  }

  /** The text shown so far. */
  synchronized String shown() {
    return shown;
  }

  /**
   * The part of {@code reply} (a prefix of a model's reply) that may be shown, checked; empty when
   * the reply reads as a refusal.
   */
  static Optional<String> safe(String reply, List<String> articleOfPassage) {
    if (LlmReply.isRefusal(reply)) {
      return Optional.empty();
    }
    int cut = reply.length();
    int open = Math.max(reply.lastIndexOf('['), reply.lastIndexOf('【'));
    if (open >= 0 && reply.indexOf(']', open) < 0 && reply.indexOf('】', open) < 0
        && MARKER_TAIL.matcher(reply.substring(open + 1)).matches()) {
      cut = open;
    }
    cut -= sentinelPrefixAtEnd(reply.substring(0, cut));
    while (cut > 0 && reply.charAt(cut - 1) == '*') {
      cut--;
    }
    return Optional.of(LlmReply.check(reply.substring(0, cut), articleOfPassage).text());
  }

  /** The length of the longest tail of {@code text} that begins {@code NOT_IN_SOURCES}, in any case. */
  private static int sentinelPrefixAtEnd(String text) {
    String sentinel = LlmPrompt.NOT_IN_SOURCES;
    for (int n = Math.min(sentinel.length() - 1, text.length()); n > 0; n--) {
      if (text.regionMatches(true, text.length() - n, sentinel, 0, n)) {
        return n;
      }
    }
    return 0;
  }
}
