package org.guizhoubot.corpus;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.guizhoubot.fetch.FetchException;
import org.guizhoubot.fetch.Fetched;
import org.guizhoubot.fetch.SafeFetcher;

/**
 * Brings articles into the corpus folder: files, web pages, uploaded documents and JSON Lines
 * imports. Each article is parsed before it is written, so the folder only ever receives files
 * that read back as articles. Nothing is lost: an id taken by a different article is refused unless
 * replacing is asked for, and adding never deletes a file of another id. Files are written
 * readable by all (0644) through a temporary file renamed in the same folder.
 */
public final class CorpusImporter {
  /** Largest text article (.md, .txt, .html) accepted from a file or an upload. */
  public static final int MAX_BYTES = 1 << 20;
  /** Largest document (.pdf, .docx, or anything fetched from the web) accepted. */
  public static final int MAX_DOCUMENT_BYTES = 20 << 20;

  private final Corpus corpus;
  private final ArticleReader reader;
  private final SafeFetcher fetcher;
  private final ObjectMapper json = new ObjectMapper();

  public CorpusImporter(Corpus corpus, ArticleReader reader, SafeFetcher fetcher) {
    this.corpus = Objects.requireNonNull(corpus, "corpus");
    this.reader = Objects.requireNonNull(reader, "reader");
    this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
  }

  /** The most bytes accepted for a file of this name. */
  public static int maxBytes(String fileName) {
    return ArticleReader.DOCUMENT_EXTENSIONS.contains(ArticleReader.extension(fileName)) ? MAX_DOCUMENT_BYTES : MAX_BYTES;
  }

  /** Copies an article file into the corpus. */
  public AddOutcome addFile(Path source, boolean replace) {
    String name = source.getFileName().toString();
    byte[] bytes;
    try {
      if (Files.size(source) > maxBytes(name)) {
        return failed(name, "is larger than " + SafeFetcher.sizeText(maxBytes(name)));
      }
      bytes = Files.readAllBytes(source);
    } catch (IOException e) {
      return failed(name, "cannot be read (" + e.getMessage() + ")");
    }
    return addBytes(name, bytes, replace);
  }

  /** Adds an article given as the bytes of a file called {@code fileName}; the file keeps its format. */
  public AddOutcome addBytes(String fileName, byte[] bytes, boolean replace) {
    if (bytes.length > maxBytes(fileName)) {
      return failed(fileName, "is larger than " + SafeFetcher.sizeText(maxBytes(fileName)));
    }
    Article article;
    try {
      article = reader.parse(fileName, bytes);
    } catch (ArticleFormatException e) {
      return new AddOutcome.Failed(new Problem(e.fileName(), e.problem()));
    }
    String ext = ArticleReader.extension(fileName);
    return store(fileName, article, ext.equals("htm") ? "html" : ext, bytes, replace, false);
  }

  /**
   * Fetches a web page or document through the safe fetcher and adds it as Markdown; the id comes
   * from the URL. Fetching the same URL again replaces its article.
   */
  public AddOutcome addUrl(URI url, boolean replace) {
    FetchedArticle fetched = fetchUrl(url);
    if (fetched instanceof FetchedArticle.Unreadable u) {
      return new AddOutcome.Failed(u.problem());
    }
    return storeFetched(((FetchedArticle.Read) fetched).article(), replace);
  }

  /** A web page fetched and read as an article, or why it could not be. */
  public sealed interface FetchedArticle {
    record Read(Article article) implements FetchedArticle {}

    /**
     * Why the page could not be read; {@code lasting} when fetching it again cannot help (too
     * large, not an article, a refused address), not when it may (a 404, a timeout, a network error).
     */
    record Unreadable(Problem problem, boolean lasting) implements FetchedArticle {
      public Unreadable {
        java.util.Objects.requireNonNull(problem, "problem");
      }
    }
  }

  /** Whether a fetch failing for this reason would fail the same way when tried again. */
  static boolean lasting(FetchException.Reason reason) {
    return switch (reason) {
      case BAD_URL, REFUSED_SCHEME, REFUSED_ADDRESS, WRONG_CONTENT_TYPE, TOO_LARGE -> true;
      case UNKNOWN_HOST, TOO_MANY_REDIRECTS, HTTP_STATUS, TIMEOUT, NETWORK -> false;
    };
  }

