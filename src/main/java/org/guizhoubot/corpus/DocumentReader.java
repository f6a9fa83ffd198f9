package org.guizhoubot.corpus;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.openxml4j.exceptions.OLE2NotOfficeXmlFileException;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;

/**
 * Reads PDF (Apache PDFBox) and Word .docx (Apache POI) documents into articles. The title is the
 * document's metadata title, else its first heading, else its first line; the body is its text in
 * paragraphs. A PDF without a text layer (a scan) is refused as needing OCR.
 */
final class DocumentReader {
  /** A PDF with fewer letters or digits than this per page is taken for a scan without text. */
  private static final int MIN_CHARS_PER_PAGE = 20;

  private DocumentReader() {}

  static Article pdf(String id, String fileName, byte[] bytes) throws ArticleFormatException {
    try (PDDocument doc = Loader.loadPDF(bytes)) {
      PDFTextStripper stripper = new PDFTextStripper();
      stripper.setSortByPosition(true);
      stripper.setParagraphStart("");
      stripper.setParagraphEnd("\n\n");
      String raw = stripper.getText(doc);
      int pages = doc.getNumberOfPages();
      long letters = raw.codePoints().filter(Character::isLetterOrDigit).count();
      if (pages == 0 || letters < (long) MIN_CHARS_PER_PAGE * Math.max(1, pages) / 2) {
        throw new ArticleFormatException(fileName, "has no text layer (a scanned PDF?): it needs OCR"
            + " first, which guizhou-bot does not do; skipped");
      }
      List<String> paragraphs = paragraphs(raw);
      PDDocumentInformation info = doc.getDocumentInformation();
      return article(id, fileName, info.getTitle(), null, paragraphs, date(info.getCreationDate()),
          info.getAuthor());
    } catch (InvalidPasswordException e) {
      throw new ArticleFormatException(fileName, "is password-protected; save it without a password first", e);
    } catch (IOException e) {
      throw new ArticleFormatException(fileName, "is not a readable PDF (" + e.getMessage() + ")", e);
    }
  }

  static Article docx(String id, String fileName, byte[] bytes) throws ArticleFormatException {
    try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(bytes))) {
      List<String> paragraphs = new ArrayList<>();
      String heading = null;
      for (XWPFParagraph p : doc.getParagraphs()) {
        String t = p.getText().strip();
        if (t.isEmpty()) {
          continue;
        }
        String style = p.getStyle() == null ? "" : p.getStyle().toLowerCase(Locale.ROOT);
        if (heading == null && (style.startsWith("heading") || style.equals("title"))) {
          heading = t;
        }
        paragraphs.add(t);
      }
      POIXMLProperties.CoreProperties core = doc.getProperties().getCoreProperties();
      boolean metaTitle = core.getTitle() != null && !core.getTitle().isBlank();
      if (!metaTitle && heading != null && paragraphs.get(0).equals(heading)) {
        paragraphs.remove(0);
      }
      return article(id, fileName, core.getTitle(), heading, paragraphs, date(core.getCreated()), core.getCreator());
    } catch (OLE2NotOfficeXmlFileException e) {
      throw new ArticleFormatException(fileName, "is an old Word .doc file; save it as .docx first", e);
    } catch (IOException | RuntimeException e) {
      throw new ArticleFormatException(fileName, "is not a readable Word .docx document (" + e.getMessage() + ")", e);
    }
  }

  private static Article article(String id, String fileName, String metaTitle, String heading,
      List<String> paragraphs, String published, String author) throws ArticleFormatException {
    List<String> body = new ArrayList<>(paragraphs);
    String title = metaTitle == null || metaTitle.isBlank() ? heading : metaTitle.strip();
    if ((title == null || title.isBlank()) && !body.isEmpty()) {
      String first = body.get(0);
      if (first.length() <= 160) {
        title = first;
        body.remove(0);
      } else {
        title = ArticleReader.shorten(first);
      }
    }
    String text = Furniture.clean(String.join("\n\n", body));
    if (title == null || title.isBlank() || text.isBlank()) {
      throw new ArticleFormatException(fileName, "has no article text");
    }
    return new Article(id, title, author, published, null, null, text);
  }

  /** Splits extracted text at blank lines and joins the lines inside each paragraph. */
  private static List<String> paragraphs(String raw) {
    List<String> out = new ArrayList<>();
    for (String block : raw.replace("\r\n", "\n").split("\n\\s*\n")) {
      String joined = block.strip().replaceAll("-\n(?=\\p{Ll})", "").replaceAll("\\s*\n\\s*", " ");
      if (!joined.isEmpty()) {
        out.add(joined);
      }
    }
    return out;
  }

  private static String date(Calendar c) {
    return c == null ? null : date(c.getTime());
  }

  private static String date(Date d) {
    return d == null ? null : d.toInstant().atOffset(ZoneOffset.UTC).toLocalDate().toString();
  }
}
