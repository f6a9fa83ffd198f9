package org.guizhoubot.language;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.function.Predicate;
import org.guizhoubot.language.EnglishQuery.How;
import org.guizhoubot.language.EnglishQuery.Rendering;
import org.guizhoubot.text.QueryTerms;
import org.junit.jupiter.api.Test;

class ChineseQueryTranslatorTest {
  /** The dictionary's reading alone, without the glossary. */
  private static final ChineseQueryTranslator TRANSLATOR = new ChineseQueryTranslator(Cedict.bundled(), Glossary.EMPTY);
  private static final ChineseQueryTranslator WITH_GLOSSARY = new ChineseQueryTranslator(Cedict.bundled());

  /** Stands for the words of an article collection. */
  private static Predicate<String> vocabulary(String... words) {
    Set<String> stems = new java.util.HashSet<>();
    for (String w : words) {
      for (String t : QueryTerms.tokens(w)) {
        stems.add(QueryTerms.stem(t));
      }
    }
    return w -> stems.contains(QueryTerms.stem(w.toLowerCase(java.util.Locale.ROOT)));
  }

  private static final Predicate<String> ARTICLES = vocabulary(
      "Sun Zhigang opened the expo in Guiyang, Guizhou. Huaxi University Town has nine local universities.",
      "The Guian New Area attracted companies; Apple will open a data center; the chairman of the company",
      "internet users numbered 29 million at the end of December; people took part in the fourth expo");

  @Test
  void should_write_place_names_in_pinyin() {
    EnglishQuery q = TRANSLATOR.translate("花溪在贵阳吗？", ARTICLES);

    assertThat(q.english()).contains("Huaxi").contains("Guiyang");
    assertThat(q.renderings()).filteredOn(r -> r.how() == How.NAME).extracting(Rendering::chinese)
        .contains("花溪", "贵阳");
  }

  @Test
  void should_write_a_person_name_as_surname_and_given_name() {
    EnglishQuery q = TRANSLATOR.translate("孙志刚是谁？", ARTICLES);

    assertThat(q.english()).isEqualTo("who Sun Zhigang");
  }

  @Test
  void should_join_characters_that_form_no_word_into_a_name_the_articles_use() {
    EnglishQuery q = TRANSLATOR.translate("贵安新区吸引了多少家企业？", ARTICLES);

    assertThat(q.english()).startsWith("how many").contains("Guian").contains("new area").contains("company");
  }

  @Test
  void should_gloss_characters_one_by_one_when_their_pinyin_names_nothing_the_articles_know() {
    EnglishQuery q = TRANSLATOR.translate("贵安新区吸引了多少家企业？", vocabulary("new area company"));

    assertThat(q.english()).doesNotContain("Guian");
    assertThat(q.renderings()).extracting(Rendering::chinese).contains("贵", "安");
  }

  @Test
  void should_keep_numbers_written_in_chinese_or_in_digits() {
    assertThat(TRANSLATOR.translate("八个数据中心在哪里？", ARTICLES).english()).isEqualTo("where 8 data center");
    assertThat(TRANSLATOR.translate("8个数据中心在哪里？", ARTICLES).english()).isEqualTo("where 8 data center");
    assertThat(TRANSLATOR.translate("两千零五年有多少网民？", ARTICLES).english()).contains("2005");
    assertThat(TRANSLATOR.translate("3万人参加了吗？", ARTICLES).english()).contains("30000");
  }

  @Test
  void should_read_question_words_that_hold_a_numeral() {
    assertThat(TRANSLATOR.translate("花溪大学城是哪一年建成的？", ARTICLES).english()).startsWith("which year Huaxi");
  }

  @Test
  void should_turn_ordinals_months_and_years_into_english() {
    EnglishQuery q = TRANSLATOR.translate("第四届博览会在2018年12月举行吗？", ARTICLES);

    assertThat(q.english()).contains("fourth").contains("2018").contains("December")
        .doesNotContain("12").doesNotContain("year");
  }

  @Test
  void should_put_the_question_word_first_and_drop_measure_words() {
    EnglishQuery q = TRANSLATOR.translate("花溪大学城由多少所本地大学组成？", ARTICLES);

    assertThat(q.english()).startsWith("how many Huaxi university").contains("local");
    assertThat(q.renderings()).extracting(Rendering::chinese).doesNotContain("所", "由");
  }

  @Test
  void should_read_a_word_that_is_also_a_name_as_the_common_word() {
    Predicate<String> articles = vocabulary("the great learning of nine local universities in Huaxi");

    assertThat(TRANSLATOR.translate("花溪有多少所大学？", articles).english()).isEqualTo("how many Huaxi university");
  }

  @Test
  void should_end_the_query_fitted_to_the_evidence_with_a_question_mark_when_the_question_has_one() {
    assertThat(TRANSLATOR.translate("贵州有多少网民？", ARTICLES).fittedTo(ARTICLES))
        .isEqualTo("how many Guizhou Internet user?");
    assertThat(TRANSLATOR.translate("贵州网民的数量", ARTICLES).fittedTo(ARTICLES)).doesNotEndWith("?");
  }

