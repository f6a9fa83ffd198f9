package org.guizhoubot.corpus;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Writes whole files into one folder through a temporary file in that folder, readable by all
 * (0644), so a reader sees the old file or the new one, never part of one.
 */
final class AtomicFiles {
  private AtomicFiles() {}

  /** Writes a file that must not exist yet: a hard link from the temporary file fails if it does. */
  static void writeNew(Path dir, String name, byte[] bytes) throws IOException {
    Path target = dir.resolve(name);
    Path tmp = temp(dir, bytes);
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

  /** Writes a file, replacing it when it exists, by an atomic rename. */
  static void writeReplacing(Path dir, String name, byte[] bytes) throws IOException {
    Path tmp = temp(dir, bytes);
    try {
      Files.move(tmp, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  private static Path temp(Path dir, byte[] bytes) throws IOException {
    Path tmp = Files.createTempFile(dir, ".import-", ".tmp");
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
}
