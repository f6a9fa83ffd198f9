package org.guizhoubot.answer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class LlmQuestionTranslationTest {
  private static LlmQuestionTranslation replying(String reply) {
    return new LlmQuestionTranslation((system, user) -> reply, Duration.ofSeconds(1));
  }

  @Test
  void should_take_the_models_one_line_english_without_quotes() {
    try (LlmQuestionTranslation t = replying("\"Who opened the expo?\"\n")) {
      assertThat(t.english("谁为博览会开幕？")).contains("Who opened the expo?");
    }
  }

  @Test
  void should_give_nothing_for_a_reply_that_is_not_one_english_line() {
    try (LlmQuestionTranslation several = replying("Who opened it?\nNote: 博览会 is expo");
        LlmQuestionTranslation chinese = replying("谁为博览会开幕？");
        LlmQuestionTranslation tooLong = replying("word ".repeat(100))) {
      assertThat(several.english("谁为博览会开幕？")).isEmpty();
      assertThat(chinese.english("谁为博览会开幕？")).isEmpty();
      assertThat(tooLong.english("谁为博览会开幕？")).isEmpty();
    }
  }

  @Test
  void should_give_nothing_when_the_model_fails_or_is_late() {
    try (LlmQuestionTranslation failing = new LlmQuestionTranslation((s, u) -> {
          throw new LlmException("HTTP 500");
        }, Duration.ofSeconds(1));
        LlmQuestionTranslation late = new LlmQuestionTranslation((s, u) -> {
          try {
            Thread.sleep(500);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          return "Too late?";
        }, Duration.ofMillis(100))) {
      assertThat(failing.english("谁为博览会开幕？")).isEmpty();
      assertThat(late.english("谁为博览会开幕？")).isEmpty();
    }
  }
}
