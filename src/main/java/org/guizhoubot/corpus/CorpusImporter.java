package org.guizhoubot.corpus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.guizhoubot.web.Urls;

/**
 * Brings articles into the corpus folder: files, web pages, uploaded documents and JSON Lines
 * imports. Each article is parsed before it is written, so the folder only ever receives files
 * that read back as articles; an existing id is replaced.
 */
public final class CorpusImporter {
  /** Largest article accepted from a file, a page or an upload. */
  public static final int MAX_BYTES = 1 << 20;

  private final Corpus corpus;
  private final ArticleReader reader;
  private final HttpClient http;
  private final ObjectMapper json = new ObjectMapper();

  public CorpusImporter(Corpus corpus, ArticleReader reader, HttpClient http) {
    this.corpus = corpus;
    this.reader = reader;
    this.http = http;
  }

  /** Copies an article file into the corpus. */
  public Article addFile(Path source) throws ArticleFormatException {
    String name = source.getFileName().toString();
    byte[] bytes;
    try {
      if (Files.size(source) > MAX_BYTES) {
        throw new ArticleFormatException(name, "is larger than 1 MB");
      }
      bytes = Files.readAllBytes(source);
    } catch (IOException e) {
      throw new ArticleFormatException(name, "cannot be read (" + e.getMessage() + ")", e);
    }
    return addBytes(name, bytes);
  }

  /** Adds an article given as the bytes of a file called {@code fileName}. */
  public Article addBytes(String fileName, byte[] bytes) throws ArticleFormatException {
    if (bytes.length > MAX_BYTES) {
      throw new ArticleFormatException(fileName, "is larger than 1 MB");
    }
    Article article = reader.parse(fileName, bytes);
    write(article.id(), ArticleReader.extension(fileName), bytes);
    return article;
  }

