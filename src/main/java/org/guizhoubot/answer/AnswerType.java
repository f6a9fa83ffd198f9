package org.guizhoubot.answer;

import java.util.Locale;
import java.util.regex.Pattern;

/** The kind of fact a question asks for, and whether a sentence holds one. */
public enum AnswerType {
  NUMBER, PERSON, DATE, PLACE, OTHER;

  private static final Pattern NUMBER_Q = Pattern.compile(
      "^(how (many|much|large|big|fast|far|long)|what (share|percentage|proportion|number|amount|revenue|investment|value|size)|what was the (value|number|amount))\\b.*");
  private static final Pattern DATE_Q = Pattern.compile("^(when|what year|which year|in what year|since when)\\b.*");
  private static final Pattern PERSON_Q = Pattern.compile("^(who|whom)\\b.*");
  private static final Pattern PLACE_Q = Pattern.compile("^(where|in which (city|province|country))\\b.*");

  private static final Pattern HAS_NUMBER = Pattern.compile(
      "(?i)\\d|\\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|"
          + "forty|fifty|hundred|thousand|million|billion|percent|dozens?)\\b");
  private static final Pattern HAS_DATE = Pattern.compile(
      "(?i)\\b(1[89]\\d\\d|20\\d\\d)\\b|\\b(january|february|march|april|may|june|july|august|"
          + "september|october|november|december|last year|this year)\\b");
  private static final Pattern HAS_PERSON = Pattern.compile(
      "\\b\\p{Lu}\\p{Ll}+ \\p{Lu}\\p{Ll}+\\b|\\b(chairman|founder|co-founder|president|premier|"
          + "secretary|governor|chief|minister|director)\\b");
  private static final Pattern HAS_PLACE = Pattern.compile("\\S\\s+\\p{Lu}\\p{L}+");

  public static AnswerType of(String question) {
    String q = question.strip().toLowerCase(Locale.ROOT);
    if (NUMBER_Q.matcher(q).matches()) {
      return NUMBER;
    }
    if (DATE_Q.matcher(q).matches()) {
      return DATE;
    }
    if (PERSON_Q.matcher(q).matches()) {
      return PERSON;
    }
    if (PLACE_Q.matcher(q).matches()) {
      return PLACE;
    }
    return OTHER;
  }

  /**
   * True when the sentence holds a fact of this kind that the question does not already state:
   * a number, date or name absent from the question (always true for OTHER).
   */
  public boolean heldBy(String sentence, String question) {
    Pattern p = switch (this) {
      case NUMBER -> HAS_NUMBER;
      case DATE -> HAS_DATE;
      case PERSON -> HAS_PERSON;
      case PLACE -> HAS_PLACE;
      case OTHER -> null;
    };
    if (p == null) {
      return true;
    }
    String q = question.toLowerCase(java.util.Locale.ROOT);
    java.util.regex.Matcher m = p.matcher(sentence);
    while (m.find()) {
      String found = m.group().strip().toLowerCase(java.util.Locale.ROOT);
      String last = found.substring(found.lastIndexOf(' ') + 1);
      if (!q.contains(found) && !q.contains(last)) {
        return true;
      }
    }
    return false;
  }
}
