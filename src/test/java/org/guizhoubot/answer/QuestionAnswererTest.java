package org.guizhoubot.answer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.guizhoubot.SeedIndex;
import org.guizhoubot.library.Library;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class QuestionAnswererTest {
  private final Library library = SeedIndex.app().library();

  @ParameterizedTest
  @ValueSource(strings = {"", "   ", "\u200b", "\u200b\u200c\u2060", "?!…", "\u0000\u0000", "👍👍"})
  void should_decline_politely_a_message_with_no_letters_or_digits(String message) {
    AnswerResult r = library.answer(message);

    assertThat(r.outcome()).isInstanceOfSatisfying(Outcome.Declined.class,
        d -> assertThat(d.message()).isEqualTo("Please ask a question."));
    assertThat(r.passages()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"\u202E%s\u202C", "\u2067%s\u2069", "\u202A\u202B%s\u202D", "\u200F\u2066%s\u2069\u200B"})
  void should_answer_a_question_wrapped_in_bidirectional_controls_as_the_plain_question(String wrapping) {
    String plain = "How many reservoirs does the flood alarm system support?";

    AnswerResult asked = library.answer(String.format(wrapping, plain));
    AnswerResult expected = library.answer(plain);

    assertThat(asked.outcome().question()).isEqualTo(plain);
    assertThat(asked.outcome()).usingRecursiveComparison().isEqualTo(expected.outcome());
    assertThat(asked.reading().searchText()).isEqualTo(expected.reading().searchText());
    assertThat(ids(asked)).isEqualTo(ids(expected)).isNotEmpty();
  }

  @Test
  void should_drop_bidirectional_controls_inside_a_question_too() {
    AnswerResult r = library.answer("Who is the co\u202Efounder of \u2066Baishan\u2069 Cloud?");

    assertThat(r.outcome().question()).isEqualTo("Who is the cofounder of Baishan Cloud?");
  }

  @Test
  void should_echo_only_the_first_1000_characters_of_a_refused_long_question() {
    String question = "Why " + "x".repeat(1 << 20) + "?";

    AnswerResult r = library.answer(question);

    assertThat(r.outcome()).isInstanceOfSatisfying(Outcome.Declined.class,
        d -> assertThat(d.message()).contains("at most 1,000 characters"));
    assertThat(r.outcome().question()).hasSize(1000).isEqualTo(question.substring(0, 1000));
    assertThat(r.reading().searchText()).hasSizeLessThanOrEqualTo(1000);
    assertThat(r.reading().composedText()).hasSizeLessThanOrEqualTo(1000);
  }

  @Test
  void should_not_split_a_surrogate_pair_when_cutting_a_long_question() {
    String question = "a".repeat(999) + "😀".repeat(600);

    String echoed = library.answer(question).outcome().question();

    assertThat(echoed).isEqualTo("a".repeat(999));
  }

  private static List<String> ids(AnswerResult r) {
    return r.passages().stream().map(p -> p.passage().articleId() + "#" + p.passage().ordinal()).toList();
  }
}
