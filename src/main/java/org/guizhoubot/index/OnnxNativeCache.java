package org.guizhoubot.index;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * ONNX Runtime's native libraries unpacked once per user into a fixed cache folder, which ONNX
 * Runtime is told about through its {@code onnxruntime.native.path} property, instead of into a new
 * temporary folder on every run (left behind by a kill, and empty ones even on a clean exit).
 */
public final class OnnxNativeCache {
  static final String PROPERTY = "onnxruntime.native.path";
  private static final Logger log = LoggerFactory.getLogger(OnnxNativeCache.class);
  private static final Duration STALE = Duration.ofMinutes(10);

  private OnnxNativeCache() {}

  /**
   * Points ONNX Runtime at {@code $XDG_CACHE_HOME/guizhou-bot} (default {@code ~/.cache/guizhou-bot}),
   * unpacking the libraries there when missing, and removes empty temporary folders earlier runs
   * left. Does nothing when the property is set already or this platform's libraries are not in the
   * jar; a failure is logged and ONNX Runtime then unpacks as it always did.
   */
  public static Optional<Path> install(Map<String, String> env) {
    String xdg = env.get("XDG_CACHE_HOME");
    Path root = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
    sweepEmptyTempFolders(Path.of(System.getProperty("java.io.tmpdir")));
    return install(root.resolve("guizhou-bot"));
  }

  static Optional<Path> install(Path cacheRoot) {
    if (System.getProperty(PROPERTY) != null) {
      return Optional.empty();
    }
    String platform = platform();
    // the class literal loads the class without initialising it, so nothing native is loaded yet
    String version = ai.onnxruntime.OrtEnvironment.class.getPackage().getImplementationVersion();
    URL main = OnnxNativeCache.class.getResource("/ai/onnxruntime/native/" + platform + "/" + System.mapLibraryName("onnxruntime"));
    if (version == null && main != null) {
      try {
        // a repackaged jar has no version: the library's size tells builds apart
        version = "size" + main.openConnection().getContentLengthLong();
      } catch (IOException e) {
        version = "unknown";
      }
    }
    Path dir = cacheRoot.resolve("onnxruntime-" + version + "-" + platform);
    try {
      for (String lib : List.of("onnxruntime", "onnxruntime4j_jni")) {
        String name = System.mapLibraryName(lib);
        URL resource = OnnxNativeCache.class.getResource("/ai/onnxruntime/native/" + platform + "/" + name);
        if (resource == null) {
          log.debug("No {} for {} in the jar; ONNX Runtime unpacks its own", name, platform);
          return Optional.empty();
        }
        unpackIfMissing(resource, dir.resolve(name));
      }
    } catch (IOException e) {
      log.warn("Cannot unpack ONNX Runtime into {}: {}; it unpacks into a temporary folder instead", dir, e.getMessage());
      return Optional.empty();
    }
    System.setProperty(PROPERTY, dir.toString());
    return Optional.of(dir);
  }

  /** Copies the resource unless a file of its size is there; written beside and renamed, so never seen half-written. */
  private static void unpackIfMissing(URL resource, Path target) throws IOException {
    URLConnection c = resource.openConnection();
    long size = c.getContentLengthLong();
    if (Files.isRegularFile(target) && size >= 0 && Files.size(target) == size) {
      return;
    }
    Files.createDirectories(target.getParent());
    Path tmp = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".part");
    try (InputStream in = c.getInputStream()) {
      Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(tmp);
    }
    log.info("Unpacked {} into {}", target.getFileName(), target.getParent());
  }

  /** Empty {@code onnxruntime-java*} folders older than ten minutes: what ONNX Runtime leaves on every run. */
  static int sweepEmptyTempFolders(Path tmp) {
    int removed = 0;
    Instant before = Instant.now().minus(STALE);
    try (DirectoryStream<Path> dirs = Files.newDirectoryStream(tmp, "onnxruntime-java*")) {
      for (Path d : dirs) {
        try {
          if (Files.isDirectory(d) && Files.getLastModifiedTime(d).toInstant().isBefore(before) && isEmpty(d)) {
            Files.delete(d);
            removed++;
          }
        } catch (IOException e) {
          log.debug("Leaving {}: {}", d, e.getMessage());
        }
      }
    } catch (IOException e) {
      log.debug("Cannot list {}: {}", tmp, e.getMessage());
    }
    return removed;
  }

  private static boolean isEmpty(Path dir) throws IOException {
    try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
      return !s.iterator().hasNext();
    }
  }

  /** ONNX Runtime's name for this platform's folder in its jar, e.g. linux-x64. */
  static String platform() {
    String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
    String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
    String o = os.contains("mac") || os.contains("darwin") ? "osx" : os.contains("win") ? "win" : "linux";
    String a = arch.equals("amd64") || arch.equals("x86_64") ? "x64" : arch.equals("aarch64") || arch.equals("arm64") ? "aarch64" : arch;
    return o + "-" + a;
  }
}
