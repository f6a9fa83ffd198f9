package org.guizhoubot.answer;

import static org.assertj.core.api.Assertions.assertThat;

import org.guizhoubot.SeedIndex;
import org.guizhoubot.library.Library;
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
}
