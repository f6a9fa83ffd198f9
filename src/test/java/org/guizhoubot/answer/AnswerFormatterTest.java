package org.guizhoubot.answer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The plain rendering the CLI prints (the Telegram HTML one is in {@code TelegramHtmlTest}). */
class AnswerFormatterTest {
  @Test
  void should_render_an_answer_with_one_source_line_per_marker() {
    Outcome answer = new Outcome.Answered("q?", "Baishan was founded <2012> [1]. It grew [2].", List.of(
        new Citation(1, "a1", "First & best", "Asia Times", "2018-05", "https://example.org/a1", "p"),
        new Citation(2, "a2", "Second", null, null, null, "p")), "extractive");

    assertThat(AnswerFormatter.plain(answer)).isEqualTo("Baishan was founded <2012> [1]. It grew [2].\n\nSources:"
        + "\n[1] First & best, Asia Times, 2018-05 https://example.org/a1"
        + "\n[2] Second");
  }

  @Test
  void should_render_a_decline_with_the_nearest_articles_on_its_line() {
    assertThat(AnswerFormatter.plain(new Outcome.Declined("q?", "I could not find this.", List.of("Expo <2018>", "Valley"),
        "extractive"))).isEqualTo("I could not find this. The nearest articles I have: Expo <2018>; Valley.");
    assertThat(AnswerFormatter.plain(new Outcome.Declined("q?", "I could not find this.", List.of(), "extractive")))
        .isEqualTo("I could not find this.");
  }
}
