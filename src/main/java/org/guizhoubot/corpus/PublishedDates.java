package org.guizhoubot.corpus;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How an article's publication date is shown: a timestamp ({@code 2025-03-18T09:00:00+08:00}, or
 * an HTTP date) as the calendar date it names where it was written ({@code 2025-03-18}); a date
 * as precise as a day or less ({@code 2018-05}, {@code 2017}) as stored. The stored value is
 * never changed.
 */
public final class PublishedDates {
  private static final Pattern TIMESTAMP = Pattern.compile("^(\\d{4}-\\d{2}-\\d{2})[T ]\\d{1,2}:\\d{2}.*");
  private static final Pattern YEAR = Pattern.compile("^(\\d{4})\\b.*");

  private PublishedDates() {}

  /** The calendar date to show for a stored publication date; null and unreadable values as given. */
  public static String calendarDate(String published) {
    if (published == null) {
      return null;
    }
    String s = published.strip();
    Matcher m = TIMESTAMP.matcher(s);
    if (m.matches()) {
      return m.group(1);
    }
    try {
      return ZonedDateTime.parse(s, DateTimeFormatter.RFC_1123_DATE_TIME).toLocalDate().toString();
    } catch (DateTimeParseException e) {
      return s;
    }
  }

  /**
   * The years a set of publication dates span, as one phrase: "2017 to 2022", or "2019" when they
   * all fall in one year; empty when none names a year.
   */
  public static String yearRange(Collection<String> published) {
    Objects.requireNonNull(published, "published");
    List<String> years = published.stream().filter(Objects::nonNull).map(PublishedDates::calendarDate)
        .map(YEAR::matcher).filter(Matcher::matches).map(m -> m.group(1)).sorted().toList();
    if (years.isEmpty()) {
      return "";
    }
    String first = years.get(0);
    String last = years.get(years.size() - 1);
    return first.equals(last) ? first : first + " to " + last;
  }
}
