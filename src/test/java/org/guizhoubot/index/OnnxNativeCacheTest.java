package org.guizhoubot.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ONNX Runtime's libraries unpacked once into a fixed folder; empty temporary folders of earlier runs removed. */
class OnnxNativeCacheTest {
  @TempDir Path dir;
  private final String before = System.getProperty(OnnxNativeCache.PROPERTY);

  @AfterEach
  void restore() {
    if (before == null) {
      System.clearProperty(OnnxNativeCache.PROPERTY);
    } else {
      System.setProperty(OnnxNativeCache.PROPERTY, before);
    }
  }

  @Test
  void should_unpack_the_libraries_once_into_the_cache_folder_and_point_onnx_runtime_at_it() throws Exception {
    System.clearProperty(OnnxNativeCache.PROPERTY);
    Optional<Path> first = OnnxNativeCache.install(dir);
    assertThat(first).isPresent();
    Path lib = first.get().resolve(System.mapLibraryName("onnxruntime"));
    assertThat(lib).isRegularFile();
    assertThat(first.get().resolve(System.mapLibraryName("onnxruntime4j_jni"))).isRegularFile();
    assertThat(System.getProperty(OnnxNativeCache.PROPERTY)).isEqualTo(first.get().toString());
    FileTime written = FileTime.from(Instant.parse("2020-01-01T00:00:00Z"));
    Files.setLastModifiedTime(lib, written);

    System.clearProperty(OnnxNativeCache.PROPERTY);
    assertThat(OnnxNativeCache.install(dir)).isEqualTo(first);

    assertThat(Files.getLastModifiedTime(lib)).as("not written again").isEqualTo(written);
    try (var files = Files.list(first.get())) {
      assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".part"));
    }
  }

  @Test
  void should_remove_only_old_empty_onnx_runtime_temporary_folders() throws Exception {
    Path oldEmpty = Files.createDirectory(dir.resolve("onnxruntime-java123"));
    Path oldFull = Files.createDirectory(dir.resolve("onnxruntime-java456"));
    Files.writeString(oldFull.resolve("libonnxruntime.so"), "x");
    Path fresh = Files.createDirectory(dir.resolve("onnxruntime-java789"));
    Path other = Files.createDirectory(dir.resolve("something-else"));
    FileTime old = FileTime.from(Instant.now().minusSeconds(3600));
    for (Path p : new Path[] {oldEmpty, oldFull, other}) {
      Files.setLastModifiedTime(p, old);
    }

    assertThat(OnnxNativeCache.sweepEmptyTempFolders(dir)).isEqualTo(1);

    assertThat(oldEmpty).doesNotExist();
    assertThat(oldFull).exists();
    assertThat(fresh).exists();
    assertThat(other).exists();
  }
}
