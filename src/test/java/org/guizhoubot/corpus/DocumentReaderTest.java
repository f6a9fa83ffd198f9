package org.guizhoubot.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;

class DocumentReaderTest {
  /** A one-page PDF with these lines of text and, when given, a metadata title. */
  static byte[] pdf(String title, List<String> lines) throws IOException {
    try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      PDPage page = new PDPage();
      doc.addPage(page);
      if (title != null) {
        doc.getDocumentInformation().setTitle(title);
      }
      if (!lines.isEmpty()) {
        try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
          cs.beginText();
          cs.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 11);
          cs.setLeading(28);
          cs.newLineAtOffset(60, 720);
          for (String line : lines) {
            cs.showText(line);
            cs.newLine();
          }
          cs.endText();
        }
      }
      doc.save(out);
      return out.toByteArray();
    }
  }

  /** A .docx with a heading paragraph and body paragraphs. */
  static byte[] docx(String metaTitle, String heading, List<String> paragraphs) throws IOException {
    try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      if (metaTitle != null) {
        doc.getProperties().getCoreProperties().setTitle(metaTitle);
      }
      if (heading != null) {
        var h = doc.createParagraph();
        h.setStyle("Heading1");
        h.createRun().setText(heading);
      }
      for (String p : paragraphs) {
        doc.createParagraph().createRun().setText(p);
      }
      doc.write(out);
      return out.toByteArray();
    }
  }

  private final ArticleReader reader = new ArticleReader();

  @Test
  void should_read_a_pdf_with_its_metadata_title() throws Exception {
    byte[] bytes = pdf("Guizhou data centres report", List.of(
        "Guizhou hosts more than twenty large data centres.", "Cool weather keeps cooling costs low."));

    Article a = reader.parse("report-2024.pdf", bytes);

    assertThat(a.id()).isEqualTo("report-2024");
    assertThat(a.title()).isEqualTo("Guizhou data centres report");
    assertThat(a.body()).contains("twenty large data centres").contains("cooling costs low");
  }

  @Test
  void should_take_the_first_line_of_a_pdf_without_metadata_title() throws Exception {
    byte[] bytes = pdf(null, List.of("Big Data Expo opens", "The expo opened in Guiyang on Monday with many exhibitors."));

    Article a = reader.parse("expo.pdf", bytes);

    assertThat(a.title()).isEqualTo("Big Data Expo opens");
    assertThat(a.body()).startsWith("The expo opened in Guiyang");
  }

  @Test
  void should_report_a_pdf_without_text_as_needing_ocr() throws Exception {
    byte[] scan = pdf("Scanned", List.of());

    assertThatThrownBy(() -> reader.parse("scan-2019.pdf", scan))
        .isInstanceOf(ArticleFormatException.class)
        .hasMessageStartingWith("scan-2019.pdf: ")
        .hasMessageContaining("needs OCR");
  }

  @Test
  void should_refuse_a_broken_pdf_naming_it() {
    byte[] junk = "%PDF-1.7 this is not really a pdf".getBytes(StandardCharsets.US_ASCII);

    assertThatThrownBy(() -> reader.parse("broken.pdf", junk))
        .isInstanceOf(ArticleFormatException.class)
        .hasMessageStartingWith("broken.pdf: is not a readable PDF");
  }

  @Test
  void should_read_a_docx_taking_the_title_from_metadata_then_the_first_heading() throws Exception {
    byte[] withMeta = docx("Policy on data sharing", "Section one", List.of("Guizhou opened its government data."));
    byte[] withHeading = docx(null, "Guian New Area grows", List.of("Guian attracted many companies.", "More came later."));

    Article meta = reader.parse("policy.docx", withMeta);
    Article heading = reader.parse("guian.docx", withHeading);

    assertThat(meta.title()).isEqualTo("Policy on data sharing");
    assertThat(meta.body()).contains("Section one").contains("Guizhou opened its government data.");
    assertThat(heading.title()).isEqualTo("Guian New Area grows");
    assertThat(heading.body()).isEqualTo("Guian attracted many companies.\n\nMore came later.");
  }

  @Test
  void should_refuse_a_file_that_is_not_a_docx() {
    byte[] notZip = "plain text pretending".getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> reader.parse("fake.docx", notZip))
        .isInstanceOf(ArticleFormatException.class)
        .hasMessageStartingWith("fake.docx: ");
  }
}
