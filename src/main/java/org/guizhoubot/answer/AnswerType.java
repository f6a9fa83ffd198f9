package org.guizhoubot.answer;

import java.util.Locale;
import java.util.regex.Pattern;

/** The kind of fact a question asks for, and whether a sentence holds one. */
enum AnswerType {
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
  private static final Pattern HAS_PLACE = Pattern.compile("\\b(in|to|at|from) \\p{Lu}\\p{L}+");

  static AnswerType of(String question) {
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

  /** True when the sentence holds a fact of this kind (always true for OTHER). */
  boolean heldBy(String sentence) {
    return switch (this) {
      case NUMBER -> HAS_NUMBER.matcher(sentence).find();
      case DATE -> HAS_DATE.matcher(sentence).find();
      case PERSON -> HAS_PERSON.matcher(sentence).find();
      case PLACE -> HAS_PLACE.matcher(sentence).find();
      case OTHER -> true;
    };
  }
}
