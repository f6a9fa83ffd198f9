package org.guizhoubot.answer.reader;

import java.util.regex.Pattern;
import org.guizhoubot.index.ArticleMeta;

/**
 * A news article's own year is the time frame of all it says, so its sentences seldom state it: a
 * question's year that is the year the article was published is read as that frame, not as a fact
 * a sentence must hold. The reader, which learned that a question's number missing from a sentence
 * means another event, reads such a question against that article's sentences without the year.
 * A year other than the article's, or one the sentence states, is kept.
 */
final class ArticleTime {
  private static final Pattern YEAR = Pattern.compile("(?<!\\d)(?:1[89]|20)\\d\\d(?!\\d)");

  private ArticleTime() {}

  /** {@code question} as the reader reads it against {@code sentence} of {@code article}. */
  static String readAgainst(String question, ArticleMeta article, String sentence) {
    String published = article.published();
    if (published == null || published.length() < 4 || !YEAR.matcher(question).find()) {
      return question;
    }
    String year = published.substring(0, 4);
    if (!YEAR.matcher(year).matches() || sentence.contains(year)) {
      return question;
    }
    String out = question
        .replaceAll("(?i),?\\s*\\b(?:in|during|of|for)\\s+(?:the\\s+year\\s+)?" + year + "(?!\\d)", "")
        .replaceAll("(?<!\\d)" + year + "(?:'s|’s)?(?!\\d)\\s*", "")
        .replaceAll("\\s+([?.!,])", "$1").replaceAll("\\s{2,}", " ").strip();
    return out.chars().noneMatch(Character::isLetter) ? question : out;
  }
}
