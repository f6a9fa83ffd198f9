package org.guizhoubot.language;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ChineseSegmenterTest {
  private static final ChineseSegmenter SEGMENTER = new ChineseSegmenter(Cedict.bundled());

  @Test
  void should_cut_a_question_into_dictionary_words() {
    assertThat(SEGMENTER.segment("2018年大数据博览会吸引了多少人参加？")).extracting(Segment::text)
        .containsExactly("2018", "年", "大数据", "博览会", "吸引", "了", "多少", "人", "参加", "?");
  }

  @Test
  void should_segment_traditional_text_as_its_simplified_form() {
    assertThat(SEGMENTER.segment("貴州有多少網民")).extracting(Segment::text)
        .containsExactly("贵州", "有", "多少", "网民");
  }

  @Test
  void should_read_chinese_numerals_and_multipliers_as_numbers() {
    assertThat(SEGMENTER.segment("第二十五届")).extracting(Segment::text, Segment::kind)
        .contains(org.assertj.core.groups.Tuple.tuple("25", Segment.Kind.NUMBER));
    assertThat(SEGMENTER.segment("2.5亿元")).first().isEqualTo(new Segment("250000000", Segment.Kind.NUMBER));
    assertThat(SEGMENTER.segment("IBM和5G")).extracting(Segment::kind)
        .containsExactly(Segment.Kind.LATIN, Segment.Kind.WORD, Segment.Kind.NUMBER, Segment.Kind.LATIN);
  }

  @Test
  void should_parse_numbers_in_chinese_numerals() {
    assertThat(ChineseNumbers.value("八")).hasValue(8);
    assertThat(ChineseNumbers.value("十二")).hasValue(12);
    assertThat(ChineseNumbers.value("两千零五")).hasValue(2005);
    assertThat(ChineseNumbers.value("二〇一八")).hasValue(2018);
    assertThat(ChineseNumbers.value("三亿五千万")).hasValue(350_000_000);
    assertThat(ChineseNumbers.value("万一")).isEmpty();
  }

  @Test
  void should_read_dictionary_lines_and_skip_comments() throws IOException {
    String text = "# CC-CEDICT\n貴陽 贵阳 [Gui4 yang2] /see 貴陽市|贵阳市[Gui4yang2 Shi4]/\n"
        + "網民 网民 [wang3 min2] /netizen; Internet user/\nbroken line\n";
    Cedict d = Cedict.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));

    assertThat(d.lookup("貴陽")).singleElement().satisfies(e -> {
      assertThat(e.isName()).isTrue();
      assertThat(e.pinyin()).containsExactly("Gui4", "yang2");
    });
    assertThat(d.lookup("网民").get(0).glosses()).containsExactly("netizen; Internet user");
    assertThat(d.simplified("貴陽網民")).isEqualTo("贵阳网民");
    assertThat(d.size()).isEqualTo(4);
  }
}
