package org.guizhoubot.answer;

/** Renders an outcome as plain text: the answer, then "Sources:" with one line per marker. */
public final class AnswerFormatter {
  private AnswerFormatter() {}

  public static String plain(Outcome outcome) {
    if (outcome instanceof Outcome.Answered a) {
      StringBuilder s = new StringBuilder(a.text()).append("\n\nSources:");
      for (Citation c : a.citations()) {
        s.append('\n').append(c.sourceLine());
      }
      return s.toString();
    }
    Outcome.Declined d = (Outcome.Declined) outcome;
    StringBuilder s = new StringBuilder(d.message());
    if (!d.nearbyTopics().isEmpty()) {
      s.append(" The nearest articles I have: ").append(String.join("; ", d.nearbyTopics())).append('.');
    }
    return s.toString();
  }
}
