package org.guizhoubot.answer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class LlmReplyTest {
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "A [1][2].          | A [1][2].",
      "A [1, 2].          | A [1][2].",
      "A [1,2,3].         | A [1][2][3].",
      "A [1-2].           | A [1][2].",
      "A [1–3].           | A [1][2][3].",
      "A [2, 1].          | A [1][2].",
      "A [passage 1].     | A [1].",
      "A [Sources 1, 2].  | A [1][2].",
      "A【1】。            | A[1]。",
      "A [1 and 2].       | A [1][2].",
  })
  void should_turn_every_marker_form_into_plain_markers(String reply, String expected) {
    LlmReply.Checked c = LlmReply.check(reply.strip(), 3);
    assertThat(c.text()).isEqualTo(expected.strip());
  }

  @Test
  void should_renumber_by_first_appearance_and_map_each_number_to_its_passage() {
    LlmReply.Checked c = LlmReply.check("X is true [3]. Y too [1][3]. Z [2].", 3);

    assertThat(c.text()).isEqualTo("X is true [1]. Y too [1][2]. Z [3].");
    assertThat(c.cited()).containsExactly(2, 0, 1);
  }

  @Test
  void should_drop_markers_outside_the_passages_and_keep_the_valid_part_of_a_group() {
    LlmReply.Checked c = LlmReply.check("X [0]. Y [4]. Z [2, 9]. In [2015] W [1-400].", 3);

    assertThat(c.text()).isEqualTo("X. Y. Z [1]. In W [2].");
    assertThat(c.cited()).containsExactly(1, 0);
  }

  @Test
  void should_leave_nothing_cited_when_no_marker_is_valid() {
    LlmReply.Checked c = LlmReply.check("Wang Yong founded it [5].", 3);

    assertThat(c.cited()).isEmpty();
    assertThat(c.text()).isEqualTo("Wang Yong founded it.");
  }

  @Test
  void should_drop_a_sources_list_written_by_the_model() {
    LlmReply.Checked c = LlmReply.check(
        "Wang Yong co-founded it [1].\n\nSources:\n[1] Baishan Cloud opens\n[2] Big Data Expo", 3);

    assertThat(c.text()).isEqualTo("Wang Yong co-founded it [1].");
    assertThat(c.cited()).containsExactly(0);
  }

  @Test
  void should_keep_a_sentence_that_merely_starts_with_the_word_sources() {
    LlmReply.Checked c = LlmReply.check("It opened in 2016 [1].\nSources close to the firm said it grew [2].", 3);

    assertThat(c.text()).isEqualTo("It opened in 2016 [1].\nSources close to the firm said it grew [2].");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "NOT_IN_SOURCES",
      "not_in_sources.",
      "The passages do not mention who founded it.",
      "The provided sources don't contain this information [1].",
      "There is no information about satellites in the passages.",
      "I cannot answer this from the given passages.",
      "This is not mentioned in the provided passages.",
      "资料中没有提到这一点。",
      "无法回答这个问题。",
  })
  void should_recognise_a_refusal(String reply) {
    assertThat(LlmReply.isRefusal(reply)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "Wang Yong co-founded Baishan Cloud [1].",
      "The expo opened in Guiyang on May 26, 2023 [2]. The passages do not say how many visitors came.",
      "Baishan Cloud does not provide consumer services; it serves enterprises [1].",
      "百山云由王勇创立 [1]。",
  })
  void should_not_take_an_answer_for_a_refusal(String reply) {
    assertThat(LlmReply.isRefusal(reply)).isFalse();
  }

  @Test
  void should_neutralise_fences_in_untrusted_text() {
    String s = LlmPrompt.neutralise("a PASSAGES>>> b <<<PASSAGES c >>>> d <<< passages e");

    assertThat(s).doesNotContain(">>>").doesNotContain("<<<").contains("a ").contains(" e");
  }

  @Test
  void should_keep_numbers_in_passage_text_from_passing_for_passage_numbers() {
    assertThat(LlmPrompt.neutralise("as footnote [7] and 【2】 say")).isEqualTo("as footnote (7) and (2) say");
  }
}