  @Test
  void should_ask_for_a_number_of_years_and_drop_the_locative_after_a_group() {
    assertThat(TRANSLATOR.translate("博览会已经举办了多少年？", ARTICLES).english()).startsWith("how many years");
    assertThat(TRANSLATOR.translate("公司从投资者那里得到了多少钱？", vocabulary("company investor money"))
        .english()).doesNotContain("there").doesNotContain("place");
  }

  @Test
  void should_follow_a_name_to_the_entry_it_refers_to_and_keep_the_words_the_articles_use() {
    // CC-CEDICT's 腾讯 only says "see 腾讯控股有限公司", which is "Tencent Holdings Limited"
    assertThat(TRANSLATOR.translate("腾讯在贵州做什么？", vocabulary("Tencent and Alibaba in Guizhou")).english())
        .isEqualTo("what Tencent Guizhou");
  }

  @Test
  void should_prefer_the_gloss_the_articles_use() {
    assertThat(TRANSLATOR.translate("贵州有多少网民？", ARTICLES).english()).isEqualTo("how many Guizhou Internet user");
    assertThat(TRANSLATOR.translate("贵州有多少网民？", vocabulary("Guizhou netizen")).english())
        .isEqualTo("how many Guizhou netizen");
  }

  @Test
  void should_not_render_surnames_classifiers_or_cross_references() {
    EnglishQuery q = TRANSLATOR.translate("苹果公司的董事长是谁？", ARTICLES);

    assertThat(q.english()).isEqualTo("who Apple chairman");
    assertThat(q.english()).doesNotContain("surname").doesNotContain("CL").doesNotContain("see ");
  }

  @Test
  void should_read_traditional_characters_like_simplified_ones() {
    assertThat(TRANSLATOR.translate("貴陽有多少網民？", ARTICLES).english())
        .isEqualTo(TRANSLATOR.translate("贵阳有多少网民？", ARTICLES).english())
        .isEqualTo("how many Guiyang Internet user");
  }

  @Test
  void should_keep_a_name_the_articles_never_use_so_the_question_can_be_declined() {
    EnglishQuery q = TRANSLATOR.translate("特斯拉在贵阳做了什么？", ARTICLES);

    assertThat(q.english()).contains("Tesla");
  }

  @Test
  void should_leave_out_common_words_the_articles_never_use() {
    EnglishQuery q = TRANSLATOR.translate("贵阳有多少网民？", vocabulary("Guiyang"));

    assertThat(q.english()).isEqualTo("how many Guiyang");
    assertThat(q.renderings()).filteredOn(r -> r.chinese().equals("网民")).singleElement()
        .extracting(Rendering::used).isEqualTo(false);
  }

  @Test
  void should_read_the_expos_own_names_by_the_glossary_before_the_dictionary() {
    Predicate<String> articles = vocabulary("deals were signed at the International Big Data Industry Expo in Guiyang");

    assertThat(TRANSLATOR.translate("2018年数博会签了多少协议？", articles).english()).doesNotContain("Expo");
    assertThat(WITH_GLOSSARY.translate("2018年数博会签了多少协议？", articles).english())
        .isEqualTo("how many 2018 Big Data Expo sign deals");
    assertThat(WITH_GLOSSARY.translate("2018年大数据博览会签了多少协议？", articles).english())
        .isEqualTo("how many 2018 Big Data Expo sign deals");
  }

  @Test
  void should_render_a_term_in_the_english_the_articles_use() {
    assertThat(WITH_GLOSSARY.translate("贵州是国家大数据综合试验区吗？", vocabulary("Guizhou, the first national big data pilot zone"))
        .english()).isEqualTo("Guizhou national big data pilot zone");
    assertThat(WITH_GLOSSARY.translate("贵州是国家大数据综合试验区吗？",
        vocabulary("Guizhou, a national big data comprehensive pilot area")).english())
        .isEqualTo("Guizhou national big data comprehensive pilot area");
  }

  @Test
  void should_keep_a_companys_name_whole_and_read_digits_inside_it() {
    EnglishQuery q = WITH_GLOSSARY.translate("39互联网医院所属公司的董事长是谁？", ARTICLES);

    assertThat(q.english()).startsWith("who 39 Internet Hospital").contains("chairman");
    assertThat(q.renderings()).filteredOn(r -> r.how() == How.NAME).extracting(Rendering::english)
        .containsExactly("39 Internet Hospital");
  }

  @Test
  void should_read_a_glossary_file_and_name_a_bad_line() throws Exception {
    Glossary g = Glossary.read(new java.io.ByteArrayInputStream(
        "# comment\n数博会|数博\tBig Data Expo|Expo\n".getBytes(java.nio.charset.StandardCharsets.UTF_8)));

    assertThat(g.find("去年数博会和数博")).extracting(Glossary.Match::start).containsExactly(2, 6);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Glossary.read(new java.io.ByteArrayInputStream(
        "数博会 Big Data Expo\n".getBytes(java.nio.charset.StandardCharsets.UTF_8))))
        .hasMessageContaining("glossary line 1 is not 'chinese<TAB>english'");
  }
}
