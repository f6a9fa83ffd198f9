package org.guizhoubot.answer;

import java.util.List;
import org.guizhoubot.language.Language;

/**
 * Renders an outcome: the answer, then "Sources:" with one line per marker; or the decline, then
 * the nearest articles. One layout for every front end; a {@link Markup} says how its pieces are
 * written ({@link #PLAIN} for the CLI, HTML for Telegram).
 */
public final class AnswerFormatter {
  /** Introduces the nearest articles after a decline. */
  public static final String NEARBY = "The nearest articles I have:";

  /** How the pieces of a rendered outcome are written. */
  public interface Markup {
    /** Text from the answer or the articles, as it may appear in the output. */
    String text(String text);

    /** The "Sources:" heading. */
    String heading(String heading);

    /** One source line, starting with its marker {@code [n]}. */
    String citation(Citation citation);

    /** What follows a decline's message when there are nearest articles, introduced by {@code intro}. */
    String nearby(String intro, List<String> topics);
  }

  /** Plain text: sources as {@link Citation#sourceLine()}, nearest articles on the decline's line. */
  public static final Markup PLAIN = new Markup() {
    @Override
    public String text(String text) {
      return text;
    }

    @Override
    public String heading(String heading) {
      return heading;
    }

    @Override
    public String citation(Citation citation) {
      return citation.sourceLine();
    }

    @Override
    public String nearby(String intro, List<String> topics) {
      return " " + intro + " " + String.join("; ", topics) + ".";
    }
  };

  private AnswerFormatter() {}

  public static String plain(Outcome outcome) {
    return render(outcome, PLAIN);
  }

  /** As {@link #plain(Outcome)}, with the bot's own words in the language the question was asked in. */
  public static String plain(Outcome outcome, Language language) {
    return render(outcome, PLAIN, language);
  }

  public static String render(Outcome outcome, Markup markup) {
    return render(outcome, markup, Language.ENGLISH);
  }

  /** The outcome with the headings in the language the question was asked in. */
  public static String render(Outcome outcome, Markup markup, Language language) {
    boolean zh = language == Language.CHINESE;
    if (outcome instanceof Outcome.Answered a) {
      StringBuilder s = new StringBuilder(markup.text(a.text())).append("\n\n")
          .append(markup.heading(zh ? ChineseReplies.SOURCES : "Sources:"));
      for (Citation c : a.citations()) {
        s.append('\n').append(markup.citation(c));
      }
      return s.toString();
    }
    Outcome.Declined d = (Outcome.Declined) outcome;
    StringBuilder s = new StringBuilder(markup.text(d.message()));
    if (!d.nearbyTopics().isEmpty()) {
      s.append(markup.nearby(zh ? ChineseReplies.NEARBY : NEARBY, d.nearbyTopics()));
    }
    return s.toString();
  }
}
