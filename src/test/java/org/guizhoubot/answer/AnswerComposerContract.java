package org.guizhoubot.answer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.guizhoubot.retrieval.Retrieval;
import org.junit.jupiter.api.Test;

/** What every {@link AnswerComposer} promises; each implementation's test extends this. */
abstract class AnswerComposerContract {
  static final String WHO = "Who co-founded Baishan Cloud?";
  final LlmFixture fixture = new LlmFixture();

  /** The composer under test; it may be asked the question {@link #WHO} over the fixture's passages. */
  abstract AnswerComposer composer();

  /** The name the composer under test gives itself and its own answers. */
  abstract String expectedName();

  @Test
  void should_name_itself() {
    assertThat(composer().name()).isEqualTo(expectedName());
  }

  @Test
  void should_decline_when_there_are_no_passages() {
    Outcome outcome = composer().compose(WHO, Retrieval.empty());

    assertThat(outcome).isInstanceOf(Outcome.Declined.class);
    assertThat(outcome.question()).isEqualTo(WHO);
  }

  @Test
  void should_answer_from_the_given_passages_citing_only_them() {
    Outcome outcome = composer().compose(WHO, fixture.retrieval());

    assertThat(outcome.question()).isEqualTo(WHO);
    assertThat(outcome.composer()).isEqualTo(expectedName());
    assertThat(outcome).isInstanceOf(Outcome.Answered.class);
    Set<String> given = Set.copyOf(fixture.passages.stream().map(p -> p.passage().text()).toList());
    for (Citation c : ((Outcome.Answered) outcome).citations()) {
      assertThat(given).contains(c.passage());
      assertThat(fixture.passages).anyMatch(p -> p.article().id().equals(c.articleId())
          && p.passage().text().equals(c.passage()) && p.article().title().equals(c.title()));
    }
    assertThat(((Outcome.Answered) outcome).text()).contains("Wang Yong");
  }

  @Test
  void should_decline_a_question_the_passages_do_not_cover() {
    Outcome outcome = composer().compose("How many satellites did Guizhou launch in 2020?", fixture.retrieval());

    assertThat(outcome).isInstanceOf(Outcome.Declined.class);
  }
}
