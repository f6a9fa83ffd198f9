package org.guizhoubot.library;

import java.net.URI;
import java.nio.file.Path;
import java.util.Objects;

/** Where an article to add comes from; {@link #name()} names it in reports. */
public sealed interface ArticleSource {
  String name();

  /** An article file on this machine ({@code .md}, {@code .txt}, {@code .html}). */
  record File(Path path) implements ArticleSource {
    public File {
      Objects.requireNonNull(path, "path");
    }

    @Override
    public String name() {
      return path.toString();
    }
  }

  /** A web page to fetch. */
  record Url(URI url) implements ArticleSource {
    public Url {
      Objects.requireNonNull(url, "url");
    }

    @Override
    public String name() {
      return url.toString();
    }
  }

  /** The bytes of a file sent by a user, under the name it was sent with. */
  record Upload(String fileName, byte[] bytes) implements ArticleSource {
    public Upload {
      Objects.requireNonNull(fileName, "fileName");
      Objects.requireNonNull(bytes, "bytes");
    }

    @Override
    public String name() {
      return fileName;
    }
  }

  /** A JSON Lines file, one article per line. */
  record Jsonl(Path path) implements ArticleSource {
    public Jsonl {
      Objects.requireNonNull(path, "path");
    }

    @Override
    public String name() {
      return path.toString();
    }
  }
}
