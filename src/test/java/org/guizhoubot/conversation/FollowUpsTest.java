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
      assertThat(x.expanded()).startsWith("What is his full title? ").contains("Sun Zhigang").doesNotContain("Guiyang");
      assertThat(x.addedNames()).containsExactly("Sun Zhigang");
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

  private static final Turn HOSPITAL = FollowUps.turnOf("What is the 39 Internet Hospital?",
      "What is the 39 Internet Hospital?",
      Optional.of("Guiyang Longmaster Information and Technology Co, for example, offered a solution to the difficulties"
          + " in seeking medical care by setting up an internet hospital in 2016. Its platform, called 39 Internet"
          + " Hospital, connects patients who have complex diseases to some of the top doctors in the country. [1]"),
      List.of("big-data-looms-large-2019"), T);

  @Test
  void should_resolve_that_company_to_the_company_the_previous_answer_named() {
    Expansion e = FollowUps.expand("Who is the chairman of that company?", "Who is the chairman of that company?",
        Optional.of(HOSPITAL));

    assertThat(e).isInstanceOfSatisfying(Expansion.Expanded.class, x -> {
      assertThat(x.addedNames()).containsExactly("Guiyang Longmaster Information and Technology Co");
      assertThat(x.withNames(x.asked()))
          .isEqualTo("Who is the chairman of Guiyang Longmaster Information and Technology Co?");
    });
  }

  @Test
  void should_resolve_it_to_what_the_question_asked_about_he_to_a_person_and_there_to_a_place() {
    Turn cofounder = FollowUps.turnOf("Who is the co-founder of Baishan Cloud?", "Who is the co-founder of Baishan Cloud?",
        Optional.of("\"The government gives us strong support,\" Dai Xiang, co-founder of Baishan Cloud that was set up"
            + " in Guian in 2015, said when explaining why the company decided to open in Guian. [1]"),
        List.of("big-data-valley-expo"), T);

    assertThat(FollowUps.expand("How much revenue did it make?", "How much revenue did it make?", Optional.of(cofounder)))
        .isInstanceOfSatisfying(Expansion.Expanded.class, x -> assertThat(x.withNames(x.asked()))
            .isEqualTo("How much revenue did Baishan Cloud make?"));
    assertThat(FollowUps.expand("What did he say?", "What did he say?", Optional.of(cofounder)))
        .isInstanceOfSatisfying(Expansion.Expanded.class, x -> assertThat(x.withNames(x.asked()))
            .isEqualTo("What did Dai Xiang say?"));
    assertThat(FollowUps.expand("How many companies were attracted there?", "How many companies were attracted there?",
        Optional.of(cofounder))).isInstanceOfSatisfying(Expansion.Expanded.class, x -> assertThat(x.withNames(x.asked()))
            .isEqualTo("How many companies were attracted in Guian?"));
    assertThat(FollowUps.expand("Are there other start-ups?", "Are there other start-ups?", Optional.of(cofounder)))
        .isInstanceOfSatisfying(Expansion.Expanded.class, x -> assertThat(x.addedNames()).contains("Baishan Cloud"));
  }

  @Test
  void should_resolve_chinese_references_by_the_kind_they_ask_for() {
    assertThat(FollowUps.expand("那家公司的董事长是谁？", "who chairman", Optional.of(HOSPITAL)))
        .isInstanceOfSatisfying(Expansion.Expanded.class, x -> assertThat(x.addedNames())
            .containsExactly("Guiyang Longmaster Information and Technology Co"));
  }

  @Test
  void should_tell_companies_people_and_places_by_the_words_around_them() {
    String text = "Guiyang Longmaster Information and Technology Co set up a hospital in Guiyang. \"We grow,\" said"
        + " Wang Wei, chairman of the company. Baishan Cloud, a start-up in the Guian New Area, was founded by Dai Xiang.";

    assertThat(Entity.in(text)).containsExactly(
        new Entity("Guiyang Longmaster Information and Technology Co", Entity.Kind.COMPANY),
        new Entity("Guiyang", Entity.Kind.PLACE),
        new Entity("Wang Wei", Entity.Kind.PERSON),
        new Entity("Baishan Cloud", Entity.Kind.COMPANY),
        new Entity("Guian New Area", Entity.Kind.PLACE),
        new Entity("Dai Xiang", Entity.Kind.PERSON));
  }
}
