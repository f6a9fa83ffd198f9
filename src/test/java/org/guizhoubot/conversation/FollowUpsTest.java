package org.guizhoubot.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FollowUpsTest {
  private static final Instant T = Instant.parse("2026-01-01T10:00:00Z");
  private static final Turn EXPO = FollowUps.turnOf(
      "Who opened the International Big Data Industry Expo in Guiyang?",
      "Who opened the International Big Data Industry Expo in Guiyang?",
      Optional.of("Sun Zhigang, party secretary of Guizhou, opened the expo on Saturday. [1]"),
      List.of("expo-2018"), T);

  @Test
  void should_remember_the_names_and_key_terms_of_a_turn_and_the_name_its_answer_gave() {
    assertThat(EXPO.names()).containsExactly("International Big Data Industry Expo", "Guiyang", "Sun Zhigang", "Guizhou");
    assertThat(EXPO.terms()).containsExactly("opened");
    assertThat(EXPO.citedArticles()).containsExactly("expo-2018");
  }

  @Test
  void should_expand_a_question_with_a_pronoun_and_no_name_of_its_own() {
    Expansion e = FollowUps.expand("What is his full title?", "What is his full title?", Optional.of(EXPO));

    assertThat(e).isInstanceOfSatisfying(Expansion.Expanded.class, x -> {
      assertThat(x.trigger()).isEqualTo(Expansion.Trigger.REFERENCE);
      assertThat(x.expanded()).startsWith("What is his full title? ").contains("Sun Zhigang").contains("Guiyang");
      assertThat(x.asked()).isEqualTo("What is his full title?");
    });
  }

  @Test
  void should_expand_continuations_and_very_short_questions() {
    assertThat(FollowUps.expand("And when did it close?", "And when did it close?", Optional.of(EXPO)))
        .isInstanceOfSatisfying(Expansion.Expanded.class,
            x -> assertThat(x.trigger()).isEqualTo(Expansion.Trigger.CONTINUATION));
    assertThat(FollowUps.expand("What about Huawei?", "What about Huawei?", Optional.of(EXPO)))
        .isInstanceOfSatisfying(Expansion.Expanded.class,
            x -> assertThat(x.trigger()).isEqualTo(Expansion.Trigger.CONTINUATION));
    assertThat(FollowUps.expand("When?", "When?", Optional.of(EXPO)))
        .isInstanceOfSatisfying(Expansion.Expanded.class,
            x -> assertThat(x.trigger()).isEqualTo(Expansion.Trigger.SHORT));
    assertThat(FollowUps.expand("Which firms signed deals at that event?", "Which firms signed deals at that event?",
        Optional.of(EXPO))).isInstanceOf(Expansion.Expanded.class);
  }

  @Test
  void should_leave_a_new_topic_as_asked() {
    String q = "How many reservoirs does the flood alarm system of East Century cover?";

    assertThat(FollowUps.expand(q, q, Optional.of(EXPO))).isEqualTo(new Expansion.AsAsked(q));
    String own = "Which company manages its data center for Apple?";
    assertThat(FollowUps.expand(own, own, Optional.of(EXPO))).isEqualTo(new Expansion.AsAsked(own));
    String standalone = "How fast did the electronic information industry grow in 2014?";
    assertThat(FollowUps.expand(standalone, standalone, Optional.of(EXPO))).isEqualTo(new Expansion.AsAsked(standalone));
  }

  @Test
  void should_leave_a_question_as_asked_when_there_is_no_previous_turn() {
    assertThat(FollowUps.expand("What is his title?", "What is his title?", Optional.empty()))
        .isEqualTo(new Expansion.AsAsked("What is his title?"));
  }

  @Test
  void should_not_add_words_the_question_already_has() {
    Expansion e = FollowUps.expand("And what did Guiyang sign at it?", "And what did Guiyang sign at it?", Optional.of(EXPO));

    assertThat(e).isInstanceOfSatisfying(Expansion.Expanded.class, x -> assertThat(x.added()).doesNotContain("Guiyang"));
  }

  @Test
  void should_tell_chinese_follow_ups_from_new_chinese_questions() {
    assertThat(FollowUps.expand("他的职务是什么？", "what post", Optional.of(EXPO)))
        .isInstanceOfSatisfying(Expansion.Expanded.class, x -> {
          assertThat(x.trigger()).isEqualTo(Expansion.Trigger.REFERENCE);
          assertThat(x.expanded()).startsWith("what post ").contains("Sun Zhigang");
        });
    assertThat(FollowUps.expand("华为呢？", "Huawei", Optional.of(EXPO)))
        .isInstanceOfSatisfying(Expansion.Expanded.class,
            x -> assertThat(x.trigger()).isEqualTo(Expansion.Trigger.CONTINUATION));
    assertThat(FollowUps.expand("花溪大学城由多少所本地大学组成？", "how many Huaxi university city local university",
        Optional.of(EXPO))).isInstanceOf(Expansion.AsAsked.class);
  }

  @Test
  void should_find_names_but_not_a_capitalised_word_that_only_opens_the_question() {
    assertThat(FollowUps.names("Which start-up in Guian was co-founded by Dai Xiang?")).containsExactly("Guian", "Dai Xiang");
    assertThat(FollowUps.names("Name the band. Describe it.")).isEmpty();
    assertThat(FollowUps.names("Sun Zhigang opened it.")).containsExactly("Sun Zhigang");
  }
}
