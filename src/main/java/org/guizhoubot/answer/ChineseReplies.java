package org.guizhoubot.answer;

import org.guizhoubot.language.Language;

/** The bot's own words for a question asked in Chinese; the quoted sentences stay in English. */
public final class ChineseReplies {
  /** Heads an answer quoted from the English articles. */
  public static final String QUOTED_LEAD_IN = "以下回答摘自英文文章原文：";
  /** Heads an answer an LLM wrote from the English articles. */
  public static final String WRITTEN_LEAD_IN = "以下回答依据英文文章：";
  public static final String DECLINE = "抱歉，我的文章里找不到这个问题的答案。";
  public static final String NEARBY = "最接近的文章：";
  public static final String SOURCES = "来源：";

  private ChineseReplies() {}

  /**
   * The stream of an LLM's answer as said to someone who asked in {@code language}: a Chinese
   * answer being written is shown under the lead-in its final text will have.
   */
  public static AnswerStream localize(AnswerStream stream, Language language) {
    if (stream == AnswerStream.NONE || language != Language.CHINESE) {
      return stream;
    }
    return new AnswerStream() {
      @Override
      public void shown(String text) {
        stream.shown(WRITTEN_LEAD_IN + "\n" + text);
      }

      @Override
      public void failed() {
        stream.failed();
      }
    };
  }

  /** The outcome as said to someone who asked {@code question} in {@code language}. */
  public static Outcome localize(Outcome outcome, String question, Language language) {
    if (outcome instanceof Outcome.Answered a) {
      String text = language == Language.CHINESE
          ? (a.composer().equals(ExtractiveComposer.NAME) ? QUOTED_LEAD_IN : WRITTEN_LEAD_IN) + "\n" + a.text()
          : a.text();
      return new Outcome.Answered(question, text, a.citations(), a.composer());
    }
    Outcome.Declined d = (Outcome.Declined) outcome;
    return new Outcome.Declined(question, language == Language.CHINESE ? DECLINE : d.message(), d.nearbyTopics(),
        d.composer());
  }
}