  /** Fetches and reads a web page or document without writing it (see {@link #storeFetched}). */
  public FetchedArticle fetchUrl(URI url) {
    Fetched page;
    try {
      page = fetcher.fetch(url, SafeFetcher.ARTICLE_TYPES, MAX_DOCUMENT_BYTES);
    } catch (FetchException e) {
      return new FetchedArticle.Unreadable(new Problem(e.url(), e.problem()), lasting(e.reason()));
    }
    String id = ArticleIds.ofUrl(url);
    Article parsed;
    try {
      parsed = reader.parse(id + "." + extensionOf(page.mediaType()), page.body());
    } catch (ArticleFormatException e) {
      return new FetchedArticle.Unreadable(new Problem(url.toString(), e.problem()), true);
    }
    return new FetchedArticle.Read(new Article(parsed.id(), parsed.title(),
        parsed.source() == null ? url.getHost() : parsed.source(), parsed.published(),
        url.toString(), parsed.category(), parsed.body()));
  }

  /** Writes an article read by {@link #fetchUrl} as Markdown; an article from the same URL is replaced. */
  public AddOutcome storeFetched(Article article, boolean replace) {
    return store(article.url(), article, "md", markdown(article), replace, true);
  }

  /**
   * Imports one article per JSON line ({@code id}, {@code text}, optional {@code title},
   * {@code source}, {@code url}, {@code published}, {@code category}). Bad lines and repeated ids
   * are reported with their line numbers and skipped; the others are still imported.
   */
  public JsonlImport importJsonl(Path file, boolean replace) throws IOException {
    List<AddOutcome> stored = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    Map<String, Integer> firstLine = new HashMap<>();
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      int lineNo = 0;
      while ((line = in.readLine()) != null) {
        lineNo++;
        if (line.isBlank()) {
          continue;
        }
        String where = file.getFileName() + " line " + lineNo;
        JsonNode node;
        try {
          node = json.readTree(line);
        } catch (JsonProcessingException e) {
          problems.add(new Problem(where, "is not valid JSON (error at column "
              + (e.getLocation() == null ? "?" : e.getLocation().getColumnNr()) + "); skipped"));
          continue;
        }
        if (!node.isObject()) {
          problems.add(new Problem(where, "is not a JSON object; skipped"));
          continue;
        }
        String id = text(node, "id");
        if (id == null || id.isBlank()) {
          problems.add(new Problem(where, "has no \"id\"; skipped"));
          continue;
        }
        if (!ArticleIds.isSafe(id)) {
          problems.add(new Problem(where, "id '" + id + "' is not a safe file name (1-120 letters, digits,"
              + " '.', '-' or '_', starting with a letter or digit); skipped"));
          continue;
        }
        Integer first = firstLine.putIfAbsent(id, lineNo);
        if (first != null) {
          problems.add(new Problem(where, "id '" + id + "' appears again (first on line " + first + "); skipped"));
          continue;
        }
        String body = text(node, "text");
        if (body == null || body.isBlank()) {
          problems.add(new Problem(where, "article '" + id + "' has no \"text\"; skipped"));
          continue;
        }
        String title = text(node, "title");
        Article article = new Article(id, title == null || title.isBlank() ? titleFromText(body) : title,
            text(node, "source"), text(node, "published"), text(node, "url"), text(node, "category"), body);
        AddOutcome outcome = store(where, article, "md", markdown(article), replace, false);
        if (outcome.stored()) {
          stored.add(outcome);
        }
        outcome.skipped().ifPresent(problems::add);
      }
    }
    return new JsonlImport(stored, problems);
  }

  /**
   * Writes {@code bytes} as {@code id.ext} unless the id is taken by a different article. The
   * existing article is the same one when its bytes are equal, or, for {@code sameUrlReplaces},
   * when it came from the same URL.
   */
  private AddOutcome store(String input, Article article, String ext, byte[] bytes, boolean replace,
      boolean sameUrlReplaces) {
    String target = article.id() + "." + ext;
    try {
      Files.createDirectories(corpus.dir());
      Optional<Path> existing = corpus.fileOf(article.id());
      if (existing.isEmpty()) {
        writeNew(target, bytes);
        return new AddOutcome.Added(article, target);
      }
      Path old = existing.get();
      String oldName = old.getFileName().toString();
      if (oldName.equals(target) && Arrays.equals(Files.readAllBytes(old), bytes)) {
        return new AddOutcome.Unchanged(article, oldName);
      }
      Article previous = readOrNull(old);
      boolean sameSource = sameUrlReplaces && previous != null && article.url() != null
          && article.url().equals(previous.url());
      if (previous != null && previous.equals(article)) {
        return new AddOutcome.Unchanged(article, oldName);
      }
      if (!replace && !sameSource) {
        return new AddOutcome.Conflict(input, article, oldName, previous == null ? "unreadable" : previous.title());
      }
      writeReplacing(target, bytes);
      if (!oldName.equals(target)) {
        Files.deleteIfExists(old);
      }
      return new AddOutcome.Replaced(article, target, oldName);
    } catch (IOException e) {
      return failed(input, "cannot be written to the corpus folder " + corpus.dir() + " (" + e.getMessage() + ")");
    }
  }

  private Article readOrNull(Path file) {
    try {
      return reader.read(file);
    } catch (ArticleFormatException e) {
      return null;
    }
  }

  /** Writes a file that must not exist yet: a hard link from the temporary file fails if it does. */
  private void writeNew(String name, byte[] bytes) throws IOException {
    Path target = corpus.dir().resolve(name);
    Path tmp = temp(bytes);
    try {
      Files.createLink(target, tmp);
    } catch (UnsupportedOperationException e) {
      Files.move(tmp, target);
    } catch (FileAlreadyExistsException e) {
      throw new IOException(name + " appeared while it was being added", e);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  private void writeReplacing(String name, byte[] bytes) throws IOException {
    Path tmp = temp(bytes);
    try {
      Files.move(tmp, corpus.dir().resolve(name), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  private Path temp(byte[] bytes) throws IOException {
    Path tmp = Files.createTempFile(corpus.dir(), ".import-", ".tmp");
    try {
      Files.write(tmp, bytes);
      try {
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-r--r--"));
      } catch (UnsupportedOperationException e) {
        // not a POSIX file system: the default permissions apply
      }
      return tmp;
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(tmp);
      throw e;
    }
  }

  /** An article as Markdown with front matter. */
  static byte[] markdown(Article a) {
    StringBuilder s = new StringBuilder("---\n");
    s.append("title: ").append(FrontMatter.quote(a.title())).append('\n');
    if (a.source() != null) s.append("source: ").append(FrontMatter.quote(a.source())).append('\n');
    if (a.published() != null) s.append("published: ").append(FrontMatter.quote(a.published())).append('\n');
    if (a.url() != null) s.append("url: ").append(FrontMatter.quote(a.url())).append('\n');
    if (a.category() != null) s.append("category: ").append(FrontMatter.quote(a.category())).append('\n');
    s.append("---\n\n").append(a.body().strip()).append('\n');
    return s.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static String extensionOf(String mediaType) {
    return switch (mediaType) {
      case "application/pdf" -> "pdf";
      case "application/vnd.openxmlformats-officedocument.wordprocessingml.document" -> "docx";
      case "text/plain" -> "txt";
      case "text/markdown", "text/x-markdown" -> "md";
      default -> "html";
    };
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

  private static AddOutcome failed(String input, String problem) {
    return new AddOutcome.Failed(new Problem(input, problem));
  }

  private static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }

  /**
   * The outcome of a JSON Lines import: one outcome per distinct article the corpus now holds from
   * the file (added, replaced or unchanged), and the lines skipped with the reason (clashes included).
   */
  public record JsonlImport(List<AddOutcome> stored, List<Problem> problems) {
    public JsonlImport {
      stored = List.copyOf(stored);
      problems = List.copyOf(problems);
    }

    /** Distinct articles the corpus now holds from this file. */
    public int articles() {
      return stored.size();
    }

    public int added() {
      return count(AddOutcome.Added.class);
    }

    public int replaced() {
      return count(AddOutcome.Replaced.class);
    }

    public int unchanged() {
      return count(AddOutcome.Unchanged.class);
    }

    private int count(Class<? extends AddOutcome> kind) {
      return (int) stored.stream().filter(kind::isInstance).count();
    }
  }
}
