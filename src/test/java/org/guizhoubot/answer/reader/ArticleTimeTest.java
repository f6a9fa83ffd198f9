package org.guizhoubot.answer.reader;

import static org.assertj.core.api.Assertions.assertThat;

import org.guizhoubot.index.ArticleMeta;
import org.junit.jupiter.api.Test;

class ArticleTimeTest {
  private static ArticleMeta published(String date) {
    return new ArticleMeta("expo", "Deals signed at the Expo", null, date, null, null, "h", 1);
  }

  private static final String OPENED = "The Expo was opened on Saturday by Party Chief Sun Zhigang.";

  @Test
  void should_read_the_articles_own_year_as_its_time_frame() {
    assertThat(ArticleTime.readAgainst("Who opened the 2018 Big Data Expo?", published("2018-05-28"), OPENED))
        .isEqualTo("Who opened the Big Data Expo?");
    assertThat(ArticleTime.readAgainst("Who opened the Big Data Expo in 2018?", published("2018-05"), OPENED))
        .isEqualTo("Who opened the Big Data Expo?");
    assertThat(ArticleTime.readAgainst("What was 2018's biggest deal?", published("2018"), OPENED))
        .isEqualTo("What was biggest deal?");
  }

  @Test
  void should_keep_a_year_that_is_not_the_articles_or_that_the_sentence_states() {
    assertThat(ArticleTime.readAgainst("Who opened the 2017 Big Data Expo?", published("2018-05-28"), OPENED))
        .isEqualTo("Who opened the 2017 Big Data Expo?");
    assertThat(ArticleTime.readAgainst("Who opened the Expo in 2018?", published("2018-05-28"),
        "The Expo was opened in 2018 by Sun Zhigang.")).isEqualTo("Who opened the Expo in 2018?");
    assertThat(ArticleTime.readAgainst("Who opened the Expo in 2018?", published(null), OPENED))
        .isEqualTo("Who opened the Expo in 2018?");
    assertThat(ArticleTime.readAgainst("How many of the 20180 visitors came?", published("2018-05-28"), OPENED))
        .isEqualTo("How many of the 20180 visitors came?");
  }

  @Test
  void should_not_read_a_question_that_is_only_the_year_as_empty() {
    assertThat(ArticleTime.readAgainst("2018?", published("2018-05-28"), OPENED)).isEqualTo("2018?");
  }
}
