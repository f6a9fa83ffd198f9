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

  @Test
  void should_recognise_a_newsletter_plug_and_a_short_live_notice() {
    assertThat(Furniture.isFurniture("Our weekly digest is now live - read it here")).isTrue();
    assertThat(Furniture.isFurniture("Subscribe to our newsletter")).isTrue();
  }

  /**
   * A hostile line made of the words a pattern looks for: classified (as text, being far longer
   * than any furniture) instead of backtracking for minutes, as the old nested-wildcard pattern
   * did on 960 KB of this. Speed is measured by the furniture benchmark, not asserted here.
   */
  @Test
  void should_treat_a_huge_repetitive_line_as_text() {
    String hostile = "is now live ".repeat(80_000);

    assertThat(Furniture.isFurniture(hostile)).isFalse();
    assertThat(Furniture.clean(hostile + "\nPrint")).isEqualTo(hostile.strip());
  }

  @Test
  void should_judge_lines_up_to_the_length_limit_and_none_beyond() {
    String padded = "Copyright " + "x".repeat(Furniture.MAX_LENGTH - 10);

    assertThat(Furniture.isFurniture(padded)).isTrue();
    assertThat(Furniture.isFurniture(padded + "x")).isFalse();
  }

  @Test
  void should_drop_nul_and_other_control_characters() {
    assertThat(Furniture.clean("Guizhou\u0000 hosts\u0007 the\texpo.\u001b")).isEqualTo("Guizhou hosts the expo.");
  }
}
