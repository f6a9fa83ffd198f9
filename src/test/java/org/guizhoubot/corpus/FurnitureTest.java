package org.guizhoubot.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FurnitureTest {
  @Test
  void should_recognise_page_furniture_from_news_sites() {
    assertThat(Furniture.isFurniture("Representative Image")).isTrue();
    assertThat(Furniture.isFurniture("Home\u00a0 >\u00a0  Industries")).isTrue();
    assertThat(Furniture.isFurniture("Copyright © China Daily. All rights Reserved.")).isTrue();
    assertThat(Furniture.isFurniture("eguizhou.gov.cn| Updated: 2022-01-07 Print")).isTrue();
    assertThat(Furniture.isFurniture("An exhibition hall of big data technology in Guiyang. [Photo/Xinhua]")).isTrue();
    assertThat(Furniture.isFurniture("Please contact us with feedback, news or stories:")).isTrue();
    assertThat(Furniture.isFurniture("Print")).isTrue();
  }

  @Test
  void should_keep_article_sentences() {
    assertThat(Furniture.isFurniture("Guizhou has become one of China's eight national computing network hubs."))
        .isFalse();
    assertThat(Furniture.isFurniture("The company said its printing business grew by 20 percent.")).isFalse();
  }

  @Test
  void should_clean_text_into_paragraphs_without_repeats() {
    String text = "Title line\n\nRepresentative Image\nSame paragraph\nSame paragraph\n\n\nLast one.";

    assertThat(Furniture.clean(text)).isEqualTo("Title line\n\nSame paragraph\n\nLast one.");
  }
}
