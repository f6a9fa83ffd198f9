package org.guizhoubot.answer;

import static org.assertj.core.api.Assertions.assertThat;

import org.guizhoubot.SeedIndex;
import org.guizhoubot.conversation.Expansion;
import org.guizhoubot.language.Language;
import org.guizhoubot.library.Library;
import org.junit.jupiter.api.Test;

/** Chinese questions and follow-ups through the library over the seed articles (real model and index). */
class ConversationAndChineseTest {
  private final Library library = SeedIndex.app().library();

  @Test
  void should_answer_a_chinese_question_with_english_sentences_under_a_chinese_lead_in() {
    AnswerResult r = library.answer("花溪大学城有多少家大数据公司？");

    assertThat(r.reading().language()).isEqualTo(Language.CHINESE);
    assertThat(r.reading().searchText()).startsWith("how many").contains("Huaxi").contains("big data");
    assertThat(r.outcome()).isInstanceOfSatisfying(Outcome.Answered.class, a -> {
      assertThat(a.question()).isEqualTo("花溪大学城有多少家大数据公司？");
      assertThat(a.text()).startsWith(ChineseReplies.QUOTED_LEAD_IN + "\n").contains("110").contains("[1]");
      assertThat(a.citations()).extracting(Citation::articleId).contains("big-data-valley-2017-expo");
    });
    assertThat(AnswerFormatter.plain(r.outcome(), Language.CHINESE)).contains("\n\n" + ChineseReplies.SOURCES + "\n[1] ");
  }

  @Test
  void should_answer_a_question_in_traditional_characters() {
    AnswerResult r = library.answer("貴州東方世紀科技公司的防洪預警系統為多少座水庫提供支持？");

    assertThat(r.outcome()).isInstanceOfSatisfying(Outcome.Answered.class,
        a -> assertThat(a.text()).contains("10,000"));
  }

  @Test
  void should_decline_in_chinese_what_the_articles_cannot_answer() {
    AnswerResult r = library.answer("特斯拉在贵阳的超级工厂每年生产多少辆汽车？");

    assertThat(r.outcome()).isInstanceOfSatisfying(Outcome.Declined.class,
        d -> assertThat(d.message()).isEqualTo(ChineseReplies.DECLINE));
  }

  @Test
  void should_answer_a_follow_up_in_the_context_of_the_question_before() {
    String c = "test-follow-up";
    library.forget(c);
    library.answer("Who is the co-founder of Baishan Cloud?", c);
    AnswerResult r = library.answer("When was it set up?", c);

    assertThat(r.reading().expansion()).isInstanceOfSatisfying(Expansion.Expanded.class,
        e -> assertThat(e.addedNames()).contains("Baishan Cloud"));
    assertThat(r.outcome()).isInstanceOfSatisfying(Outcome.Answered.class, a -> {
      assertThat(a.question()).isEqualTo("When was it set up?");
      assertThat(a.text()).contains("2015");
    });
  }

  @Test
  void should_answer_the_expos_chinese_names_with_the_2018_deals() {
    for (String q : java.util.List.of("2018年数博会签了多少协议？", "2018年大数据博览会签了多少协议？")) {
      AnswerResult r = library.answer(q);

      assertThat(r.reading().searchText()).as(q).contains("Big Data Expo");
      assertThat(r.outcome()).as(q).isInstanceOfSatisfying(Outcome.Answered.class, a -> {
        assertThat(a.text()).contains("200 deals");
        assertThat(a.citations()).extracting(Citation::articleId).contains("big-data-expo-2018-deals");
      });
    }
  }

  @Test
  void should_answer_that_companys_chairman_for_the_company_the_previous_answer_named() {
    String c = "test-that-company";
    library.answer("What is the 39 Internet Hospital?", c);
    AnswerResult r = library.answer("Who is the chairman of that company?", c);

    assertThat(r.reading().expansion()).isInstanceOfSatisfying(Expansion.Expanded.class,
        e -> assertThat(e.addedNames()).containsExactly("Guiyang Longmaster Information and Technology Co"));
    assertThat(r.outcome()).isInstanceOfSatisfying(Outcome.Answered.class,
        a -> assertThat(a.text()).contains("Wang Wei").doesNotContain("Li Sheng"));
  }

  @Test
  void should_answer_the_readmes_follow_up_example() {
    String c = "test-readme-follow-up";
    library.answer("Who is the co-founder of Baishan Cloud?", c);
    AnswerResult r = library.answer("How much revenue did it make?", c);

    assertThat(r.reading().expansion()).isInstanceOfSatisfying(Expansion.Expanded.class,
        e -> assertThat(e.addedNames()).containsExactly("Baishan Cloud"));
    assertThat(r.outcome()).isInstanceOfSatisfying(Outcome.Answered.class,
        a -> assertThat(a.text()).contains("200 million yuan"));
  }

  @Test
  void should_read_a_new_topic_on_its_own_and_forget_on_request() {
    String c = "test-new-topic";
    library.answer("Who is the co-founder of Baishan Cloud?", c);
    AnswerResult newTopic = library.answer("How many reservoirs does the flood alarm system support?", c);

    assertThat(newTopic.reading().expansion()).isInstanceOf(Expansion.AsAsked.class);
    assertThat(newTopic.outcome()).isInstanceOfSatisfying(Outcome.Answered.class,
        a -> assertThat(a.text()).contains("10,000"));

    library.forget(c);
    assertThat(library.answer("When was it set up?", c).reading().expansion()).isInstanceOf(Expansion.AsAsked.class);
  }

  @Test
  void should_keep_conversations_apart() {
    library.answer("Who is the co-founder of Baishan Cloud?", "alice");
    library.answer("How many reservoirs does the flood alarm system support?", "bob");

    assertThat(library.answer("When was it set up?", "alice").reading().expansion())
        .isInstanceOfSatisfying(Expansion.Expanded.class, e -> assertThat(e.added()).contains("Baishan Cloud"));
    assertThat(library.answer("Who developed it?", "bob").reading().expansion())
        .isInstanceOfSatisfying(Expansion.Expanded.class, e -> assertThat(e.added()).doesNotContain("Baishan Cloud"));
  }

  @Test
  void should_search_a_chinese_question_by_its_english_words() {
    assertThat(library.search("白山云的联合创始人是谁？", 3)).extracting(p -> p.passage().text())
        .anyMatch(t -> t.contains("Dai Xiang"));
  }
}
