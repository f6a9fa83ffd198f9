package org.guizhoubot.answer.decision;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KeywordReadingTest {
  @Test
  void should_put_the_question_word_first_and_keep_content_words_and_names() {
    assertThat(KeywordReading.of("When was the Guian New Area established?"))
        .isEqualTo("when Guian New Area established?");
    assertThat(KeywordReading.of("The Expo was opened by whom in 2018?")).isEqualTo("who Expo opened 2018?");
    assertThat(KeywordReading.of("How many companies has Guizhou attracted?"))
        .isEqualTo("how many companies Guizhou attracted?");
  }

  @Test
  void should_read_what_year_as_which_year_and_keep_a_missing_question_mark_missing() {
    assertThat(KeywordReading.of("In what year did Apple's data center open"))
        .isEqualTo("which year Apple data center open");
  }
}
