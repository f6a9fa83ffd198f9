package org.guizhoubot.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class PublishedDatesTest {
  @Test
  void should_show_a_timestamp_as_the_calendar_date_written_in_it() {
    assertThat(PublishedDates.calendarDate("2025-03-18T09:00:00+08:00")).isEqualTo("2025-03-18");
    assertThat(PublishedDates.calendarDate("2025-03-18T23:30:00-05:00")).isEqualTo("2025-03-18");
    assertThat(PublishedDates.calendarDate("2025-03-18 09:00")).isEqualTo("2025-03-18");
    assertThat(PublishedDates.calendarDate("Tue, 18 Mar 2025 09:00:00 GMT")).isEqualTo("2025-03-18");
  }

  @Test
  void should_keep_dates_no_finer_than_a_day_as_stored() {
    assertThat(PublishedDates.calendarDate("2018-05")).isEqualTo("2018-05");
    assertThat(PublishedDates.calendarDate("2017")).isEqualTo("2017");
    assertThat(PublishedDates.calendarDate("spring 2017")).isEqualTo("spring 2017");
    assertThat(PublishedDates.calendarDate(null)).isNull();
  }

  @Test
  void should_write_the_span_of_mixed_dates_in_years() {
    assertThat(PublishedDates.yearRange(List.of("2018-05", "2017", "2022-01-07", "2019-02-28T10:00:00Z")))
        .isEqualTo("2017 to 2022");
    assertThat(PublishedDates.yearRange(List.of("2019-02-28", "2019"))).isEqualTo("2019");
    assertThat(PublishedDates.yearRange(Arrays.asList(null, "undated"))).isEmpty();
  }
}
