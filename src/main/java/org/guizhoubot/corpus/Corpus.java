package org.guizhoubot.corpus;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** The corpus folder: one article per file, the file name without extension being its id. */
public final class Corpus {
  private final Path dir;

  public Corpus(Path dir) {
    this.dir = dir.toAbsolutePath().normalize();
  }

  public Path dir() {
    return dir;
  }

  /** Lists the article files with their content hashes; unsupported or clashing files are skipped. */
  public CorpusListing list() throws IOException {
    if (!Files.isDirectory(dir)) {
      throw new IOException("corpus folder " + dir + " does not exist");
    }
    List<Path> paths;
    try (Stream<Path> s = Files.list(dir)) {
      paths = s.filter(Files::isRegularFile).sorted().toList();
    }
    List<CorpusFile> files = new ArrayList<>();
    List<Problem> skipped = new ArrayList<>();
    Map<String, String> seen = new HashMap<>();
    for (Path p : paths) {
      String name = p.getFileName().toString();
      if (name.startsWith(".")) {
        continue;
      }
      if (!ArticleReader.isSupported(name)) {
        skipped.add(new Problem(name, "unsupported file type (expected .md, .txt, .html, .pdf or .docx); skipped"));
        continue;
      }
      String id = ArticleIds.ofFileName(name);
      if (!ArticleIds.isSafe(id)) {
        skipped.add(new Problem(name, "file name is not a safe article id; skipped"));
        continue;
      }
      String other = seen.putIfAbsent(id, name);
      if (other != null) {
        skipped.add(new Problem(name, "article id '" + id + "' is already taken by " + other + "; skipped"));
        continue;
      }
      try {
        files.add(new CorpusFile(id, p, sha256(Files.readAllBytes(p))));
      } catch (IOException e) {
        skipped.add(new Problem(name, "cannot be read (" + e.getMessage() + "); skipped"));
      }
    }
    return new CorpusListing(files, skipped);
  }

  /** The file holding article {@code id}, if there is one. */
  public Optional<Path> fileOf(String id) {
    ArticleIds.requireSafe(id);
    for (String ext : ArticleReader.EXTENSIONS) {
      Path p = dir.resolve(id + "." + ext);
      if (Files.isRegularFile(p)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  /** Deletes every file of article {@code id}; returns their names, empty when there was none. */
  public List<String> remove(String id) throws IOException {
    ArticleIds.requireSafe(id);
    List<String> removed = new ArrayList<>();
    for (String ext : ArticleReader.EXTENSIONS) {
      Path p = dir.resolve(id + "." + ext);
      if (Files.deleteIfExists(p)) {
        removed.add(p.getFileName().toString());
      }
    }
    return removed;
  }

  /** The SHA-256 of the bytes in lower-case hex: the one content hash of the project. */
  public static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
