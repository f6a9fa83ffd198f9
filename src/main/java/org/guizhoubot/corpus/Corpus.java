package org.guizhoubot.corpus;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The corpus folder: one article per file, the file name without extension being its id. Files
 * larger than {@code maxBytes} and links leading out of the folder are reported and skipped.
 */
public final class Corpus {
  /** The default cap on one article file (5 MB). */
  public static final long DEFAULT_MAX_BYTES = 5_000_000L;

  /** How recent a change must be for a file's hash not to be kept: a rewrite within it may keep size and time. */
  static final Duration RACY = Duration.ofSeconds(2);

  private final Path dir;
  private final long maxBytes;
  /** Each file's hash, kept while its size, modification time and file key stay the same. */
  private final Map<Path, Hashed> hashes = new ConcurrentHashMap<>();

  /** A file's hash and what it was taken of. */
  private record Hashed(long size, FileTime modified, Object key, String sha256) {}

  public Corpus(Path dir) {
    this(dir, DEFAULT_MAX_BYTES);
  }

  public Corpus(Path dir, long maxBytes) {
    this.dir = dir.toAbsolutePath().normalize();
    if (maxBytes < 1) {
      throw new IllegalArgumentException("maxBytes must be >= 1, was " + maxBytes);
    }
    this.maxBytes = maxBytes;
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
        sweepIfStaleImport(p, name);
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
        Optional<String> refused = refusal(p);
        if (refused.isPresent()) {
          skipped.add(new Problem(name, refused.get()));
          continue;
        }
        files.add(new CorpusFile(id, p, hashOf(p)));
      } catch (IOException e) {
        skipped.add(new Problem(name, "cannot be read (" + e.getMessage() + "); skipped"));
      }
    }
    hashes.keySet().retainAll(files.stream().map(CorpusFile::path).toList());
    return new CorpusListing(files, skipped);
  }

  /**
   * The file's SHA-256, read again only when its size, modification time or file key changed since
   * the last listing (or the change was too recent to tell a later rewrite by them).
   */
  private String hashOf(Path p) throws IOException {
    BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
    Hashed known = hashes.get(p);
    if (known != null && known.size() == a.size() && known.modified().equals(a.lastModifiedTime())
        && java.util.Objects.equals(known.key(), a.fileKey())) {
      return known.sha256();
    }
    String hash = sha256(Files.readAllBytes(p));
    if (a.lastModifiedTime().toInstant().isBefore(Instant.now().minus(RACY))) {
      hashes.put(p, new Hashed(a.size(), a.lastModifiedTime(), a.fileKey(), hash));
    } else {
      hashes.remove(p);
    }
    return hash;
  }

  /** How old an import's temporary file must be before it counts as left by a killed import. */
  static final Duration STALE_IMPORT = Duration.ofMinutes(10);

  /** Deletes a temporary file an import left when it was killed (an import in progress renames it within seconds). */
  private static void sweepIfStaleImport(Path p, String name) {
    if (!name.startsWith(".import-") || !name.endsWith(".tmp")) {
      return;
    }
    try {
      if (Files.getLastModifiedTime(p).toInstant().isBefore(Instant.now().minus(STALE_IMPORT))) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      // another process removed or renamed it first
    }
  }

  /** Why a file is not read at all: a link out of the folder, or a size over the cap. */
  private Optional<String> refusal(Path p) throws IOException {
    if (Files.isSymbolicLink(p)) {
      Path target = p.toRealPath();
      if (!target.startsWith(dir.toRealPath())) {
        return Optional.of("is a link to " + target + ", outside the corpus folder; skipped");
      }
    }
    long size = Files.size(p);
    if (size > maxBytes) {
      return Optional.of(String.format(Locale.ROOT, "is %.1f MB, over the %.1f MB limit (corpus.max.file.mb); skipped",
          size / 1e6, maxBytes / 1e6));
    }
    return Optional.empty();
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
