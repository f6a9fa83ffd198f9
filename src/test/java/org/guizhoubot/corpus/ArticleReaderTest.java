package org.guizhoubot.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.guizhoubot.TestFixtures;
import org.junit.jupiter.api.Test;

class ArticleReaderTest {
  private final ArticleReader reader = new ArticleReader();

  @Test
  void should_read_markdown_front_matter_and_drop_furniture() throws Exception {
    Article a = reader.read(TestFixtures.resource("articles/front-matter.md"));

    assertThat(a.id()).isEqualTo("front-matter");
    assertThat(a.title()).isEqualTo("Data centres: a \"cool\" business");
    assertThat(a.source()).isEqualTo("Test Gazette");
    assertThat(a.published()).isEqualTo("2021-03-04");
    assertThat(a.url()).isEqualTo("https://example.org/data-centres");
    assertThat(a.body()).startsWith("Guizhou's cool climate").doesNotContain("Representative Image")
        .doesNotContain("Copyright");
  }

  @Test
  void should_take_the_title_of_plain_text_from_its_first_line() throws Exception {
    Article a = reader.read(TestFixtures.resource("articles/plain.txt"));

    assertThat(a.title()).isEqualTo("Cloud valley opens");
    assertThat(a.body()).isEqualTo("A new cloud valley opened in Gui’an on Friday. It hosts 12 firms.");
    assertThat(a.source()).isNull();
  }

  @Test
  void should_extract_the_main_text_and_metadata_of_html() throws Exception {
    Article a = reader.read(TestFixtures.resource("articles/page.html"));

    assertThat(a.title()).isEqualTo("Guiyang hosts a data trading fair");
    assertThat(a.source()).isEqualTo("Example Daily");
    assertThat(a.published()).isEqualTo("2019-05-26");
    assertThat(a.body()).contains("More than 300 firms came", "return next year & grow.")
        .doesNotContain("tracking", "color: red", "Photo:", "Home", "Copyright");
  }

  @Test
  void should_take_an_html_pages_source_from_its_publisher_else_its_author() throws Exception {
    String body = "<body><article><p>Guiyang opened a data exchange.</p></article></body></html>";
    Article publisher = reader.parse("a.html", ("<html><head><title>T</title>"
        + "<meta property=\"article:publisher\" content=\"Guizhou Daily\"><meta name=\"author\" content=\"Li Ming\">"
        + "</head>" + body).getBytes(StandardCharsets.UTF_8));
    Article author = reader.parse("b.html", ("<html><head><title>T</title>"
        + "<meta property=\"article:publisher\" content=\"https://www.facebook.com/guizhoudaily\">"
        + "<meta name=\"author\" content=\"Li Ming\"></head>" + body).getBytes(StandardCharsets.UTF_8));

    assertThat(publisher.source()).isEqualTo("Guizhou Daily");
    assertThat(author.source()).isEqualTo("Li Ming");
  }

  @Test
  void should_refuse_other_formats_and_broken_documents_naming_the_file() {
    assertThatThrownBy(() -> reader.parse("slides.pptx", new byte[] {1, 2, 3}))
        .isInstanceOf(ArticleFormatException.class)
        .hasMessage("slides.pptx: unsupported file type (expected .md, .txt, .html, .pdf or .docx)");
    assertThatThrownBy(() -> reader.read(TestFixtures.resource("articles/paper.pdf")))
        .isInstanceOf(ArticleFormatException.class)
        .hasMessageStartingWith("paper.pdf: is not a readable PDF");
  }

  @Test
  void should_refuse_text_that_is_not_utf8() {
    assertThatThrownBy(() -> reader.read(TestFixtures.resource("articles/latin1.txt")))
        .isInstanceOf(ArticleFormatException.class)
        .hasMessageContaining("latin1.txt: is not UTF-8");
  }

  @Test
  void should_refuse_front_matter_that_is_never_closed() {
    assertThatThrownBy(() -> reader.read(TestFixtures.resource("articles/unclosed.md")))
        .isInstanceOf(ArticleFormatException.class)
        .hasMessageContaining("unclosed.md")
        .hasMessageContaining("never closed");
  }

  @Test
  void should_refuse_an_unsafe_file_name_and_an_empty_body() {
    assertThatThrownBy(() -> reader.parse("..hidden.md", "x\n\ny".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(ArticleFormatException.class).hasMessageContaining("safe article id");
    assertThatThrownBy(() -> reader.parse("empty.md", "---\ntitle: t\n---\n\n".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(ArticleFormatException.class).hasMessageContaining("empty.md: has no article text");
  }

  @Test
  void should_read_every_seed_article_without_furniture() throws Exception {
    for (String id : new String[] {"big-data-expo-2018-deals", "big-data-looms-large-2019",
        "big-data-valley-2017-expo", "big-data-valley-expo", "guizhou-beefs-up-big-data-2022"}) {
      Article a = reader.read(TestFixtures.seeds().resolve(id + ".md"));
      assertThat(a.title()).isNotBlank();
      assertThat(a.body()).doesNotContain("Representative Image", "Copyright", "Print\n", "[Photo",
          "Photo: AFP", "Home >", "Please contact us", "is now live", "originally published");
    }
  }
}
