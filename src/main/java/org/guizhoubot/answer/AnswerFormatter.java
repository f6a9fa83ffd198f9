package org.guizhoubot.answer;

import org.guizhoubot.language.Language;

/** Renders an outcome as plain text: the answer, then "Sources:" with one line per marker. */
public final class AnswerFormatter {
  private AnswerFormatter() {}

  public static String plain(Outcome outcome) {
    return plain(outcome, Language.ENGLISH);
  }

  /** As {@link #plain(Outcome)}, with the bot's own words in the language the question was asked in. */
  public static String plain(Outcome outcome, Language language) {
    boolean zh = language == Language.CHINESE;
    if (outcome instanceof Outcome.Answered a) {
      StringBuilder s = new StringBuilder(a.text()).append(zh ? "\n\n" + ChineseReplies.SOURCES : "\n\nSources:");
      for (Citation c : a.citations()) {
        s.append('\n').append(c.sourceLine());
      }
      return s.toString();
    }
    Outcome.Declined d = (Outcome.Declined) outcome;
    StringBuilder s = new StringBuilder(d.message());
    if (!d.nearbyTopics().isEmpty()) {
      if (zh) {
        s.append(ChineseReplies.NEARBY).append(String.join("；", d.nearbyTopics())).append('。');
      } else {
        s.append(" The nearest articles I have: ").append(String.join("; ", d.nearbyTopics())).append('.');
      }
    }
    return s.toString();
  }
}
