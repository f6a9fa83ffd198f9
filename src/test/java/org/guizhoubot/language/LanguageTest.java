package org.guizhoubot.language;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LanguageTest {
  @Test
  void should_tell_chinese_in_either_script_from_english() {
    assertThat(Language.of("苹果公司在贵州做了什么？")).isEqualTo(Language.CHINESE);
    assertThat(Language.of("蘋果公司在貴州做了什麼？")).isEqualTo(Language.CHINESE);
    assertThat(Language.of("IBM在贵阳有数据中心吗")).isEqualTo(Language.CHINESE);
    assertThat(Language.of("What did Apple do in Guizhou?")).isEqualTo(Language.ENGLISH);
    assertThat(Language.of("What does 大数据 mean in Guizhou's plans for the coming years?")).isEqualTo(Language.ENGLISH);
  }

  @Test
  void should_not_take_japanese_or_a_single_character_for_chinese() {
    assertThat(Language.of("データセンターはどこですか")).isEqualTo(Language.ENGLISH);
    assertThat(Language.of("東京のデータセンター")).isEqualTo(Language.ENGLISH);
    assertThat(Language.of("贵")).isEqualTo(Language.ENGLISH);
    assertThat(Language.of("")).isEqualTo(Language.ENGLISH);
    assertThat(Language.of(null)).isEqualTo(Language.ENGLISH);
  }
}
