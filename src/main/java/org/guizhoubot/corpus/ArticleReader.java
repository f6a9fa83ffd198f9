package org.guizhoubot.corpus;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * Reads one article file: Markdown or plain text with optional YAML front matter, an HTML page
 * whose main text is extracted, or a PDF or Word .docx document. Furniture lines are dropped. Anything else is refused with a
 * message naming the file.
 */
public final class ArticleReader {
  /** File extensions the corpus accepts, lower case, without the dot. */
  public static final Set<String> EXTENSIONS = Set.of("md", "txt", "html", "htm", "pdf", "docx");

  /** Extensions of binary documents, which may be larger than text articles. */
  public static final Set<String> DOCUMENT_EXTENSIONS = Set.of("pdf", "docx");

  private static final int MAX_TITLE = 160;
  /** The HTML elements whose text makes an article's paragraphs. */
  private static final Set<String> BLOCKS = Set.of("p", "h2", "h3", "h4", "li", "blockquote", "pre");

  /** True when the file name has an extension the reader understands. */
  public static boolean isSupported(String fileName) {
    return EXTENSIONS.contains(extension(fileName));
  }

  public Article read(Path file) throws ArticleFormatException {
    String name = file.getFileName().toString();
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new ArticleFormatException(name, "cannot be read (" + e.getMessage() + ")", e);
    }
    return parse(name, bytes);
  }

  /** Parses the bytes of a file called {@code fileName}; the id is the name without extension. */
  public Article parse(String fileName, byte[] bytes) throws ArticleFormatException {
    String ext = extension(fileName);
    if (!EXTENSIONS.contains(ext)) {
      throw new ArticleFormatException(
          fileName, "unsupported file type (expected .md, .txt, .html, .pdf or .docx)");
    }
    String id = ArticleIds.ofFileName(fileName);
    if (!ArticleIds.isSafe(id)) {
      throw new ArticleFormatException(
          fileName, "the file name is not a safe article id (letters, digits, '.', '-', '_')");
    }
    if (ext.equals("pdf")) {
      return DocumentReader.pdf(id, fileName, bytes);
    }
    if (ext.equals("docx")) {
      return DocumentReader.docx(id, fileName, bytes);
    }
    String text = decodeUtf8(fileName, bytes);
    try {
      return ext.startsWith("htm") ? fromHtml(id, text) : fromText(id, fileName, text);
    } catch (IllegalArgumentException e) {
      throw new ArticleFormatException(fileName, e.getMessage(), e);
    }
  }

  private static Article fromText(String id, String fileName, String text)
      throws ArticleFormatException {
    String s = text.startsWith("\uFEFF") ? text.substring(1) : text;
    s = s.replace("\r\n", "\n").replace('\r', '\n');
    Map<String, String> meta = new LinkedHashMap<>();
    if (s.startsWith("---\n")) {
      int end = s.indexOf("\n---", 4);
      if (end < 0) {
        throw new ArticleFormatException(fileName, "front matter opened with '---' is never closed");
      }
      meta = FrontMatter.parse(fileName, s.substring(4, end));
      int after = s.indexOf('\n', end + 4);
      s = after < 0 ? "" : s.substring(after + 1);
    }
    String body = Furniture.clean(s);
    String title = meta.get("title");
    if (title == null || title.isBlank()) {
      int nl = body.indexOf('\n');
      String first = nl < 0 ? body : body.substring(0, nl);
      if (nl > 0 && first.length() <= MAX_TITLE) {
        title = first;
        body = body.substring(nl).strip();
      } else {
        title = shorten(first);
      }
    }
    if (body.isBlank()) {
      throw new ArticleFormatException(fileName, "has no article text");
    }
    return new Article(
        id, title.strip(), meta.get("source"), meta.get("published"), meta.get("url"),
        meta.get("category"), body);
  }

  private static Article fromHtml(String id, String html) {
    Document doc = Jsoup.parse(html);
    doc.select("script, style, noscript, nav, header, footer, aside, form, figure, figcaption, iframe, button")
        .remove();
    String title = firstNonBlank(
        meta(doc, "property", "og:title"),
        doc.selectFirst("h1") == null ? null : doc.selectFirst("h1").text(),
        doc.title());
    Element main = firstNonNull(doc.selectFirst("article"), doc.selectFirst("main"), doc.body());
    StringBuilder text = new StringBuilder();
    // One pass, outermost blocks only (a list inside a list item is part of the item's text): linear
    // in the page, where asking each block for its ancestors was quadratic on deep nesting.
    NodeTraversor.filter(new NodeFilter() {
      @Override
      public FilterResult head(Node node, int depth) {
        if (node instanceof Element block && BLOCKS.contains(block.normalName())) {
          String t = block.text().strip();
          if (!t.isEmpty()) {
            text.append(t).append("\n\n");
          }
          return FilterResult.SKIP_CHILDREN;
        }
        return FilterResult.CONTINUE;
      }
    }, main);
    if (text.length() == 0) {
      text.append(main.text());
    }
    String body = Furniture.clean(text.toString());
    if (title == null || title.isBlank()) {
      int nl = body.indexOf('\n');
      title = shorten(nl < 0 ? body : body.substring(0, nl));
    }
    return new Article(
        id, title.strip(), htmlSource(doc),
        firstNonBlank(meta(doc, "property", "article:published_time"), meta(doc, "name", "date")),
        firstNonBlank(meta(doc, "property", "og:url"), canonical(doc)), null, body);
  }

  /**
   * The publication: {@code og:site_name}, else {@code article:publisher} unless it is a web address
   * (Facebook's Open Graph puts the publisher's page there), else the {@code author} meta tag.
   */
  private static String htmlSource(Document doc) {
    String publisher = firstNonBlank(meta(doc, "property", "article:publisher"), meta(doc, "name", "article:publisher"));
    if (publisher != null && publisher.strip().matches("(?i)^https?://.*")) {
      publisher = null;
    }
    return firstNonBlank(meta(doc, "property", "og:site_name"), publisher, meta(doc, "name", "author"));
  }

  private static String meta(Document doc, String attr, String value) {
    Element e = doc.selectFirst("meta[" + attr + "=" + value + "]");
    return e == null ? null : e.attr("content");
  }

  private static String canonical(Document doc) {
    Element e = doc.selectFirst("link[rel=canonical]");
    return e == null ? null : e.attr("href");
  }

  /** A title of at most 80 characters: cut at a word boundary when one is near, with an ellipsis. */
  static String shorten(String line) {
    if (line.length() <= 80) {
      return line;
    }
    int cut = line.lastIndexOf(' ', 80);
    return line.substring(0, cut > 20 ? cut : 80) + "…";
  }

  private static String decodeUtf8(String fileName, byte[] bytes) throws ArticleFormatException {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw new ArticleFormatException(fileName, "is not UTF-8 text", e);
    }
  }

  static String extension(String fileName) {
    int dot = fileName.lastIndexOf('.');
    return dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
  }

  @SafeVarargs
  private static <T> T firstNonNull(T... values) {
    for (T v : values) {
      if (v != null) {
        return v;
      }
    }
    return null;
  }

  private static String firstNonBlank(String... values) {
    for (String v : values) {
      if (v != null && !v.isBlank()) {
        return v.strip();
      }
    }
    return null;
  }
}
