package org.guizhoubot.index;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens an ONNX Runtime session on a model packed in the jar, through a temporary copy of it:
 * ONNX Runtime reads a file into native memory itself, so the model never passes through the Java
 * heap (a session made from a byte array also keeps a native copy of those bytes).
 */
public final class OnnxResources {
  private static final Logger log = LoggerFactory.getLogger(OnnxResources.class);

  private OnnxResources() {}

  /** A session on the classpath resource {@code resource}, which must exist. */
  public static OrtSession session(OrtEnvironment env, Class<?> owner, String resource,
      OrtSession.SessionOptions options) throws OrtException {
    Path copy = null;
    try (InputStream in = owner.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("model " + resource + " is missing from the classpath");
      }
      copy = Files.createTempFile("guizhou-model-", ".onnx");
      Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
      return env.createSession(copy.toString(), options);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot copy " + resource + " to a temporary file", e);
    } finally {
      deleteQuietly(copy);
    }
  }

  private static void deleteQuietly(Path file) {
    if (file == null) {
      return;
    }
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      log.warn("cannot delete the model copy {}", file, e);
    }
  }
}