  /** Fetches a web page (or plain text) and adds it; the id comes from the URL's last segment. */
  public Article addUrl(URI url) throws ArticleFormatException {
    if (!Urls.isWeb(url)) {
      throw new ArticleFormatException(url.toString(), "only http and https links can be added");
    }
    HttpResponse<byte[]> response;
    try {
      response = http.send(
          HttpRequest.newBuilder(url)
              .timeout(Duration.ofSeconds(20))
              .header("User-Agent", "guizhou-bot (article import)")
              .GET()
              .build(),
          HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new ArticleFormatException(url.toString(), "could not be fetched (" + e.getMessage() + ")", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ArticleFormatException(url.toString(), "fetch was interrupted", e);
    }
    if (response.statusCode() / 100 != 2) {
      throw new ArticleFormatException(url.toString(), "answered HTTP " + response.statusCode());
    }
    String type = response.headers().firstValue("Content-Type").orElse("text/html").toLowerCase(Locale.ROOT);
    String ext;
    if (type.contains("html") || type.contains("xml")) {
      ext = "html";
    } else if (type.contains("markdown")) {
      ext = "md";
    } else if (type.startsWith("text/")) {
      ext = "txt";
    } else {
      throw new ArticleFormatException(url.toString(), "is not a web page or text (" + type + ")");
    }
    if (response.body().length > MAX_BYTES) {
      throw new ArticleFormatException(url.toString(), "is larger than 1 MB");
    }
    Article page = reader.parse(idFromUrl(url) + "." + ext, response.body());
    Article article = new Article(page.id(), page.title(),
        page.source() == null ? url.getHost() : page.source(), page.published(),
        page.url() == null ? url.toString() : page.url(), page.category(), page.body());
    try {
      writeMarkdown(article);
    } catch (IOException e) {
      throw new ArticleFormatException(url.toString(), "cannot be written to the corpus (" + e.getMessage() + ")", e);
    }
    return article;
  }

  /** Imports one article per JSON line ({@code id}, {@code text}, optional metadata). */
  public JsonlImport importJsonl(Path file) throws IOException {
    List<String> added = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      int lineNo = 0;
      while ((line = in.readLine()) != null) {
        lineNo++;
        if (line.isBlank()) {
          continue;
        }
        String where = file.getFileName() + " line " + lineNo;
        try {
          JsonNode node = json.readTree(line);
          String id = text(node, "id");
          if (id == null || !ArticleIds.isSafe(id)) {
            problems.add(new Problem(where, "id '" + id + "' is missing or not a safe file name; skipped"));
            continue;
          }
          String body = text(node, "text");
          if (body == null || body.isBlank()) {
            problems.add(new Problem(where, "article '" + id + "' has no text; skipped"));
            continue;
          }
          String title = text(node, "title");
          if (title == null) {
            title = titleFromText(body);
          }
          writeMarkdown(new Article(id, title, text(node, "source"), text(node, "published"),
              text(node, "url"), text(node, "category"), body));
          added.add(id);
        } catch (IOException | IllegalArgumentException e) {
          problems.add(new Problem(where, e.getMessage() + "; skipped"));
        }
      }
    }
    return new JsonlImport(added, problems);
  }

  /** Writes an article as Markdown with front matter, replacing any file of the same id. */
  public void writeMarkdown(Article a) throws IOException {
    StringBuilder s = new StringBuilder("---\n");
    s.append("title: ").append(FrontMatter.quote(a.title())).append('\n');
    if (a.source() != null) s.append("source: ").append(FrontMatter.quote(a.source())).append('\n');
    if (a.published() != null) s.append("published: ").append(FrontMatter.quote(a.published())).append('\n');
    if (a.url() != null) s.append("url: ").append(FrontMatter.quote(a.url())).append('\n');
    if (a.category() != null) s.append("category: ").append(FrontMatter.quote(a.category())).append('\n');
    s.append("---\n\n").append(a.body().strip()).append('\n');
    writeRaw(a.id(), "md", s.toString().getBytes(StandardCharsets.UTF_8));
  }

  private void write(String id, String ext, byte[] bytes) throws ArticleFormatException {
    try {
      writeRaw(id, ext.equals("htm") ? "html" : ext, bytes);
    } catch (IOException e) {
      throw new ArticleFormatException(id + "." + ext, "cannot be written to the corpus (" + e.getMessage() + ")", e);
    }
  }

  private void writeRaw(String id, String ext, byte[] bytes) throws IOException {
    ArticleIds.requireSafe(id);
    Files.createDirectories(corpus.dir());
    Path target = corpus.dir().resolve(id + "." + ext);
    Path tmp = Files.createTempFile(corpus.dir(), ".import-", ".tmp");
    try {
      Files.write(tmp, bytes);
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
    for (String other : ArticleReader.EXTENSIONS) {
      if (!other.equals(ext)) {
        Files.deleteIfExists(corpus.dir().resolve(id + "." + other));
      }
    }
  }

  /** A safe article id made from a URL's last path segment (or its host). */
  static String idFromUrl(URI url) {
    String path = url.getPath() == null ? "" : url.getPath();
    String[] parts = path.split("/");
    String last = "";
    for (int i = parts.length - 1; i >= 0 && last.isBlank(); i--) {
      last = parts[i];
    }
    if (last.isBlank()) {
      last = url.getHost() == null ? "article" : url.getHost();
    } else {
      last = ArticleIds.ofFileName(last);
    }
    String base = last.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]+", "-")
        .replaceAll("^[^a-z0-9]+", "").replaceAll("[.-]+$", "");
    if (base.length() > 100) {
      base = base.substring(0, 100);
    }
    return base.isEmpty() || !ArticleIds.isSafe(base) ? "article-" + Integer.toHexString(url.hashCode()) : base;
  }

  static String titleFromText(String body) {
    String s = body.strip();
    int nl = s.indexOf('\n');
    if (nl > 0 && nl <= 160) {
      return s.substring(0, nl).strip();
    }
    int end = s.indexOf(". ");
    return ArticleReader.shorten(end > 0 && end < 160 ? s.substring(0, end) : s);
  }

  private static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }

  /** The outcome of a JSON Lines import. */
  public record JsonlImport(List<String> ids, List<Problem> problems) {
    public JsonlImport {
      ids = List.copyOf(ids);
      problems = List.copyOf(problems);
    }

    public int imported() {
      return ids.size();
    }
  }
}
