package org.guizhoubot.corpus;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
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
  private final CorpusWriter writer;

  public CorpusImporter(Corpus corpus, ArticleReader reader, SafeFetcher fetcher) {
    this.corpus = Objects.requireNonNull(corpus, "corpus");
    this.reader = Objects.requireNonNull(reader, "reader");
    this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
    this.writer = new CorpusWriter(corpus, reader);
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
    return writer.store(fileName, article, ext.equals("htm") ? "html" : ext, bytes, replace, false);
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
    return writer.store(article.url(), article, "md", ArticleMarkdown.of(article), replace, true);
  }

  /**
   * Imports one article per JSON line ({@code id}, {@code text}, optional {@code title},
   * {@code source}, {@code url}, {@code published}, {@code category}). Bad lines and repeated ids
   * are reported with their line numbers and skipped; the others are still imported.
   */
  public JsonlImport importJsonl(Path file, boolean replace) throws IOException {
    return JsonlArticles.importFile(file, replace, writer);
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

  private static AddOutcome failed(String input, String problem) {
    return new AddOutcome.Failed(new Problem(input, problem));
  }

}
