package org.guizhoubot.answer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.guizhoubot.SeedIndex;
import org.guizhoubot.retrieval.Retrieval;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DecisionComposerTest {
  private final QuestionAnswerer answerer = SeedIndex.app().parts().answerer();

  @ParameterizedTest
  @ValueSource(strings = {
      "Please sing me a song about the sea.",
      "When did Samsung open its office in the Guian New Area?",
      "How many companies has the Guian New Area attracted from Brazil?"})
  void should_decline_chit_chat_an_absent_entity_and_a_near_miss(String question) {
    Outcome outcome = answerer.answer(question).outcome();

    assertThat(outcome).as(AnswerFormatter.plain(outcome)).isInstanceOf(Outcome.Declined.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "How many companies related to big data are in the Guian New Area?",
      "Which firms have set up branches in Guizhou?",
      "What does Guizhou plan for its digital economy?"})
  void should_never_list_an_article_twice(String question) {
    Outcome outcome = answerer.answer(question).outcome();

    assertThat(outcome).as(AnswerFormatter.plain(outcome)).isInstanceOfSatisfying(Outcome.Answered.class,
        a -> assertThat(a.citations()).extracting(Citation::articleId).doesNotHaveDuplicates());
  }

  @Test
  void should_answer_for_the_articles_own_year_but_not_give_that_answer_for_another_year() {
    Outcome own = answerer.answer("Who opened the 2018 Big Data Expo?").outcome();
    Outcome other = answerer.answer("Who opened the 2015 Big Data Expo?").outcome();

    assertThat(own).as(AnswerFormatter.plain(own)).isInstanceOfSatisfying(Outcome.Answered.class,
        a -> assertThat(a.text()).contains("Sun Zhigang"));
    assertThat(AnswerFormatter.plain(other)).doesNotContain("Sun Zhigang");
  }

  @Test
  void should_decline_a_near_miss_with_a_swapped_name_and_answer_its_twin() {
    Outcome twin = answerer.answer("How many companies has the Guian New Area attracted?").outcome();
    Outcome nearMiss = answerer.answer("How many companies has the Guian New Area attracted from Brazil?").outcome();

    assertThat(twin).isInstanceOfSatisfying(Outcome.Answered.class, a -> assertThat(a.text()).contains("400"));
    assertThat(nearMiss).isInstanceOf(Outcome.Declined.class);
  }

  @Test
  void should_answer_on_the_reading_the_model_is_most_confident_in() {
    ExtractiveComposer composer = org.guizhoubot.answer.reader.ReaderJudge.composer(org.guizhoubot.answer.reader.SharedReader.INSTANCE);
    String right = "How much revenue did Baishan Cloud achieve last year?";
    String wrong = "How much revenue did Tesla achieve last year?";
    Retrieval retrieval = answerer.search(right, QuestionAnswerer.PASSAGES);
    assertThat(composer.assess(wrong, retrieval).decision()).isLessThan(composer.assess(right, retrieval).decision());

    Outcome wrongFirst = composer.compose(new Asked("How much revenue did it achieve last year?",
        org.guizhoubot.language.Language.ENGLISH, List.of(wrong, right), List.of(), false), retrieval);

    assertThat(wrongFirst).isEqualTo(composer.compose(right, retrieval));
    assertThat(wrongFirst).isInstanceOfSatisfying(Outcome.Answered.class, a -> assertThat(a.text()).contains("200 million"));
    assertThat(composer.compose(wrong, retrieval)).isInstanceOf(Outcome.Declined.class);
  }

  @Test
  void should_give_a_one_line_note_instead_of_a_search_for_a_question_over_1000_characters() {
    AnswerResult r = answerer.answer("Why " + "is the sky blue ".repeat(70) + "?");

    assertThat(r.outcome()).isInstanceOf(Outcome.Declined.class);
    assertThat(((Outcome.Declined) r.outcome()).message()).isEqualTo(QuestionAnswerer.TOO_LONG).doesNotContain("\n");
    assertThat(r.passages()).isEmpty();
  }

  @Test
  void should_drop_quote_marks_that_open_or_close_nothing() {
    assertThat(ExtractiveComposer.withoutStrayQuotes("The government gives us strong support,\" Dai Xiang said."))
        .isEqualTo("The government gives us strong support, Dai Xiang said.");
    assertThat(ExtractiveComposer.withoutStrayQuotes("He said \"yes\" at once."))
        .isEqualTo("He said \"yes\" at once.");
    assertThat(ExtractiveComposer.withoutStrayQuotes("“We grew fast, he said."))
        .isEqualTo("We grew fast, he said.");
  }
}
